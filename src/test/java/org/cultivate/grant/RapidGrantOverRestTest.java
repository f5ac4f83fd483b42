package org.cultivate.grant;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.HistoryService;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rapid grants and the larger grants they lead to, the way people work them, in the default profile
 * with its demo users, on PostgreSQL, with a real SMTP server (GreenMail): the applicant through the public API with their tracking code, the
 * grants committee through {@code /engine-rest} as Tasklist does (reading each task's deployed
 * form, submitting only what it shows), a finance tool over REST, timers on demand; a recused
 * member probes every door.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cultivate.tracking.lookups-per-minute=10000",
        "logging.level.com.icegreen.greenmail=warn"})
class RapidGrantOverRestTest {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final GreenMail SMTP = TestSmtp.start(SMTP_PORT);

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void mailAndDatabase(DynamicPropertyRegistry registry) {
        // the demo users of the default profile, on PostgreSQL
        Map<String, String> database = TestPostgres.newDatabase("grants_over_rest");
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

    @Test
    void aGrantIsReviewedAroundARecusedMemberPaidByAFinanceToolAndClosedByItsRevisedReport() throws Exception {
        var people = new CommitteeOverRest(http);
        ResponseEntity<JsonNode> submitted = submit("es-ES,es;q=0.9", application("lucia@example.org", 1500, 3));
        assertThat(submitted.getStatusCode()).as("%s", submitted.getBody()).isEqualTo(HttpStatus.CREATED);
        String code = submitted.getBody().path("trackingCode").asText();
        String reference = submitted.getBody().path("reference").asText();
        assertThat(reference).matches("RG-[0-9A-Z]{8}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "in-review".equals(track(code).path("status").asText()));
        assertThat(TestSmtp.awaitMail(SMTP, "lucia@example.org", "Hemos recibido tu solicitud").getSubject()).contains(reference);
        String caseId = people.awaitCase(reference);
        String inCase = "processInstanceBusinessKey=" + reference;

        // dana declares a conflict: from then on the case does not exist for her, at any door
        people.submit("dana", people.awaitTask("dana", "assignee=dana&taskDefinitionKey=UserTask_DeclareConflict"
                + "&processVariables=caseId_eq_" + caseId), Map.of("hasConflict", true));
        people.declareNoConflicts(caseId, List.of("milan", "noor"));
        await().atMost(Duration.ofSeconds(30)).until(() -> people.get("milan", "/task?" + inCase + "&taskDefinitionKey=UserTask_CommentWindow").size() == 1);
        probedByTheRecused(people, caseId, reference);

        // open for comment on the portal, without the applicant's name or address
        JsonNode open = http.getForObject("/api/grants/open-for-comment", JsonNode.class);
        assertThat(open.findValuesAsText("reference")).contains(reference);
        assertThat(open.toString()).doesNotContain("lucia@example.org", "Lucía Solicitante");
        assertThat(people.post(null, "/api/grants/" + reference + "/comments", Map.of("comment", "¡Nos hace falta este taller!"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(people.post(null, "/api/grants/" + reference + "/comments", Map.of("comment", " "), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(people.post(null, "/api/grants/RG-NOSUCH00/comments", Map.of("comment", "Hello"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        people.submit("milan", people.awaitTask("milan", inCase + "&taskDefinitionKey=UserTask_CommentWindow"),
                Map.of("commentWindowClosedBecause", "The committee meets tomorrow."));
        for (String member : List.of("milan", "noor")) {
            String review = people.awaitTask(member, inCase + "&taskDefinitionKey=UserTask_Review&assignee=" + member);
            JsonNode shown = people.get(member, "/task/" + review + "/form-variables");
            assertThat(shown.path("projectTitle").path("value").asText()).isEqualTo("Django Girls Sevilla");
            assertThat(shown.path("communityComments").path("value").asText()).isEqualTo("1 comment:\n- ¡Nos hace falta este taller!");
            people.submit(member, review, Map.of("scoreImpact", 5, "scoreFeasibility", 4, "scoreBudget", 4, "scoreCommunity", 3,
                    "recommendation", "fund", "reviewComment", member + " likes it."));
        }
        probedByTheRecused(people, caseId, reference);

        String decide = people.awaitTask("noor", inCase + "&taskDefinitionKey=UserTask_Determine");
        assertThat(people.get("noor", "/task/" + decide + "/form-variables").path("reviewSummary").path("value").asText())
                .contains("2 reviews.", "milan: milan likes it.");
        people.claimAndSubmit("noor", decide, Map.of("determination", "ask-applicant", "questionForApplicant", "Who hosts the workshop?"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "awaiting-information".equals(track(code).path("status").asText()));
        holderSubmits(code, "answer-grant-question", Map.of("holderMessage", "La biblioteca municipal."),
                Map.of("questionForApplicant", "Who hosts the workshop?"));
        people.claimAndSubmit("milan", people.awaitTask("milan", inCase + "&taskDefinitionKey=UserTask_Determine"),
                Map.of("determination", "approve"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "approved".equals(track(code).path("status").asText()));
        assertThat(track(code).path("tasks").findValuesAsText("formId")).as("approved: still withdrawable until paid")
                .containsExactly("withdraw-application");
        assertThat(http.getForObject("/api/grants/open-for-comment", JsonNode.class).findValuesAsText("reference")).doesNotContain(reference);

        // the finance tool, over REST as a member of finance
        var financeTool = new FinanceToolOverRest(http, "hiro");
        JsonNode[] fetched = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> (fetched[0] = financeTool.fetch(null)).size() == 1);
        JsonNode payment = fetched[0].get(0);
        assertThat(payment.path("businessKey").asText()).isEqualTo(reference);
        assertThat(payment.at("/variables/amount/value").asInt()).isEqualTo(1500);
        assertThat(payment.at("/variables/payee/value").asText()).isEqualTo("Lucía Solicitante");
        assertThat(financeTool.fetch(null)).as("locked: a second worker does not get it").isEmpty();
        financeTool.pay(payment.path("id").asText(), "BANK-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> "report-due".equals(track(code).path("status").asText()));
        assertThat(track(code).path("tasks").findValuesAsText("formId")).as("paid: no withdrawing any more").containsExactly("grant-report");

        holderSubmits(code, "grant-report", report("El taller se celebró."), Map.of("reportKind", "final"));
        String reviewReport = people.awaitTask("noor", inCase + "&taskDefinitionKey=UserTask_ReviewReport");
        people.claimAndSubmit("noor", reviewReport, Map.of("reportOutcome", "revise", "reportComments", "Add the spending per line."));
        await().atMost(Duration.ofSeconds(30)).until(() -> "report-due".equals(track(code).path("status").asText()));
        holderSubmits(code, "grant-report", report("El taller se celebró con 38 personas."), Map.of("reportComments", "Add the spending per line."));
        people.claimAndSubmit("noor", people.awaitTask("noor", inCase + "&taskDefinitionKey=UserTask_ReviewReport"),
                Map.of("reportOutcome", "accept", "recommendScaleUp", true));

        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(track(code).path("status").asText()));
        assertThat(track(code).path("updates").findValuesAsText("status")).containsSubsequence("received", "in-review",
                "awaiting-information", "in-review", "approved", "funded", "report-due", "report-under-review", "report-due",
                "report-under-review", "completed");
        assertThat(TestSmtp.awaitMail(SMTP, "lucia@example.org", "Tu subvención " + reference + " está completa").getSubject()).contains(reference);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cultivate_case_tracking WHERE reference = ? AND ended_at IS NULL",
                Integer.class, reference)).as("the grant's payment and reports ended, the case goes on: its tracking entry is kept").isOne();

        // noor marked the grantee for scaling: the invitation is on the rapid grant's tracking page
        String larger = scaleUp(people, code, reference);
        await().atMost(Duration.ofSeconds(30)).until(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).processDefinitionKey("rapid-grant").singleResult().getState().equals("COMPLETED"));
        JsonNode history = people.post("milan", "/api/grants/history", Map.of("email", "LUCIA@example.org"), JsonNode.class).getBody();
        assertThat(history.findValuesAsText("reference")).containsExactly(reference, larger);
        assertThat(history.get(1).path("rapidGrantReference").asText()).isEqualTo(reference);
        assertThat(history.get(1).path("process").asText()).isEqualTo("scale-up-grant");
        assertThat(people.post("dana", "/api/grants/history", Map.of("email", "lucia@example.org"), JsonNode.class).getBody())
                .as("dana is recused from both").isEmpty();
        assertThat(people.post("eve", "/api/grants/history", Map.of("email", "lucia@example.org"), JsonNode.class).getStatusCode())
                .as("not of the grants committee").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(people.post("milan", "/api/grants/history", Map.of("email", "no address"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(managementService.createJobQuery().withException().list()).isEmpty();
        assertThat(runtimeService.createIncidentQuery().list()).isEmpty();
    }

    /**
     * The invited grantee applies for a larger grant on the rapid grant's tracking page and gets a
     * tracking code of its own; dana, recused again, probes it; a cleared member holds the early
     * call, two review, the committee approves, the finance tool pays, the final report closes it.
     */
    private String scaleUp(CommitteeOverRest people, String rapidCode, String rapidReference) throws Exception {
        assertThat(TestSmtp.awaitMail(SMTP, "lucia@example.org", "Una invitación a solicitar una subvención mayor").getSubject())
                .contains(rapidReference);
        LocalDate start = LocalDate.now().plusMonths(1);
        new HolderOverRest(http).submit(rapidCode, "scale-up-grant-application", Map.of("projectTitle", "Django Girls Andalucía",
                "summary", "Talleres en ocho ciudades andaluzas.", "goals", "320 participantes.", "workPlan", "Una ciudad al mes.",
                "budget", "Locales 20000, viajes 15000", "startDate", start.toString(), "endDate", start.plusMonths(8).toString(),
                "amount", 35000, "callAvailability", "Mañanas entre semana"), Map.of("applicantName", "Lucía Solicitante"), "es");
        var received = TestSmtp.awaitMail(SMTP, "lucia@example.org", "Hemos recibido tu solicitud de una subvención mayor");
        java.util.regex.Matcher codeInMail = java.util.regex.Pattern.compile("\\s([A-Za-z0-9_-]{32})\\s").matcher(TestSmtp.plainText(received));
        assertThat(codeInMail.find()).isTrue();
        String code = codeInMail.group(1);
        JsonNode tracked = track(code);
        String reference = tracked.path("reference").asText();
        assertThat(tracked.path("processKey").asText()).isEqualTo("scale-up-grant");
        assertThat(reference).matches("SUG-[0-9A-Z]{8}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(track(rapidCode).path("status").asText())
                && track(rapidCode).path("tasks").isEmpty());
        assertThat(submitForm("scale-up-grant-application", Map.of("projectTitle", "Not invited")).getStatusCode())
                .as("invitation only: no public form").isEqualTo(HttpStatus.NOT_FOUND);

        String caseId = people.awaitCase(reference);
        String inCase = "processInstanceBusinessKey=" + reference;
        people.submit("dana", people.awaitTask("dana", "assignee=dana&taskDefinitionKey=UserTask_DeclareConflict"
                + "&processVariables=caseId_eq_" + caseId), Map.of("hasConflict", true));
        people.declareNoConflicts(caseId, List.of("milan", "noor"));
        String call = people.awaitTask("milan", inCase + "&taskDefinitionKey=UserTask_EarlyCall");
        assertThat(people.get("milan", "/task/" + call + "/form-variables").path("callAvailability").path("value").asText())
                .isEqualTo("Mañanas entre semana");
        people.claimAndSubmit("milan", call, Map.of("earlyCallHeldOn", LocalDate.now().toString(), "earlyCallNotes", "Socias en cinco ciudades."));
        for (String member : List.of("milan", "noor")) {
            String review = people.awaitTask(member, inCase + "&taskDefinitionKey=UserTask_Review&assignee=" + member);
            assertThat(people.get(member, "/task/" + review + "/form-variables").path("rapidGrantReference").path("value").asText())
                    .isEqualTo(rapidReference);
            people.submit(member, review, Map.of("scoreImpact", 5, "scoreFeasibility", 4, "scoreBudget", 4, "scoreCommunity", 5,
                    "recommendation", "fund", "reviewComment", ""));
        }
        probedByTheRecused(people, caseId, reference);
        people.claimAndSubmit("noor", people.awaitTask("noor", inCase + "&taskDefinitionKey=UserTask_Decide"), Map.of("determination", "approve"));

        var financeTool = new FinanceToolOverRest(http, "hiro");
        JsonNode[] fetched = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> (fetched[0] = financeTool.fetch(reference)).size() == 1);
        assertThat(fetched[0].get(0).at("/variables/amount/value").asInt()).isEqualTo(35000);
        financeTool.pay(fetched[0].get(0).path("id").asText(), "BANK-2");
        await().atMost(Duration.ofSeconds(30)).until(() -> "report-due".equals(track(code).path("status").asText()));
        for (String kind : List.of("interim", "final")) {
            holderSubmits(code, "grant-report", report("Hecho: " + kind), Map.of("reportKind", kind));
            people.claimAndSubmit("milan", people.awaitTask("milan", inCase + "&taskDefinitionKey=UserTask_ReviewReport"),
                    Map.of("reportOutcome", "accept"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(track(code).path("status").asText()));
        assertThat(people.get("dana", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + reference))
                .as("the recusal outlives the case").isEmpty();
        return reference;
    }

    @Test
    void aMemberWhoStatedTheApplicantsOrganisationIsRecusedAutomatically() {
        assertThat(affiliations("milan", Map.of("organisations", List.of(" "))).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(affiliations("milan", Map.of()).getBody().path("errors").findValuesAsText("field")).containsExactly("organisations");
        ResponseEntity<JsonNode> stated = affiliations("milan", Map.of("organisations", List.of("PyLadies  sevilla", "Wikimedia España")));
        assertThat(stated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new CommitteeOverRest(http).get("milan", "/api/me/affiliations").path("organisations")).extracting(JsonNode::asText)
                .containsExactly("PyLadies  sevilla", "Wikimedia España");
        try {
            var values = new java.util.HashMap<>(application("org-recusal@example.org", 900, 2));
            values.put("applicantType", "organisation");
            values.put("organisation", "PyLadies Sevilla");
            ResponseEntity<JsonNode> submitted = submit(null, values);
            assertThat(submitted.getStatusCode()).as("%s", submitted.getBody()).isEqualTo(HttpStatus.CREATED);
            String reference = submitted.getBody().path("reference").asText();
            String caseId = new CommitteeOverRest(http).awaitCase(reference);
            await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.getVariable(caseId, "recusals") != null);
            assertThat(runtimeService.getVariable(caseId, "recusedMembers")).isEqualTo(List.of("milan"));
            assertThat(runtimeService.getVariable(caseId, "committeeMembers")).isEqualTo(List.of("dana", "noor"));
            assertThat(new CommitteeOverRest(http).get("milan", "/task?processVariables=caseId_eq_" + caseId)).isEmpty();
            assertThat(new CommitteeOverRest(http).get("milan", "/process-instance?businessKey=" + reference)).isEmpty();
        } finally {
            affiliations("milan", Map.of("organisations", List.of()));
        }
    }

    private ResponseEntity<JsonNode> affiliations(String member, Map<String, Object> body) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(member, member);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/me/affiliations", HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void theAnnualCapCountsEveryRequestOfTheSameApplicantInTheFiscalYear() {
        String first = submit(null, application("Kofi.Cap@Example.org", 5000, 3)).getBody().path("trackingCode").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "in-review".equals(track(first).path("status").asText()));
        String second = submit(null, application("kofi.cap@example.org", 5000, 3)).getBody().path("trackingCode").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "in-review".equals(track(second).path("status").asText()));
        ResponseEntity<JsonNode> thirdSubmitted = submit(null, application("KOFI.cap@example.org", 500, 3));
        assertThat(thirdSubmitted.getStatusCode()).as("%s", thirdSubmitted.getBody()).isEqualTo(HttpStatus.CREATED);
        String third = thirdSubmitted.getBody().path("trackingCode").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> !"received".equals(track(third).path("status").asText()));
        assertThat(track(third).path("status").asText()).as("%s", track(third)).isEqualTo("ineligible");
        assertThat(track(third).path("updates").findValuesAsText("message")).anyMatch(message -> message.contains("more than 10,000"));
    }

    @Test
    void theApplicantWithdrawsOnTheTrackingPageBeforeTheDecision() {
        String code = submit(null, application("withdraws@example.org", 800, 2)).getBody().path("trackingCode").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "in-review".equals(track(code).path("status").asText()));
        holderSubmits(code, "withdraw-application", Map.of("withdrawConfirmed", true, "withdrawReason", ""), Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> "withdrawn".equals(track(code).path("status").asText()));
        assertThat(track(code).path("tasks")).isEmpty();
    }

    @Test
    void anApplicationOutsideTheFormsRulesIsRefusedWithOneEntryPerField() {
        ResponseEntity<JsonNode> refused = submit(null, Map.of("applicantName", "X", "email", "not an address", "amount", 20000,
                "startDate", LocalDate.now().plusDays(10).toString(), "endDate", LocalDate.now().plusMonths(14).toString()));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).contains("email", "amount", "endDate", "applicantType");
    }

    /** What a recused member gets at each door of the case: nothing. */
    private void probedByTheRecused(CommitteeOverRest people, String caseId, String reference) {
        assertThat(people.get("dana", "/task?processInstanceBusinessKey=" + reference)).isEmpty();
        assertThat(people.get("dana", "/process-instance?businessKey=" + reference)).isEmpty();
        assertThat(people.get("dana", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + reference)).isEmpty();
        assertThat(people.get("dana", "/engine-rest/history/variable-instance?processInstanceId=" + caseId)).isEmpty();
        assertThat(people.get("dana", "/engine-rest/history/task?processInstanceBusinessKey=" + reference)).isEmpty();
        var headers = new HttpHeaders();
        headers.setBasicAuth("dana", "dana");
        assertThat(http.exchange("/engine-rest/process-instance/" + caseId + "/variables", HttpMethod.GET, new HttpEntity<>(headers),
                String.class).getStatusCode().is4xxClientError()).isTrue();
    }

    private static Map<String, Object> application(String email, int amount, int months) {
        LocalDate start = LocalDate.now().plusDays(10);
        return Map.ofEntries(Map.entry("applicantName", "Lucía Solicitante"), Map.entry("email", email),
                Map.entry("applicantType", "individual"),
                Map.entry("community", "Python España"), Map.entry("projectTitle", "Django Girls Sevilla"),
                Map.entry("summary", "Un taller de un día para cuarenta personas que empiezan a programar."),
                Map.entry("goals", "Cuarenta participantes y diez mentoras."), Map.entry("startDate", start.toString()),
                Map.entry("endDate", start.plusMonths(months).toString()), Map.entry("amount", amount),
                Map.entry("budget", "Local 500, comida 700, viajes 300"), Map.entry("publishConsent", true));
    }

    private static Map<String, Object> report(String work) {
        return Map.of("reportWork", work, "reportMeasures", "38 participantes.", "reportSpending", "Según el presupuesto.",
                "reportLessons", "", "reportLinks", "");
    }

    private ResponseEntity<JsonNode> submit(String language, Map<String, Object> values) {
        return submitForm("rapid-grant-application", values, language);
    }

    private ResponseEntity<JsonNode> submitForm(String formId, Map<String, Object> values) {
        return submitForm(formId, values, null);
    }

    private ResponseEntity<JsonNode> submitForm(String formId, Map<String, Object> values, String language) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return http.exchange("/api/forms/" + formId + "/submissions", HttpMethod.POST, new HttpEntity<>(values, headers),
                JsonNode.class);
    }

    private JsonNode track(String code) {
        return new HolderOverRest(http).track(code);
    }

    private void holderSubmits(String code, String formId, Map<String, Object> values, Map<String, String> shown) {
        new HolderOverRest(http).submit(code, formId, values, shown, null);
    }
}
