package org.cultivate.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every door × every role: the expected answer, and no data of a case the role may not see.
 * One conduct case is opened through the intake; alice declares no conflict (cleared), bob
 * declares one (recused). The same table runs with local accounts (HTTP Basic) and with
 * Keycloak's tokens; subclasses say how a user's credentials travel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecurityMatrix {

    /** What a role gets at a door. */
    enum Outcome {
        /** 2xx with the case in it. */
        CASE_DATA,
        /** 200 without any trace of the case (an empty list, say). */
        NOTHING_OF_THE_CASE,
        /** 2xx, for doors that hold no case data. */
        OK,
        /** Sent to sign in (a browser page). */
        TO_SIGN_IN,
        UNAUTHORIZED,
        FORBIDDEN,
        NOT_FOUND
    }

    static final String ANONYMOUS = "anonymous";
    static final List<String> ROLES = List.of(ANONYMOUS, "alice", "bob", "dana", "eve", "femi", "gita", "demo");
    /** Only in this case's report: finding it in an answer means the case leaked. */
    static final String MARKER = "Quillwort";
    /** Marks a door a browser opens (it asks for HTML), rather than a script. */
    static final String PAGE = "page:";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    String reference;
    String caseId;
    String taskId;

    /** http://localhost:port of the server under test. */
    abstract String baseUrl();

    /** The Authorization header value that signs {@code user} in for one call. */
    abstract String authorization(String user);

    /** The table: door → role → outcome (every role listed for every door). */
    Map<String, Map<String, Outcome>> doors() {
        var table = new LinkedHashMap<String, Map<String, Outcome>>();
        Outcome committeeOnly = Outcome.FORBIDDEN;
        table.put("/engine-rest/process-instance/{case}",
                caseDoor(Outcome.UNAUTHORIZED, Outcome.NOT_FOUND));
        // the engine says 403 here, which would confirm the case exists: Cultivate answers 404
        table.put("/engine-rest/process-instance/{case}/variables",
                caseDoor(Outcome.UNAUTHORIZED, Outcome.NOT_FOUND));
        table.put("/engine-rest/process-instance?processInstanceIds={case}",
                caseDoor(Outcome.UNAUTHORIZED, Outcome.NOTHING_OF_THE_CASE));
        table.put("/engine-rest/task?processInstanceId={case}",
                caseDoor(Outcome.UNAUTHORIZED, Outcome.NOTHING_OF_THE_CASE));
        table.put("/engine-rest/task/{task}", caseDoor(Outcome.UNAUTHORIZED, Outcome.NOT_FOUND));
        table.put("/engine-rest/task/{task}/form-variables", caseDoor(Outcome.UNAUTHORIZED, Outcome.NOT_FOUND));
        table.put("/engine-rest/history/process-instance?processInstanceId={case}",
                caseDoor(Outcome.UNAUTHORIZED, Outcome.NOTHING_OF_THE_CASE));
        table.put("/engine-rest/history/variable-instance?processInstanceId={case}",
                caseDoor(Outcome.UNAUTHORIZED, Outcome.NOTHING_OF_THE_CASE));
        table.put("/engine-rest/history/task?processInstanceId={case}",
                caseDoor(Outcome.UNAUTHORIZED, Outcome.NOTHING_OF_THE_CASE));
        table.put("/engine-rest/process-definition/key/conduct-incident",
                row(Outcome.UNAUTHORIZED, Outcome.NOT_FOUND, Outcome.NOT_FOUND, Outcome.NOT_FOUND, Outcome.NOT_FOUND,
                        Outcome.NOT_FOUND, Outcome.OK, Outcome.OK));
        // the webapps' engine API, behind Tasklist and Cockpit: the same model through the other door
        table.put("/camunda/api/engine/engine/default/task?processInstanceId={case}",
                caseDoor(Outcome.UNAUTHORIZED, Outcome.NOTHING_OF_THE_CASE));
        table.put("/camunda/api/engine/engine/default/process-instance/{case}/variables",
                caseDoor(Outcome.UNAUTHORIZED, Outcome.NOT_FOUND));
        // a page: a browser is sent to sign in; coordinators have Cockpit, and Tasklist for the onboardings no mentor fits
        table.put(PAGE + "/camunda/app/tasklist/default/", row(Outcome.TO_SIGN_IN, Outcome.OK, Outcome.OK, Outcome.OK,
                Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK));
        table.put(PAGE + "/camunda/app/cockpit/default/", row(Outcome.TO_SIGN_IN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.OK, Outcome.OK));
        table.put(PAGE + "/portal", everyone(Outcome.OK, Outcome.OK));
        table.put(PAGE + "/portal/track/NoSuchCodeAtAll", everyone(Outcome.OK, Outcome.OK));
        table.put("/api/forms", everyone(Outcome.OK, Outcome.OK));
        table.put("/api/forms/incident-report", everyone(Outcome.OK, Outcome.OK));
        table.put("/api/conduct/transparency", everyone(Outcome.OK, Outcome.OK));
        table.put("/api/conduct/bans", row(Outcome.UNAUTHORIZED, Outcome.OK, Outcome.OK, committeeOnly, committeeOnly,
                committeeOnly, committeeOnly, Outcome.OK));
        // the grants fund's figures: every one for the grants committee and coordinators, small groups suppressed for anyone
        table.put("/api/grants/summary", row(Outcome.UNAUTHORIZED, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.OK,
                Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.OK, Outcome.OK));
        table.put("/api/grants/report", everyone(Outcome.OK, Outcome.OK));
        // task-force calls: the open ones and their pages for anyone; a panel's balance view for the selection committee and coordinators
        table.put("/api/task-force/calls", everyone(Outcome.OK, Outcome.OK));
        table.put("/api/task-force/calls/TFC-NOSUCH00/balance", row(Outcome.UNAUTHORIZED, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.NOT_FOUND));
        // each member's own affiliations
        table.put("/api/me/affiliations", everyone(Outcome.UNAUTHORIZED, Outcome.OK));
        // the leaders' register: coordinators and administrators only
        table.put("/api/onboarding/mentors", row(Outcome.UNAUTHORIZED, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.OK, Outcome.OK));
        table.put("/api/leaders", row(Outcome.UNAUTHORIZED, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.OK, Outcome.OK));
        // the modeler: coordinators and administrators only; nothing of a case in its overview
        table.put(PAGE + "/modeler", row(Outcome.TO_SIGN_IN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.OK, Outcome.OK));
        table.put("/api/modeler/definitions", row(Outcome.UNAUTHORIZED, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.OK, Outcome.OK));
        table.put("/api/session", everyone(Outcome.OK, Outcome.OK));
        table.put("/actuator/health", everyone(Outcome.OK, Outcome.OK));
        table.put("/actuator/metrics", row(Outcome.UNAUTHORIZED, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.OK));
        return table;
    }

    /** A door into the case: alice (cleared) and demo (admin) see it; everyone else gets {@code others}. */
    private static Map<String, Outcome> caseDoor(Outcome anonymous, Outcome others) {
        return row(anonymous, Outcome.CASE_DATA, others, others, others, others, others, Outcome.CASE_DATA);
    }

    private static Map<String, Outcome> everyone(Outcome anonymous, Outcome signedIn) {
        return row(anonymous, signedIn, signedIn, signedIn, signedIn, signedIn, signedIn, signedIn);
    }

    /** Outcomes in the order of {@link #ROLES}. */
    static Map<String, Outcome> row(Outcome... outcomes) {
        assertThat(outcomes).hasSameSizeAs(ROLES);
        var row = new LinkedHashMap<String, Outcome>();
        for (int i = 0; i < outcomes.length; i++) {
            row.put(ROLES.get(i), outcomes[i]);
        }
        return row;
    }

    @BeforeAll
    void openACaseWithOneClearedAndOneRecusedMember() throws Exception {
        reference = send("POST", "/api/forms/incident-report/submissions", null,
                "{\"description\": \"" + MARKER + " was shouted down in the evening call, again.\"}").path("reference").asText();
        String cases = "/engine-rest/process-instance?businessKey=" + reference;
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", cases, "demo", null).size() == 1);
        caseId = send("GET", cases, "demo", null).get(0).path("id").asText();
        for (String member : List.of("alice", "bob")) {
            String declarations = "/engine-rest/task?assignee=" + member + "&taskDefinitionKey=UserTask_DeclareConflict"
                    + "&processVariables=caseId_eq_" + caseId;
            await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", declarations, member, null).size() == 1);
            String declaration = send("GET", declarations, member, null).get(0).path("id").asText();
            send("POST", "/engine-rest/task/" + declaration + "/submit-form", member,
                    "{\"variables\": {\"hasConflict\": {\"value\": " + member.equals("bob") + "}}}");
        }
        String tasks = "/engine-rest/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=UserTask_AcknowledgeReport";
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", tasks, "alice", null).size() == 1);
        taskId = send("GET", tasks, "alice", null).get(0).path("id").asText();
    }

    @Test
    void staffReadsOfTheCaseAreLoggedForThoseWhoMaySeeIt() throws Exception {
        String variables = "/engine-rest/process-instance/" + caseId + "/variables";
        assertThat(get(variables, "alice").statusCode()).isEqualTo(200);
        assertThat(get(variables, "bob").statusCode()).as("refused reads are not reads").isEqualTo(404);
        String reads = "/api/conduct/cases/" + reference + "/reads";

        JsonNode log = send("GET", reads, "alice", null);
        assertThat(log.findValuesAsText("door")).contains("GET " + variables);
        assertThat(log.findValuesAsText("userId")).contains("alice").doesNotContain("bob");
        assertThat(send("GET", reads, "demo", null).findValuesAsText("userId")).contains("alice");
        // a recused member learns nothing, not even that the case exists; other groups may not ask
        assertThat(get(reads, "bob").statusCode()).isEqualTo(404);
        assertThat(get(reads, "dana").statusCode()).isEqualTo(403);
        assertThat(get(reads, ANONYMOUS).statusCode()).isEqualTo(401);
    }

    @TestFactory
    Stream<DynamicTest> everyDoorForEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        doors().forEach((door, outcomes) -> {
            assertThat(outcomes.keySet()).as(door).containsExactlyElementsOf(ROLES);
            outcomes.forEach((role, expected) -> tests.add(DynamicTest.dynamicTest(role + " GET " + door + " → " + expected,
                    () -> check(door.replace("{case}", caseId).replace("{task}", taskId), role, expected))));
        });
        return tests.stream();
    }

    private void check(String door, String role, Outcome expected) throws IOException, InterruptedException {
        boolean page = door.startsWith(PAGE);
        HttpResponse<String> response = get(page ? door.substring(PAGE.length()) : door, role, page ? "text/html" : "application/json");
        int status = response.statusCode();
        String body = response.body();
        // an error may repeat the id the caller asked for; a success must not carry it, nor the report
        boolean hasCase = body.contains(MARKER) || (status < 300 && body.contains(caseId));
        switch (expected) {
            case CASE_DATA -> {
                assertThat(status).as(body).isBetween(200, 299);
                assertThat(hasCase).as("the case is in " + body).isTrue();
            }
            case NOTHING_OF_THE_CASE -> assertThat(status).as(body).isEqualTo(200);
            case OK -> assertThat(status).as(body).isBetween(200, 299);
            case TO_SIGN_IN -> {
                assertThat(status).isEqualTo(302);
                assertThat(response.headers().firstValue("Location")).get().asString()
                        .containsAnyOf("/login", "/oauth2/authorization/");
            }
            case UNAUTHORIZED -> assertThat(status).isEqualTo(401);
            case FORBIDDEN -> assertThat(status).as(body).isEqualTo(403);
            case NOT_FOUND -> assertThat(status).as(body).isEqualTo(404);
        }
        if (expected != Outcome.CASE_DATA) {
            assertThat(hasCase).as("no trace of the case for %s in %s", role, body).isFalse();
        }
    }

    private HttpResponse<String> get(String path, String role) throws IOException, InterruptedException {
        return get(path, role, "application/json");
    }

    private HttpResponse<String> get(String path, String role, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", accept).GET();
        if (!ANONYMOUS.equals(role)) {
            request.header("Authorization", authorization(role));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON call as {@code user} (null: anonymous) that must succeed. */
    JsonNode send(String method, String path, String user, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", authorization(user));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, user, response.body()).isBetween(200, 299);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
