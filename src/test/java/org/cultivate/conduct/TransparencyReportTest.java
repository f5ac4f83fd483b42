package org.cultivate.conduct;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.cultivate.conduct.TransparencyReport.CaseFigures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransparencyReportTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 6, 30);
    private static final List<CaseFigures> CASES = List.of(
            new CaseFigures("low", "no-violation", Duration.ofHours(10), Duration.ofDays(9)),
            new CaseFigures("low", "warning", Duration.ofHours(20), Duration.ofDays(12)),
            new CaseFigures("low", "warning", Duration.ofHours(30), Duration.ofDays(20)),
            new CaseFigures("medium", "warning", Duration.ofHours(2), null),
            new CaseFigures("critical", null, null, null));

    @Test
    void thePublicReportSuppressesEveryCountAndMedianUnderThree() {
        var report = TransparencyReport.of(FROM, TO, CASES, false);

        assertThat(report.full()).isFalse();
        assertThat(report.reports()).isEqualTo(5);
        assertThat(report.bySeverity()).containsEntry("low", 3).containsEntry("medium", null).containsEntry("critical", null);
        assertThat(report.byOutcome()).containsEntry("warning", 3).containsEntry("no-violation", null).doesNotContainKey(null);
        assertThat(report.medianHoursToAcknowledge()).isEqualTo(15.0);
        assertThat(report.medianDaysToDecision()).isEqualTo(12.0);
        assertThat(report.suppressedBelow()).isEqualTo(3);
    }

    @Test
    void theCommitteesReportShowsEverything() {
        var report = TransparencyReport.of(FROM, TO, CASES.subList(3, 5), true);

        assertThat(report.reports()).isEqualTo(2);
        assertThat(report.bySeverity()).containsEntry("medium", 1).containsEntry("critical", 1);
        assertThat(report.byOutcome()).containsEntry("warning", 1);
        assertThat(report.medianHoursToAcknowledge()).isEqualTo(2.0);
        assertThat(report.medianDaysToDecision()).isNull();
        assertThat(report.suppressedBelow()).isZero();
    }

    @Test
    void fewCasesRevealNothingInPublic() {
        var report = TransparencyReport.of(FROM, TO, CASES.subList(3, 5), false);

        assertThat(report.reports()).isNull();
        assertThat(report.bySeverity().values()).containsOnlyNulls();
        assertThat(report.medianHoursToAcknowledge()).isNull();
    }
}
