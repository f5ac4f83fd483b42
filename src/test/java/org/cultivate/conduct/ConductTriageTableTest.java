package org.cultivate.conduct;

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

/** The shipped triage table, row by row. A committee that changes the table changes this test with it. */
class ConductTriageTableTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision TRIAGE = parse();

    @ParameterizedTest(name = "danger={0}, behaviour={1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "true,  none,           critical, PT4H,  P7D",
            "true,  disruption,     critical, PT4H,  P7D",
            "false, threats,        high,     PT24H, P14D",
            "false, sexual,         high,     PT24H, P14D",
            "false, harassment,     medium,   P2D,   P30D",
            "false, discrimination, medium,   P2D,   P30D",
            "false, disruption,     low,      P3D,   P30D",
            "false, other,          low,      P3D,   P30D",
            "false, none,           low,      P3D,   P30D"})
    void ratesAReport(boolean danger, String behaviour, String severity, String acknowledgeWithin, String resolveWithin) {
        var result = DMN.evaluateDecisionTable(TRIAGE, Variables.createVariables()
                .putValue("ongoingDanger", danger)
                .putValueTyped("behaviour", Variables.stringValue(behaviour))).getSingleResult();

        assertThat(result.<String>getEntry("severity")).isEqualTo(severity);
        assertThat(result.<String>getEntry("acknowledgeWithin")).isEqualTo(acknowledgeWithin);
        assertThat(result.<String>getEntry("resolveWithin")).isEqualTo(resolveWithin);
    }

    private static DmnDecision parse() {
        try (InputStream table = Files.newInputStream(Path.of("processes/conduct-triage.dmn"))) {
            return DMN.parseDecision(ConductIncidentProcess.TRIAGE_DECISION, table);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
