package org.cultivate.grant;

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
import static org.cultivate.grant.RapidGrantProcess.AMOUNT;
import static org.cultivate.grant.RapidGrantProcess.APPLICANT_TYPE;
import static org.cultivate.grant.RapidGrantProcess.ELIGIBILITY_DECISION;
import static org.cultivate.grant.RapidGrantProcess.ELIGIBILITY_REASON;
import static org.cultivate.grant.RapidGrantProcess.ELIGIBILITY_RULE;
import static org.cultivate.grant.RapidGrantProcess.ELIGIBLE;
import static org.cultivate.grant.RapidGrantProcess.OPEN_GRANTS;
import static org.cultivate.grant.RapidGrantProcess.OVERDUE_REPORTS;
import static org.cultivate.grant.RapidGrantProcess.TOTAL_THIS_YEAR;

/** The shipped eligibility table, row by row and at each row's edges. A committee that changes the table changes this test with it. */
class RapidGrantEligibilityTableTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision TABLE = parse();

    @ParameterizedTest(name = "amount={0}, overdue={1}, total={2}, {3} with {4} open -> {5}")
    @CsvSource({
            "499,  0, 499,   individual,   0, false, amount-band",
            "500,  0, 500,   individual,   0, true,  eligible",
            "5000, 0, 5000,  organisation, 0, true,  eligible",
            "5001, 0, 5001,  organisation, 0, false, amount-band",
            "1000, 1, 1000,  individual,   0, false, overdue-report",
            "499,  1, 499,   individual,   0, false, amount-band",
            "1000, 0, 10000, individual,   0, true,  eligible",
            "1000, 0, 10001, individual,   0, false, annual-cap",
            "1000, 1, 10001, individual,   0, false, overdue-report",
            "1000, 0, 1000,  individual,   1, false, open-grants",
            "1000, 0, 12000, individual,   1, false, annual-cap",
            "1000, 0, 1000,  group,        2, true,  eligible",
            "1000, 0, 1000,  group,        3, false, open-grants",
            "1000, 0, 1000,  organisation, 2, true,  eligible",
            "1000, 0, 1000,  organisation, 3, false, open-grants"})
    void decides(double amount, int overdue, double total, String type, int open, boolean eligible, String rule) {
        var result = DMN.evaluateDecisionTable(TABLE, Variables.createVariables()
                .putValue(AMOUNT, amount).putValue(OVERDUE_REPORTS, overdue).putValue(TOTAL_THIS_YEAR, total)
                .putValue(APPLICANT_TYPE, type).putValue(OPEN_GRANTS, open)).getSingleResult();

        assertThat(result.<Boolean>getEntry(ELIGIBLE)).isEqualTo(eligible);
        assertThat(result.<String>getEntry(ELIGIBILITY_RULE)).isEqualTo(rule);
        assertThat(result.<String>getEntry(ELIGIBILITY_REASON)).as("words the applicant reads").isNotBlank().doesNotContain("null");
    }

    private static DmnDecision parse() {
        try (InputStream table = Files.newInputStream(Path.of("processes/rapid-grant-eligibility.dmn"))) {
            return DMN.parseDecision(ELIGIBILITY_DECISION, table);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
