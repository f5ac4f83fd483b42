package org.cultivate.grant;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cultivate.grant.RapidGrantProcess.COMPLETED_GRANTS;
import static org.cultivate.grant.RapidGrantProcess.INVITE_BECAUSE;
import static org.cultivate.grant.RapidGrantProcess.INVITE_SCALE_UP;
import static org.cultivate.grant.RapidGrantProcess.LATE_REPORTS;
import static org.cultivate.grant.RapidGrantProcess.RECOMMEND_SCALE_UP;
import static org.cultivate.grant.RapidGrantProcess.SCALE_UP_DECISION;

/** The shipped scale-up table row by row, and the early call's ten working days. */
class ScaleUpInvitationTableTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision TABLE = parse();

    @ParameterizedTest(name = "recommended={0}, {1} completed, {2} late -> {3}")
    @CsvSource(nullValues = "none", value = {
            "true,  1, 3, true,  committee-recommended",
            "false, 1, 0, false, not-yet",
            "none,  1, 0, false, not-yet",
            "none,  2, 0, true,  track-record",
            "false, 5, 0, true,  track-record",
            "false, 2, 1, false, not-yet"})
    void decides(Boolean recommended, int completed, int late, boolean invite, String because) {
        var result = DMN.evaluateDecisionTable(TABLE, Variables.createVariables().putValue(RECOMMEND_SCALE_UP, recommended)
                .putValue(COMPLETED_GRANTS, completed).putValue(LATE_REPORTS, late)).getSingleResult();

        assertThat(result.<Boolean>getEntry(INVITE_SCALE_UP)).isEqualTo(invite);
        assertThat(result.<String>getEntry(INVITE_BECAUSE)).isEqualTo(because);
    }

    @Test
    void theEarlyCallIsDueTenWorkingDaysLaterWeekendsLeftOut() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertThat(friday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(PlanEarlyCallDelegate.workingDaysAfter(friday, 10)).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(PlanEarlyCallDelegate.workingDaysAfter(LocalDate.of(2026, 12, 5), 1)).as("from a Saturday").isEqualTo(LocalDate.of(2026, 12, 7));
    }

    private static DmnDecision parse() {
        try (InputStream table = Files.newInputStream(Path.of("processes/scale-up-invitation.dmn"))) {
            return DMN.parseDecision(SCALE_UP_DECISION, table);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
