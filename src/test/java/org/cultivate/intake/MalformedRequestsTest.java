package org.cultivate.intake;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.cultivate.intake.RawHttp.Answer;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input found by hand, each once: every answer is a 4xx {@code application/problem+json} and
 * no case starts. {@link MalformedRequestsPropertyTest} throws generated ones at the same server.
 */
@DefaultProfileTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTest {

    static final String GOOD_REPORT = """
            {"description": "Someone shouted at me during the meetup.", "location": "event", "reporterEmail": "reporter@example.org"}""";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    HistoryService historyService;

    private RawHttp http;
    private long casesBefore;

    @BeforeEach
    void countCases() {
        http = new RawHttp(port);
        casesBefore = cases();
    }

    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary=xyz"})
    void aSubmissionSentAsMultipartIsAnUnsupportedMediaType(String contentType) {
        Answer answer = http.send("POST", "/api/forms/incident-report/submissions", Map.of("Content-Type", contentType),
                "--xyz\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nSomeone shouted at me.\r\n--xyz--\r\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertRefused(answer, 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/forms/../../engine-rest/task", "/api/forms/%2e%2e/%2e%2e/engine-rest/task",
            "/api/forms/..;/engine-rest/task", "/portal/../engine-rest/task", "/camunda/app/tasklist/../../../engine-rest/task",
            "/api/forms/./incident-report", "//api/forms"})
    void aPathThatIsNotNormalisedIsABadRequest(String path) {
        assertRefused(http.send("GET", path, Map.of(), null), 400);
    }

    /** Tomcat refuses these before any filter: they used to get its HTML error page. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/tracking/..%2F..", "/api/forms/a%5Cb", "/api/forms/a%00b", "/api/tracking/%ff%fe",
            "/api/forms/%zz", "/api/forms/a{b}", "/../api/forms", "http://elsewhere/api/forms"})
    void anAddressTomcatRefusesIsABadRequestAsProblemJson(String target) {
        assertRefused(http.send("GET", target, Map.of(), null), 400);
    }

    @Test
    void aTrackingCodeTooLongForARequestLineIsABadRequestAsProblemJson() {
        assertRefused(http.send("GET", "/api/tracking/" + "A".repeat(20_000), Map.of(), null), 400);
    }

    @Test
    void aControlCharacterInAHeaderIsABadRequestAsProblemJson() {
        assertRefused(http.send("GET", "/api/forms", Map.of("X-Note", "one\u0001two"), null), 400);
    }

    @Test
    void aBodyWhoseChunkedEncodingIsMalformedIsABadRequestAndNoIncident(CapturedOutput log) {
        Answer answer = http.send(("POST /api/forms/incident-report/submissions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + GOOD_REPORT + "\r\n")
                .getBytes(StandardCharsets.UTF_8));

        assertRefused(answer, 400);
        assertThat(log.getAll()).doesNotContain("Unexpected error");
    }

    @Test
    void aMalformedFormBodyOnAMethodThatTakesNoneIsMethodNotAllowed() {
        assertRefused(http.send("PUT", "/api/forms", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "a=%ZZ".getBytes(StandardCharsets.US_ASCII)), 405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png", "text/html", ";;;", "x"})
    void anAcceptThatAReceiptCannotMeetStartsNoCase(String accept) {
        Answer answer = http.send("POST", "/api/forms/incident-report/submissions",
                Map.of("Content-Type", "application/json", "Accept", accept), GOOD_REPORT.getBytes(StandardCharsets.UTF_8));

        assertRefused(answer, 406);
    }

    @Test
    void anAcceptThatDoesNotParseStillGetsItsProblem() {
        assertRefused(http.send("GET", "/api/forms", Map.of("Accept", ";;;"), null), 406);
    }

    @Test
    void theErrorPageItselfIsAProblem() {
        assertRefused(http.send("GET", "/error", Map.of(), null), 404);
    }

    @Test
    void expressionSyntaxInAValueIsStoredAsTheTextItIs() {
        String expression = "${execution.setVariable('x', 1)} #{execution.setVariable('y', 2)}";
        String body = "{\"description\": " + quoted(expression) + ", \"reporterName\": \"${1+1}\"}";

        Answer answer = http.send("POST", "/api/forms/incident-report/submissions", Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(201);
        String reference = json(answer).path("reference").asText();
        String caseId = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("description")
                .singleResult().getValue()).isEqualTo(expression);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("reporterName")
                .singleResult().getValue()).isEqualTo("${1+1}");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableNameIn("x", "y").count()).isZero();
    }

    private void assertRefused(Answer answer, int status) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json(answer);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(answer.text()).doesNotContain("Exception", "\tat ", "timestamp");
        assertThat(cases()).as("cases started").isEqualTo(casesBefore);
    }

    private long cases() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("conduct-incident").count();
    }

    private static JsonNode json(Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer.text(), e);
        }
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
