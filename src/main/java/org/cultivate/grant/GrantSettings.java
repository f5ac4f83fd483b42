package org.cultivate.grant;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fund's settings ({@code cultivate.grants.*}): its currency, the first day of its fiscal year
 * (the annual cap counts one fiscal year), and how long a report may be overdue before the
 * applicant's new applications are held.
 */
@ConfigurationProperties("cultivate.grants")
record GrantSettings(String currency, MonthDay fiscalYearStart, Period holdAfterOverdue) {

    GrantSettings {
        currency = currency == null || currency.isBlank() ? "EUR" : currency.trim();
        fiscalYearStart = fiscalYearStart == null ? MonthDay.of(7, 1) : fiscalYearStart;
        holdAfterOverdue = holdAfterOverdue == null ? Period.ofDays(30) : holdAfterOverdue;
    }

    /** The first day of the fiscal year that {@code day} falls in. */
    LocalDate fiscalYearOf(LocalDate day) {
        LocalDate start = fiscalYearStart.atYear(day.getYear());
        return day.isBefore(start) ? fiscalYearStart.atYear(day.getYear() - 1) : start;
    }
}
