package org.cultivate.onboarding;

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

/** The shipped matching table, row by row. Coordinators who change the table change this test with it. */
class MentorMatchingTableTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision MATCHING = parse();

    @ParameterizedTest(name = "same region={0}, shared language={1} -> rank {2}")
    @CsvSource({
            "true,  true,  1",
            "true,  false, 2",
            "false, true,  2",
            "false, false, 3"})
    void ranksAMentor(boolean sameRegion, boolean sharedLanguage, int rank) {
        var result = DMN.evaluateDecisionTable(MATCHING, Variables.createVariables()
                .putValue(LeaderOnboardingProcess.SAME_REGION, sameRegion)
                .putValue(LeaderOnboardingProcess.SHARED_LANGUAGE, sharedLanguage)).getSingleResult();

        assertThat(result.<Integer>getEntry(LeaderOnboardingProcess.RANK)).isEqualTo(rank);
    }

    private static DmnDecision parse() {
        try (InputStream table = Files.newInputStream(Path.of("processes/mentor-matching.dmn"))) {
            return DMN.parseDecision(LeaderOnboardingProcess.MATCHING_DECISION, table);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
