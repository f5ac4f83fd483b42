package org.cultivate.grant;

import java.time.Clock;
import java.time.LocalDate;

import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fund's figures for a fiscal year ({@code fiscalYear=2026}: from the fiscal year's first day in
 * 2026; the current one by default): {@code GET /api/grants/summary} for the grants committee and
 * the coordinators, every figure; {@code GET /api/grants/report} for anyone, small groups suppressed.
 */
@RestController
class GrantsSummaryController {

    private final GrantLedger ledger;
    private final GrantSettings settings;
    private final Clock clock;

    GrantsSummaryController(GrantLedger ledger, GrantSettings settings, Clock clock) {
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/api/grants/summary")
    GrantsSummary summary(@RequestParam(required = false) Integer fiscalYear) {
        return summary(fiscalYear, true);
    }

    @GetMapping("/api/grants/report")
    GrantsSummary report(@RequestParam(required = false) Integer fiscalYear) {
        return summary(fiscalYear, false);
    }

    private GrantsSummary summary(Integer fiscalYear, boolean full) {
        LocalDate today = LocalDate.now(clock);
        if (fiscalYear != null && (fiscalYear < 2000 || fiscalYear > today.getYear() + 1)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid fiscal year",
                    "\"fiscalYear\" is the year in which a fiscal year starts, from 2000 to next year.");
        }
        LocalDate from = fiscalYear == null ? settings.fiscalYearOf(today) : settings.fiscalYearStart().atYear(fiscalYear);
        return GrantsSummary.of(from.getYear(), from, settings.currency(), ledger.appliedBetween(from, from.plusYears(1)), today, full);
    }
}
