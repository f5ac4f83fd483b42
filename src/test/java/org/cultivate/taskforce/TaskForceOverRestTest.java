package org.cultivate.taskforce;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.cultivate.system.CommitteeOverRest;
import org.cultivate.system.HolderOverRest;
import org.cultivate.system.TestPostgres;
import org.cultivate.system.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A task-force call the way people work it, in the default profile with its demo users, on
 * PostgreSQL with real SMTP: a coordinator opens a call over {@code /engine-rest} as Tasklist does;
 * applicants apply through the public API in several languages, one after the close; the selection
 * committee declares and reviews through {@code /engine-rest}, one member conflicted on one
 * application probing every door for it; the timers run on demand; the panel is checked against an
 * optimum computed here; one offer is declined and the seat goes to the reserve who keeps the balance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cultivate.tracking.lookups-per-minute=10000",
        "logging.level.com.icegreen.greenmail=warn"})
class TaskForceOverRestTest {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final GreenMail SMTP = TestSmtp.start(SMTP_PORT);
    private static final List<String> COMMITTEE = List.of("eve", "kofi", "lena");

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @DynamicPropertySource
    static void mailAndDatabase(DynamicPropertyRegistry registry) {
        Map<String, String> database = TestPostgres.newDatabase("task_force_over_rest");
        registry.add("spring.datasource.url", () -> database.get("POSTGRES_URL"));
        registry.add("spring.datasource.username", () -> database.get("POSTGRES_USER"));
        registry.add("spring.datasource.password", () -> database.get("POSTGRES_PASSWORD"));
        registry.add("MAIL_HOST", () -> "127.0.0.1");
        registry.add("MAIL_PORT", () -> SMTP_PORT);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    /** An applicant as the test knows them: their tracking code, reference and case. */
    private record Applicant(String name, String region, String code, String reference, String caseId) {
    }

    @Test
    void aCallIsReviewedAroundAConflictedMemberAndADeclinedSeatGoesToTheReserveWhoKeepsTheBalance() throws Exception {
        var people = new CommitteeOverRest(http);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // a balance the selection cannot read is refused at the door, and no call starts
        ResponseEntity<JsonNode> refused = openCall(today, "region Atlantis 1 -");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("message").asText()).contains("Line 1", "region must be one of");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("task-force-call").count()).isZero();

