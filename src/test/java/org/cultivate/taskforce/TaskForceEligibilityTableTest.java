package org.cultivate.taskforce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped task-force eligibility table, row by row. A committee that changes the table changes this test with it. */
class TaskForceEligibilityTableTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision TABLE = parse();

    @ParameterizedTest(name = "selector={0}, standing={1}, applied before={2} -> {3}")
    @CsvSource({
            "true,  true,  false, false, selection-committee",
            "true,  false, false, false, selection-committee",
            "false, false, false, false, good-standing",
            "false, false, true,  false, good-standing",
            "false, true,  true,  false, applied-already",
            "false, true,  false, true,  eligible"})
    void decides(boolean selector, boolean goodStanding, boolean appliedBefore, boolean eligible, String rule) {
        var result = DMN.evaluateDecisionTable(TABLE, Variables.createVariables().putValue("selectionCommitteeMember", selector)
                .putValue("goodStanding", goodStanding).putValue("appliedToThisCall", appliedBefore)).getSingleResult();

        assertThat(result.<Boolean>getEntry("eligible")).isEqualTo(eligible);
        assertThat(result.<String>getEntry("eligibilityRule")).isEqualTo(rule);
        assertThat(result.<String>getEntry("eligibilityReason")).as("words the applicant reads").isNotBlank()
                .doesNotContain("ban", "conduct case");
    }

    private static DmnDecision parse() {
        try (InputStream table = Files.newInputStream(Path.of("processes/task-force-eligibility.dmn"))) {
            return DMN.parseDecision("task-force-eligibility", table);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
