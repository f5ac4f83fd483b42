package org.cultivate.grant;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fund's settings ({@code cultivate.grants.*}): its currency, the first day of its fiscal year
 * (the annual cap counts one fiscal year), how long a report may be overdue before the
 * applicant's new applications are held, how many cleared members must review an application and
 * within how long, and whether a finance tool takes payments (otherwise the {@code finance} group
 * records them in Tasklist).
 */
@ConfigurationProperties("cultivate.grants")
record GrantSettings(String currency, MonthDay fiscalYearStart, Period holdAfterOverdue, Integer reviewQuorum,
        Period reviewWithin, Boolean financeTool) {

    GrantSettings {
        currency = currency == null || currency.isBlank() ? "EUR" : currency.trim();
        fiscalYearStart = fiscalYearStart == null ? MonthDay.of(7, 1) : fiscalYearStart;
        holdAfterOverdue = holdAfterOverdue == null ? Period.ofDays(30) : holdAfterOverdue;
        reviewQuorum = reviewQuorum == null ? 2 : reviewQuorum;
        if (reviewQuorum < 1) {
            throw new IllegalArgumentException("cultivate.grants.review-quorum must be at least 1, not " + reviewQuorum);
        }
        reviewWithin = reviewWithin == null ? Period.ofDays(14) : reviewWithin;
        financeTool = financeTool == null || financeTool;
    }

    /** The first day of the fiscal year that {@code day} falls in. */
    LocalDate fiscalYearOf(LocalDate day) {
        LocalDate start = fiscalYearStart.atYear(day.getYear());
        return day.isBefore(start) ? fiscalYearStart.atYear(day.getYear() - 1) : start;
    }
}