        assertThat(openCall(today, "region SSA 1 -").getStatusCode()).isEqualTo(HttpStatus.OK);
        String call = runtimeService.createProcessInstanceQuery().processDefinitionKey("task-force-call").singleResult().getBusinessKey();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject("/api/task-force/calls", JsonNode.class)
                .findValuesAsText("reference").contains(call));
        assertThat(http.getForObject("/api/task-force/calls/" + call, JsonNode.class).path("state").asText()).isEqualTo("open");

        ResponseEntity<JsonNode> unknown = apply("TFC-NOSUCH00", "Zed", "NWE", "en", null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().path("errors").findValuesAsText("field")).containsExactly("callReference");

        var applicants = new LinkedHashMap<String, Applicant>();
        for (String[] person : new String[][] {{"Ana", "NWE", "en", "en"}, {"Ben", "NWE", "fr", "fr-FR,fr"}, {"Chiamaka", "SSA", "en", "en"},
                {"Dayo", "SSA", "ar", "ar"}, {"Emil", "NWE", "es", "es"}}) {
            ResponseEntity<JsonNode> submitted = apply(call, person[0], person[1], person[2], person[3]);
            assertThat(submitted.getStatusCode()).as("%s", submitted.getBody()).isEqualTo(HttpStatus.CREATED);
            String reference = submitted.getBody().path("reference").asText();
            applicants.put(person[0], new Applicant(person[0], person[1], submitted.getBody().path("trackingCode").asText(), reference,
                    people.awaitCase(reference)));
        }
        for (Applicant applicant : applicants.values()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> "in-review".equals(track(applicant.code()).path("status").asText()));
        }
        assertThat(TestSmtp.awaitMail(SMTP, "dayo@example.org", "لقد تلقينا طلبك").getSubject()).contains(applicants.get("Dayo").reference());
        assertThat(TestSmtp.awaitMail(SMTP, "ben@example.org", "Nous avons reçu votre candidature").getSubject()).isNotBlank();

        // kofi declares a conflict on Ana's application only
        Applicant ana = applicants.get("Ana");
        people.submit("kofi", people.awaitTask("kofi", "assignee=kofi&taskDefinitionKey=UserTask_DeclareConflict&processVariables=caseId_eq_"
                + ana.caseId()), Map.of("hasConflict", true));
        for (Applicant applicant : applicants.values()) {
            people.declareNoConflicts(applicant.caseId(), COMMITTEE.stream()
                    .filter(member -> !(member.equals("kofi") && applicant == ana)).toList());
        }
        // a cleared member reviews without reading the application itself
        assertThat(status("eve", "/engine-rest/process-instance/" + ana.caseId() + "/variables").is4xxClientError()).isTrue();

        runTimer(call, "Timer_CallCloses");
        assertThat(apply(call, "Late", "SA", "en", null).getStatusCode()).as("after the close").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForObject("/api/task-force/calls/" + call, JsonNode.class).path("state").asText()).isEqualTo("closed");

        // every member reviews what they were given, through the engine's task API, as Tasklist does
        Map<String, Integer> scores = Map.of("Ana", 5, "Ben", 4, "Chiamaka", 3, "Dayo", 2, "Emil", 1);
        var loads = new HashMap<String, Integer>();
        for (Applicant applicant : applicants.values()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reviewsOf(people, applicant).size() == 2);
            for (JsonNode review : reviewsOf(people, applicant)) {
                String member = review.path("assignee").asText();
                loads.merge(member, 1, Integer::sum);
                JsonNode shown = people.get(member, "/task/" + review.path("id").asText() + "/variables");
                assertThat(shown.has("motivation")).isTrue();
                assertThat(shown.toString()).as("anonymised").doesNotContain(applicant.name(), "@example.org");
                String score = String.valueOf(scores.get(applicant.name()));
                people.submit(member, review.path("id").asText(), Map.of("scoreMotivation", score, "scoreContribution", score,
                        "scorePerspective", score, "scoreCollaboration", score, "reviewComment", "Clear answers."));
            }
            probedByTheConflicted(people, ana);
        }
        assertThat(loads.values().stream().mapToInt(Integer::intValue).max().getAsInt()
                - loads.values().stream().mapToInt(Integer::intValue).min().getAsInt()).as("loads %s", loads).isLessThanOrEqualTo(1);

        // the proposed panel is the optimum, computed here by trying every panel
        String confirm = people.awaitTask("eve", "processInstanceBusinessKey=" + call + "&taskDefinitionKey=UserTask_ConfirmPanel");
        JsonNode balance = people.get("eve", "/api/task-force/calls/" + call + "/balance");
        assertThat(balance.path("panel").findValuesAsText("reference")).containsExactlyInAnyOrderElementsOf(optimum(balance, 2));
        assertThat(balance.path("panel").findValuesAsText("reference"))
                .containsExactlyInAnyOrder(ana.reference(), applicants.get("Chiamaka").reference());
        JsonNode seenByKofi = people.get("kofi", "/api/task-force/calls/" + call + "/balance");
        assertThat(seenByKofi.path("panel").get(0).path("recused").asBoolean()).isTrue();
        assertThat(seenByKofi.path("panel").get(0).has("score") && !seenByKofi.path("panel").get(0).path("score").isNull()).isFalse();
        assertThat(people.post("kofi", "/api/task-force/calls/" + call + "/balance/swaps",
                Map.of("out", ana.reference(), "in", applicants.get("Ben").reference()), JsonNode.class).getStatusCode())
                .as("kofi cannot swap the application he is conflicted on").isEqualTo(HttpStatus.BAD_REQUEST);
        // a swap weighed and made, and undone
        String chiamaka = applicants.get("Chiamaka").reference();
        String dayo = applicants.get("Dayo").reference();
        JsonNode swapped = people.post("eve", "/api/task-force/calls/" + call + "/balance/swaps", Map.of("out", chiamaka, "in", dayo),
                JsonNode.class).getBody();
        assertThat(swapped.path("panel").findValuesAsText("reference")).contains(dayo).doesNotContain(chiamaka);
        people.post("eve", "/api/task-force/calls/" + call + "/balance/swaps", Map.of("out", dayo, "in", chiamaka), JsonNode.class);
        assertThat(http.getForEntity("/api/task-force/calls/" + call + "/balance", JsonNode.class).getStatusCode())
                .as("not for anyone").isEqualTo(HttpStatus.UNAUTHORIZED);
        people.claimAndSubmit("eve", confirm, Map.of("panelConfirmed", true));

        // Chiamaka declines: Ben is the next by score, but only Dayo keeps the SSA seat
        var holder = new HolderOverRest(http);
        holder.submit(applicants.get("Chiamaka").code(), "task-force-offer", Map.of("accept", false), Map.of(), null);
        holder.submit(applicants.get("Dayo").code(), "task-force-offer", Map.of("accept", true), Map.of(), "ar");
        holder.submit(ana.code(), "task-force-offer", Map.of("accept", true), Map.of(), null);

        await().atMost(Duration.ofSeconds(30)).until(() -> "member".equals(track(ana.code()).path("status").asText()));
        assertThat(track(applicants.get("Dayo").code()).path("status").asText()).isEqualTo("member");
        await().atMost(Duration.ofSeconds(30)).until(() -> "reserve".equals(track(applicants.get("Ben").code()).path("status").asText()));
        assertThat(track(applicants.get("Chiamaka").code()).path("status").asText()).isEqualTo("withdrawn");
        assertThat(TestSmtp.awaitMail(SMTP, "dayo@example.org", "مرحبًا بك في فريق العمل").getSubject()).isNotBlank();
        JsonNode page = http.getForObject("/api/task-force/calls/" + call, JsonNode.class);
        assertThat(page.path("state").asText()).isEqualTo("announced");
        assertThat(page.path("members").toString()).contains("Ana", "Dayo").doesNotContain("Chiamaka");

        // public statistics: three from NWE are shown, two from SSA are too few to show
        JsonNode statistics = http.getForObject("/api/task-force/calls/" + call + "/statistics", JsonNode.class);
        assertThat(statistics.path("applications").asInt()).isEqualTo(5);
        assertThat(statistics.at("/by/region").toString()).contains("{\"value\":\"NWE\",\"count\":3}")
                .contains("{\"value\":\"SSA\",\"count\":null}");
        assertThat(statistics.path("reviewsDone").asInt()).isEqualTo(10);

        assertThat(managementService.createJobQuery().withException().list()).isEmpty();
        assertThat(runtimeService.createIncidentQuery().list()).isEmpty();
    }

    private void probedByTheConflicted(CommitteeOverRest people, Applicant application) {
        assertThat(people.get("kofi", "/task?processInstanceBusinessKey=" + application.reference())).isEmpty();
        assertThat(people.get("kofi", "/task?assignee=kofi&taskDefinitionKey=UserTask_Review&name=Review task-force application " + application.reference()))
                .isEmpty();
        assertThat(people.get("kofi", "/process-instance?businessKey=" + application.reference())).isEmpty();
        assertThat(people.get("kofi", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + application.reference())).isEmpty();
        assertThat(people.get("kofi", "/engine-rest/history/variable-instance?processInstanceId=" + application.caseId())).isEmpty();
        assertThat(status("kofi", "/engine-rest/process-instance/" + application.caseId() + "/variables").is4xxClientError()).isTrue();
    }

    /** The best total score of at most {@code seats} candidates with at least one from SSA, by trying every subset. */
    private static List<String> optimum(JsonNode balance, int seats) {
        var candidates = new ArrayList<JsonNode>();
        balance.path("panel").forEach(candidates::add);
        balance.path("reserves").forEach(candidates::add);
        List<String> best = List.of();
        double bestScore = -1;
        for (int mask = 0; mask < 1 << candidates.size(); mask++) {
            if (Integer.bitCount(mask) > seats) {
                continue;
            }
            var chosen = new ArrayList<String>();
            double total = 0;
            boolean ssa = false;
            for (int i = 0; i < candidates.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    chosen.add(candidates.get(i).path("reference").asText());
                    total += candidates.get(i).path("score").asDouble();
                    ssa |= candidates.get(i).at("/categories/region").toString().contains("SSA");
                }
            }
            if (ssa && total > bestScore) {
                bestScore = total;
                best = chosen;
            }
        }
        return best;
    }

    private List<JsonNode> reviewsOf(CommitteeOverRest people, Applicant applicant) {
        var reviews = new ArrayList<JsonNode>();
        for (String member : COMMITTEE) {
            people.get(member, "/task?assignee=" + member + "&taskDefinitionKey=UserTask_Review&name=Review task-force application " + applicant.reference())
                    .forEach(reviews::add);
        }
        return reviews;
    }

    private void runTimer(String call, String activity) {
        String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(call).singleResult().getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery().processInstanceId(caseId).timers()
                .activityId(activity).count() == 1);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(caseId).timers().activityId(activity).singleResult()
                .getId());
    }

    private ResponseEntity<JsonNode> openCall(LocalDate today, String balance) {
        var variables = new LinkedHashMap<String, Object>();
        variables.put("taskForceName", Map.of("value", "Leadership development"));
        variables.put("purpose", Map.of("value", "Plan how the movement grows its leaders."));
        variables.put("seats", Map.of("value", 2));
        variables.put("opensOn", Map.of("value", today.toString()));
        variables.put("closesOn", Map.of("value", today.plusDays(20).toString()));
        variables.put("reviewersPerApplication", Map.of("value", 2));
        variables.put("reviewDays", Map.of("value", 14));
        variables.put("anonymisedReviews", Map.of("value", true));
        variables.put("balance", Map.of("value", balance));
        variables.put("callLanguages", Map.of("value", "[\"en\",\"es\",\"fr\",\"ar\"]", "type", "Json"));
        var people = new CommitteeOverRest(http);
        JsonNode form = people.get("demo", "/engine-rest/process-definition/key/task-force-call/deployed-start-form");
        assertThat(form.path("id").asText()).isEqualTo("task-force-call");
        return people.post("demo", "/engine-rest/process-definition/key/task-force-call/submit-form", Map.of("variables", variables),
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> apply(String call, String name, String region, String language, String acceptLanguage) {
        var values = new LinkedHashMap<String, Object>();
        values.put("callReference", call);
        values.put("applicantName", name);
        values.put("email", name.toLowerCase() + "@example.org");
        values.put("language", language);
        values.put("region", region);
        values.put("languages", language.equals("en") ? List.of("en") : List.of(language, "en"));
        values.put("experience", "experienced");
        values.put("motivation", "I want communities to keep their leaders.");
        values.put("contribution", "Years of organising meetups.");
        values.put("perspective", "Newcomers from small communities.");
        values.put("listConsent", true);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        return http.exchange("/api/forms/task-force-application/submissions", HttpMethod.POST, new HttpEntity<>(values, headers),
                JsonNode.class);
    }

    private HttpStatus status(String user, String path) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        return HttpStatus.valueOf(http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value());
    }

    private JsonNode track(String code) {
        return new HolderOverRest(http).track(code);
    }
}
