package org.cultivate.onboarding;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.cultivate.system.CommitteeOverRest;
import org.cultivate.system.HolderOverRest;
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
 * One onboarding the way people work it, in the default profile with its demo leaders and a real
 * SMTP server (GreenMail): the applicant through the public API with their tracking code, the
 * voucher with the code of their own mail, the mentor through {@code /engine-rest} as Tasklist
 * does (reading each task's deployed form, submitting only what it shows), the coordinators'
 * register at the end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cultivate-onboarding;DB_CLOSE_DELAY=-1",
        "cultivate.tracking.lookups-per-minute=10000",
        "logging.level.com.icegreen.greenmail=warn"})
class LeaderOnboardingOverRestTest {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final GreenMail SMTP = TestSmtp.start(SMTP_PORT);
    private static final Pattern CODE = Pattern.compile("\\s([A-Za-z0-9_-]{32})\\s");

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    MentorMatching matching;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("MAIL_HOST", () -> "127.0.0.1");
        registry.add("MAIL_PORT", () -> SMTP_PORT);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void anApplicantIsVouchedForScreenedOnboardedAndEntersTheRegister() throws Exception {
        var people = new CommitteeOverRest(http);
        assertThat(people.get("gita", "/api/forms").findValuesAsText("formId")).contains("leader-onboarding-application");
        ResponseEntity<JsonNode> submitted = submitInSpanish(Map.of("applicantName", "Lucía Solicitante", "email", "lucia@example.org",
                "community", "Comunidad Madrid", "region", "europe", "languages", List.of("es"), "leadInterest", "events",
                "experience", "Organizo encuentros mensuales desde hace dos años.", "timeAvailable", "3-5h",
                "voucherEmail", "Femi@cultivate.test"));
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String code = submitted.getBody().path("trackingCode").asText();
        String reference = submitted.getBody().path("reference").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "awaiting-vouch".equals(track(code).path("status").asText()));

