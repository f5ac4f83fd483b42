package org.cultivate.conduct;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.cultivate.system.PublicFigures;

/**
 * The figures a conduct committee publishes (Django twice a year, the PSF after each
 * conference): counts by severity and outcome and how fast the committee was, nothing that
 * identifies anyone. In the public variant every count under {@value PublicFigures#SMALLEST_PUBLIC_COUNT} is
 * {@code null} (suppressed), and so is a median over fewer cases.
 */
@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
record TransparencyReport(LocalDate from, LocalDate to, boolean full, Integer reports, Map<String, Integer> bySeverity,
        Map<String, Integer> byOutcome, Double medianHoursToAcknowledge, Double medianDaysToDecision, int suppressedBelow) {

    /** The figures of one case: severity, outcome (null while undecided), and how long it took. */
    record CaseFigures(String severity, String outcome, Duration toAcknowledge, Duration toDecision) {
    }

    static TransparencyReport of(LocalDate from, LocalDate to, List<CaseFigures> cases, boolean full) {
        int threshold = PublicFigures.threshold(full);
        return new TransparencyReport(from, to, full,
                PublicFigures.suppress(cases.size(), threshold),
                counts(cases, CaseFigures::severity, threshold),
                counts(cases, CaseFigures::outcome, threshold),
                median(cases, CaseFigures::toAcknowledge, threshold, 3600.0),
                median(cases, CaseFigures::toDecision, threshold, 86400.0),
                threshold);
    }

    private static Map<String, Integer> counts(List<CaseFigures> cases, Function<CaseFigures, String> key, int threshold) {
        Map<String, Long> counted = cases.stream().filter(figures -> key.apply(figures) != null)
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
        var result = new TreeMap<String, Integer>();
        counted.forEach((name, count) -> result.put(name, PublicFigures.suppress(count.intValue(), threshold)));
        return result;
    }

    private static Double median(List<CaseFigures> cases, Function<CaseFigures, Duration> duration, int threshold, double unitSeconds) {
        var values = new ArrayList<Double>();
        cases.stream().map(duration).filter(value -> value != null).forEach(value -> values.add(value.toSeconds() / unitSeconds));
        if (values.isEmpty() || values.size() < threshold) {
            return null;
        }
        values.sort(Double::compare);
        int middle = values.size() / 2;
        double median = values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
        return Math.round(median * 10) / 10.0;
    }
}
