package org.cultivate.grant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.cultivate.system.PublicFigures;

/**
 * A fiscal year of the fund, from the grants ledger: what was requested, approved and paid, in
 * total, by applicant type and by community, and the reports due and overdue today. The
 * committee's view has every figure; in the public one a group of fewer than
 * {@value PublicFigures#SMALLEST_PUBLIC_COUNT} applications shows neither its count nor its amount.
 */
@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
record GrantsSummary(int fiscalYear, LocalDate from, LocalDate to, String currency, boolean full, int suppressedBelow,
        Figures total, Map<String, Figures> byType, Map<String, Figures> byCommunity, Reports reports) {

    /** Requested: every application received; approved: approved, paid or closed; paid: paid or closed. */
    record Figures(Figure requested, Figure approved, Figure paid) {
    }

    /** How many, and how much; both null when suppressed. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Figure(Integer count, BigDecimal amount) {
    }

    /** Reports of open grants: due today or later, and overdue. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Reports(Integer due, Integer overdue) {
    }

    private static final List<String> APPROVED = List.of(GrantLedger.APPROVED, GrantLedger.PAID, GrantLedger.CLOSED);
    private static final List<String> PAID = List.of(GrantLedger.PAID, GrantLedger.CLOSED);

    static GrantsSummary of(int fiscalYear, LocalDate from, String currency, List<GrantLedger.Entry> entries, LocalDate today,
            boolean full) {
        int threshold = PublicFigures.threshold(full);
        Map<Boolean, Long> overdue = entries.stream().filter(GrantLedger::isOpen).filter(entry -> entry.reportDue() != null)
                .collect(Collectors.partitioningBy(entry -> entry.reportDue().isBefore(today), Collectors.counting()));
        return new GrantsSummary(fiscalYear, from, from.plusYears(1).minusDays(1), currency, full, threshold,
                figures(entries, threshold), by(entries, GrantLedger.Entry::applicantType, threshold),
                by(entries, GrantLedger.Entry::community, threshold),
                new Reports(PublicFigures.suppress(overdue.get(false).intValue(), threshold),
                        PublicFigures.suppress(overdue.get(true).intValue(), threshold)));
    }

    private static Map<String, Figures> by(List<GrantLedger.Entry> entries, Function<GrantLedger.Entry, String> key, int threshold) {
        var result = new TreeMap<String, Figures>();
        entries.stream().filter(entry -> key.apply(entry) != null)
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()))
                .forEach((name, group) -> result.put(name, figures(group, threshold)));
        return result;
    }

    private static Figures figures(List<GrantLedger.Entry> entries, int threshold) {
        return new Figures(figure(entries, entry -> true, threshold), figure(entries, entry -> APPROVED.contains(entry.status()), threshold),
                figure(entries, entry -> PAID.contains(entry.status()), threshold));
    }

    private static Figure figure(List<GrantLedger.Entry> entries, Predicate<GrantLedger.Entry> counted, int threshold) {
        List<GrantLedger.Entry> matching = entries.stream().filter(counted).toList();
        Integer count = PublicFigures.suppress(matching.size(), threshold);
        return new Figure(count, count == null ? null
                : matching.stream().map(GrantLedger.Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