        // the voucher's own code, only in their mail, in the applicant's language
        MimeMessage ask = awaitMail("femi@cultivate.test");
        assertThat(ask.getSubject()).isEqualTo("¿Avalas a Lucía Solicitante? (" + reference + ")");
        Matcher voucherCode = CODE.matcher(TestSmtp.plainText(ask));
        assertThat(voucherCode.find()).isTrue();
        // the mail leaves inside the job's transaction: the code works once it commits
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForEntity("/api/tracking/" + voucherCode.group(1), JsonNode.class)
                .getStatusCode() == HttpStatus.OK);
        JsonNode voucherView = track(voucherCode.group(1));
        assertThat(voucherView.path("holder").asText()).as("%s for %s", voucherView, voucherCode.group(1)).isEqualTo("voucher");
        assertThat(track(code).path("tasks")).as("the vouch is not the applicant's task").isEmpty();
        holderSubmits(voucherCode.group(1), "vouch", Map.of("vouchDecision", "vouch", "vouchReason", "Lucía runs our meetups."),
                Map.of("applicantName", "Lucía Solicitante"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "screening".equals(track(code).path("status").asText()));
        assertThat(http.getForEntity("/api/tracking/" + voucherCode.group(1), JsonNode.class).getStatusCode())
                .as("the voucher's part is over").isEqualTo(HttpStatus.NOT_FOUND);

        // matched by region and language: ines (europe; es)
        String inCase = "processInstanceBusinessKey=" + reference;
        String screen = people.awaitTask("ines", inCase + "&taskDefinitionKey=UserTask_Screen&assignee=ines");
        assertThat(awaitMail("ines@cultivate.test").getSubject()).startsWith("A new mentee: Lucía Solicitante");
        assertThat(people.get("ines", "/task/" + screen + "/form-variables").path("vouchReason").path("value").asText())
                .isEqualTo("Lucía runs our meetups.");
        assertThat(people.get("femi", "/task?" + inCase)).as("another mentor does not see it").isEmpty();
        people.submit("ines", screen, Map.of("screeningDecision", "accept"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "onboarding".equals(track(code).path("status").asText()));
        holderSubmits(code, "onboarding-checklist", Map.of("codeOfConductAcknowledged", true, "guidelinesAcknowledged", true,
                "courseCompleted", true), Map.of());
        people.submit("ines", people.awaitTask("ines", inCase + "&taskDefinitionKey=UserTask_ScheduleOrientation"),
                Map.of("orientationCallOn", java.time.LocalDate.now().plusDays(7).toString()));
        assertThat(track(code).path("status").asText()).isEqualTo("orientation");
        String caseId = people.awaitCase(reference);
        for (int week : List.of(2, 6, 10)) {
            // timers on demand, as the coordinators' scripts run them
            runTimer(caseId, "Timer_CheckInOpens");
            String mentorCheckIn = people.awaitTask("ines", inCase + "&taskDefinitionKey=UserTask_MentorCheckIn");
            await().atMost(Duration.ofSeconds(30)).until(() -> track(code).path("tasks").size() == 1);
            holderSubmits(code, "check-in", Map.of("howItGoes", "Bien, semana " + week, "whatYouNeed", "", "feelingOverloaded", false), Map.of());
            people.submit("ines", mentorCheckIn, Map.of("mentorNotes", "Going well.", "menteeOverloaded", false));
        }
        runTimer(caseId, "Timer_OrientationEnds");
        people.submit("ines", people.awaitTask("ines", inCase + "&taskDefinitionKey=UserTask_FinalReview"), Map.of("reviewDecision", "confirm"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "leader".equals(track(code).path("status").asText()));
        JsonNode entry = Arrays.stream(toArray(people.get("gita", "/api/leaders")))
                .filter(leader -> reference.equals(leader.path("reference").asText())).findFirst().orElseThrow();
        assertThat(entry.path("email").asText()).isEqualTo("lucia@example.org");
        assertThat(entry.path("role").asText()).isEqualTo("events");
        assertThat(entry.path("status").asText()).isEqualTo("active");
        assertThat(entry.path("termEnd").asText()).isNotEmpty();
        assertThat(track(code).path("updates").findValuesAsText("status"))
                .containsSubsequence("received", "awaiting-vouch", "screening", "onboarding", "orientation", "leader");

        await().atMost(Duration.ofSeconds(30)).until(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).singleResult().getState().equals("COMPLETED"));
        assertThat(managementService.createJobQuery().withException().list()).isEmpty();
        assertThat(runtimeService.createIncidentQuery().list()).isEmpty();
        assertThat(awaitMail("lucia@example.org").getSubject()).contains(reference);
    }

    @Test
    void aCoordinatorReassignsTheMentorTheOpenTaskMovesAndBothAreTold() throws Exception {
        var people = new CommitteeOverRest(http);
        ResponseEntity<JsonNode> submitted = submitInSpanish(Map.of("applicantName", "Kwame Solicitante", "email", "kwame@example.org",
                "community", "Accra Devs", "region", "africa", "languages", List.of("fr"), "leadInterest", "mentoring",
                "experience", "I have mentored newcomers for a year.", "timeAvailable", "1-2h", "voucherEmail", "jun@cultivate.test"));
        String reference = submitted.getBody().path("reference").asText();
        Matcher voucherCode = CODE.matcher(TestSmtp.plainText(awaitMail("jun@cultivate.test")));
        assertThat(voucherCode.find()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForEntity("/api/tracking/" + voucherCode.group(1), JsonNode.class)
                .getStatusCode() == HttpStatus.OK);
        holderSubmits(voucherCode.group(1), "vouch", Map.of("vouchDecision", "vouch", "vouchReason", "Kwame is patient and kind."),
                Map.of("applicantName", "Kwame Solicitante"));
        String inCase = "processInstanceBusinessKey=" + reference;
        String screen = people.awaitTask("femi", inCase + "&taskDefinitionKey=UserTask_Screen&assignee=femi");

        assertThat(people.post("femi", "/api/onboarding/cases/" + reference + "/mentor", Map.of("mentor", "jun"), JsonNode.class)
                .getStatusCode()).as("coordinators only").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> notAMentor = people.post("gita", "/api/onboarding/cases/" + reference + "/mentor",
                Map.of("mentor", "alice"), JsonNode.class);
        assertThat(notAMentor.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAMentor.getBody().path("errors").findValuesAsText("field")).containsExactly("mentor");
        assertThat(people.post("gita", "/api/onboarding/cases/LO-NOSUCH00/mentor", Map.of("mentor", "jun"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(people.post("gita", "/api/onboarding/cases/" + reference + "/mentor", Map.of("mentor", "jun"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(people.awaitTask("jun", inCase + "&taskDefinitionKey=UserTask_Screen&assignee=jun")).isEqualTo(screen);
        assertThat(people.get("femi", "/task?" + inCase + "&assignee=femi")).isEmpty();
        assertThat(awaitMail("femi@cultivate.test").getSubject()).startsWith("Kwame Solicitante has another mentor now");
        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(SMTP.getReceivedMessages())
                .anyMatch(mail -> TestSmtp.sentTo(mail, "jun@cultivate.test") && TestSmtp.subject(mail).startsWith("A new mentee: Kwame")));
    }

    @Test
    void aCoordinatorMarksAMentorUnavailableUntilADate() {
        var people = new CommitteeOverRest(http);
        var headers = new HttpHeaders();
        headers.setBasicAuth("gita", "gita");
        headers.setContentType(MediaType.APPLICATION_JSON);
        String until = java.time.LocalDate.now().plusDays(20).toString();
        assertThat(http.exchange("/api/onboarding/mentors/jun/availability", HttpMethod.PUT,
                new HttpEntity<>(Map.of("unavailableUntil", until), headers), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(matching.state("jun").unavailableUntil()).hasToString(until);
        assertThat(http.exchange("/api/onboarding/mentors/alice/availability", HttpMethod.PUT,
                new HttpEntity<>(Map.of("unavailableUntil", until), headers), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        headers.setBasicAuth("ines", "ines");
        assertThat(http.exchange("/api/mentors/me/availability", HttpMethod.PUT,
                new HttpEntity<>(Map.of("unavailableUntil", until), headers), String.class).getStatusCode())
                .as("a mentor marks themself").isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(matching.state("ines").unavailableUntil()).hasToString(until);
        headers.setBasicAuth("gita", "gita");
        assertThat(http.exchange("/api/mentors/me/availability", HttpMethod.PUT,
                new HttpEntity<>(Map.of("unavailableUntil", until), headers), JsonNode.class).getStatusCode())
                .as("only mentors have an availability of their own").isEqualTo(HttpStatus.FORBIDDEN);
        matching.markUnavailable("ines", null);
        matching.markUnavailable("jun", null);
        assertThat(people.get("gita", "/api/leaders").size()).isPositive();
    }

    @Test
    void theRegisterIsTheCoordinatorsAndTheApplicationRefusesABadVoucherAddress() {
        var people = new CommitteeOverRest(http);
        ResponseEntity<JsonNode> refused = people.post(null, "/api/forms/leader-onboarding-application/submissions",
                Map.of("applicantName", "X", "email", "x@example.org", "voucherEmail", "not an address"), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).contains("voucherEmail", "community", "region");
    }

    /** The holder fills in the task waiting with this form, reading it in Spanish. */
    private void holderSubmits(String code, String formId, Map<String, Object> values, Map<String, String> shown) {
        assertThat(track(code).path("tasks").findValuesAsText("formId")).containsExactly(formId);
        new HolderOverRest(http).submit(code, formId, values, shown, "es");
    }

    private void runTimer(String caseId, String timerId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery().processInstanceId(caseId)
                .activityId(timerId).count() == 1);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(caseId).activityId(timerId).singleResult().getId());
    }

    private ResponseEntity<JsonNode> submitInSpanish(Map<String, Object> values) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "es-ES,es;q=0.9");
        return http.exchange("/api/forms/leader-onboarding-application/submissions", HttpMethod.POST, new HttpEntity<>(values, headers),
                JsonNode.class);
    }

    private JsonNode track(String code) {
        return new HolderOverRest(http).track(code);
    }

    private static MimeMessage awaitMail(String to) {
        return TestSmtp.awaitMail(SMTP, to, "");
    }

    private static JsonNode[] toArray(JsonNode array) {
        var nodes = new JsonNode[array.size()];
        for (int i = 0; i < array.size(); i++) {
            nodes[i] = array.get(i);
        }
        return nodes;
    }
}
