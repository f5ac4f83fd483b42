package org.cultivate.grant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.UUID;

import org.cultivate.grant.GrantLedger.ApplicantHistory;
import org.cultivate.grant.GrantLedger.Entry;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grants ledger on the server's own schema (Liquibase), and the applicant history the eligibility table reads. */
@DefaultProfileTest
class GrantLedgerTest {

    @Autowired
    GrantLedger ledger;
    @Autowired
    GrantSettings settings;

    @Test
    void theFundsSettingsComeFromTheConfigurationWithTheDefaultsTheTableDescribes() {
        assertThat(settings.currency()).isEqualTo("EUR");
        assertThat(settings.fiscalYearStart()).isEqualTo(MonthDay.of(7, 1));
        assertThat(settings.holdAfterOverdue()).isEqualTo(Period.ofDays(30));
    }

    @Test
    void theFiscalYearTurnsOnTheFirstOfJuly() {
        assertThat(settings.fiscalYearOf(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(settings.fiscalYearOf(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(settings.fiscalYearOf(LocalDate.of(2027, 1, 15))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(new GrantSettings("USD", MonthDay.of(1, 1), Period.ofDays(14), null, null, null).fiscalYearOf(LocalDate.of(2026, 12, 31)))
                .isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void anApplicantsHistoryCountsRequestedAndGrantedAmountsOfTheFiscalYearOpenGrantsAndLongOverdueReports() {
        String email = "Ada." + UUID.randomUUID() + "@Example.org";
        record(email, "3000", GrantLedger.REQUESTED, LocalDate.of(2026, 6, 30), null);              // the year before
        record(email, "4000", GrantLedger.APPROVED, LocalDate.of(2026, 7, 1), LocalDate.of(2027, 3, 1));
        record(email, "1000", GrantLedger.PAID, LocalDate.of(2026, 7, 2), LocalDate.of(2026, 8, 1)); // 45 days overdue
        record(email, "500", GrantLedger.CLOSED, LocalDate.of(2026, 7, 3), null);
        record(email, "2000", GrantLedger.DECLINED, LocalDate.of(2026, 7, 4), null);
        record(email, "9000", GrantLedger.INELIGIBLE, LocalDate.of(2026, 7, 5), null);
        String deciding = record(email, "800", GrantLedger.REQUESTED, LocalDate.of(2026, 9, 15), null);

        ApplicantHistory history = ledger.historyOf(" " + email.toLowerCase() + " ", LocalDate.of(2026, 9, 15), deciding);

        assertThat(history.requestedOrGrantedThisYear()).isEqualByComparingTo("5500");
        assertThat(history.openGrants()).isEqualTo(2);
        assertThat(history.overdueReports()).isEqualTo(1);
        // on 30 June, the same applications fall in the year before
        assertThat(ledger.historyOf(email, LocalDate.of(2026, 6, 30), deciding).requestedOrGrantedThisYear()).isEqualByComparingTo("3000");
        // a report due 1 August is held against the applicant from 31 August, 30 days overdue
        assertThat(ledger.historyOf(email, LocalDate.of(2026, 8, 30), deciding).overdueReports()).isZero();
        assertThat(ledger.historyOf(email, LocalDate.of(2026, 8, 31), deciding).overdueReports()).isOne();
    }

    @Test
    void onlyAnAcceptedFinalReportClosesAGrant() {
        String email = "grantee-" + UUID.randomUUID() + "@example.org";
        String reference = record(email, "2500", GrantLedger.APPROVED, LocalDate.of(2026, 8, 1), LocalDate.of(2027, 2, 1));
        LocalDate day = LocalDate.of(2027, 4, 1);
        assertThat(ledger.historyOf(email, day, null)).isEqualTo(new ApplicantHistory(new BigDecimal("2500.00"), 1, 1));

        ledger.setStatus(reference, GrantLedger.PAID);
        ledger.setReportDue(reference, LocalDate.of(2027, 5, 1));   // a revision asked for: due again
        assertThat(ledger.historyOf(email, day, null).overdueReports()).isZero();
        assertThat(ledger.historyOf(email, day, null).openGrants()).isOne();

        ledger.setStatus(reference, GrantLedger.CLOSED);
        ledger.setReportDue(reference, null);
        assertThat(ledger.historyOf(email, day, null).openGrants()).isZero();
        assertThat(ledger.find(reference)).get().extracting(Entry::status, Entry::reportDue).containsExactly(GrantLedger.CLOSED, null);
        assertThat(ledger.byApplicant(email.toUpperCase())).extracting(Entry::reference).containsExactly(reference);
    }

    @Test
    void aGranteesTrackRecordCountsCompletedGrantsAndReportsFiledLateAndALargerGrantLeavesTheRapidCapAlone() {
        String email = "track-" + UUID.randomUUID() + "@example.org";
        String first = record(email, "2000", GrantLedger.PAID, LocalDate.of(2026, 7, 10), LocalDate.of(2026, 12, 1));
        ledger.reportFiled(first, LocalDate.of(2026, 12, 1));                  // on the day: on time
        ledger.setStatus(first, GrantLedger.CLOSED);
        String second = record(email, "3000", GrantLedger.PAID, LocalDate.of(2026, 8, 10), LocalDate.of(2026, 12, 1));
        assertThat(GrantLedger.trackRecordOf(ledger.byApplicant(email))).isEqualTo(new GrantLedger.TrackRecord(1, 0));
        ledger.reportFiled(second, LocalDate.of(2026, 12, 2));                 // a day late
        ledger.setStatus(second, GrantLedger.CLOSED);
        assertThat(GrantLedger.trackRecordOf(ledger.byApplicant(email.toUpperCase()))).isEqualTo(new GrantLedger.TrackRecord(2, 1));
        assertThat(ledger.find(second)).get().extracting(Entry::reportDue).isNull();

        String larger = "SUG-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.record(new Entry(larger, RapidGrantProcess.SCALE_UP_PROCESS_KEY, email, "individual", "PyLadies Lagos",
                new BigDecimal("60000"), settings.currency(), GrantLedger.APPROVED, LocalDate.of(2026, 12, 3), null, second));
        ApplicantHistory history = ledger.historyOf(email, LocalDate.of(2026, 12, 4), null);
        assertThat(history.requestedOrGrantedThisYear()).as("the rapid fund's cap").isEqualByComparingTo("5000");
        assertThat(history.openGrants()).as("a larger grant is open like any other").isOne();
        assertThat(ledger.byApplicant(email)).extracting(Entry::reference, Entry::rapidGrantReference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, null), org.assertj.core.groups.Tuple.tuple(second, null),
                        org.assertj.core.groups.Tuple.tuple(larger, second));
    }

    @Test
    void unknownStatusesAndApplicationsAreRefused() {
        String reference = record("someone-" + UUID.randomUUID() + "@example.org", "900", GrantLedger.REQUESTED, LocalDate.of(2026, 9, 1), null);
        assertThatThrownBy(() -> ledger.setStatus(reference, "funded-twice")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.setStatus("RG-NOSUCH", GrantLedger.APPROVED)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RG-NOSUCH");
    }

    private String record(String email, String amount, String status, LocalDate appliedOn, LocalDate reportDue) {
        String reference = "RG-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.record(new Entry(reference, RapidGrantProcess.PROCESS_KEY, email, "individual", "PyLadies Lagos",
                new BigDecimal(amount), settings.currency(), status, appliedOn, reportDue, null));
        return reference;
    }
}
