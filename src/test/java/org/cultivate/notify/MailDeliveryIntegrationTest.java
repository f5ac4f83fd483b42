package org.cultivate.notify;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.cultivate.identity.Groups;
import org.cultivate.system.TestPostgres;
import org.cultivate.system.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cultivate.system.TestSmtp.plainText;
import static org.awaitility.Awaitility.await;

/**
 * The {@code postgres} profile on a real PostgreSQL with a real SMTP server (GreenMail): a report
 * starts a case, the reporter's acknowledgement and the committee's alert arrive; with SMTP down
 * the intake still answers 201, the mails wait as jobs, and arrive once SMTP is back.
 */
// the test's SMTP server logs every address it sees; the log checks are about Cultivate's own lines
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.com.icegreen.greenmail=warn")
@ActiveProfiles("postgres")
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryIntegrationTest {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static GreenMail smtp = TestSmtp.start(SMTP_PORT);

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        TestPostgres.registerProfile(registry, "mail_delivery", SMTP_PORT);
        registry.add("MAIL_FROM", () -> "Cultivate <conduct@cultivate.test>");
    }

    @BeforeEach
    void committeeMember() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        if (identityService.createUserQuery().userId("carmen").count() == 0) {
            var carmen = identityService.newUser("carmen");
            carmen.setEmail("carmen@committee.test");
            carmen.setPassword("carmens-long-password");
            identityService.saveUser(carmen);
            identityService.createMembership("carmen", Groups.CONDUCT_COMMITTEE);
        }
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aReportIsAcknowledgedAndTheCommitteeAlertedWithoutDetails(CapturedOutput log) throws Exception {
        String reference = submit("""
                {"description": "He said <script>alert(1)</script> & worse, in the #general channel.",
                 "reporterName": "Rosa Reporter", "reporterEmail": "rosa@example.org", "peopleInvolved": "Mallory"}""");

        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 2);
        MimeMessage ack = to("rosa@example.org");
        MimeMessage alert = to("carmen@committee.test");

        assertThat(ack.getSubject()).contains(reference);
        assertThat(ack.getMessageID()).matches("<[0-9a-f]{32}@cultivate\\.test>");
        assertThat(ack.getContentType()).startsWith("multipart/mixed");
        String ackBody = GreenMailUtil.getBody(ack);
        assertThat(ackBody).contains("text/plain", "text/html", reference);

        String alertText = GreenMailUtil.getWholeMessage(alert);
        assertThat(alert.getSubject()).matches("New code-of-conduct report: [a-z]+-[a-z]+-[0-9]{2}");
        assertThat(alertText).contains(reference);
        assertThat(alertText).doesNotContain("script", "Rosa", "rosa@example.org", "Mallory", "#general");
        // nothing of the report reaches the log either
        assertThat(log.getAll()).contains(reference).doesNotContain("#general", "Rosa Reporter", "rosa@example.org", "Mallory");
    }

    @Test
    void theReporterGetsATrackingCodeOfTheirOwnByMailInTheirLanguage() throws Exception {
        JsonNode receipt = submitted("""
                {"description": "Me insultaron varias veces en el chat del proyecto.",
                 "reporterEmail": "lucia@example.org", "language": "es"}""");
        String reference = receipt.path("reference").asText();

        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 2);
        MimeMessage ack = to("lucia@example.org");
        assertThat(ack.getSubject()).isEqualTo("Hemos recibido tu denuncia (" + reference + ")");
        String text = plainText(ack);
        Matcher code = Pattern.compile("código de seguimiento:\\s+([A-Za-z0-9_-]{32})\\s").matcher(text);
        assertThat(code.find()).as("a tracking code in %s", text).isTrue();

        // a second code for the same case and holder, which only the mail carries
        assertThat(code.group(1)).isNotEqualTo(receipt.path("trackingCode").asText());
        JsonNode tracked = http.getForObject("/api/tracking/" + code.group(1), JsonNode.class);
        assertThat(tracked.path("reference").asText()).isEqualTo(reference);
        assertThat(tracked.path("holder").asText()).isEqualTo("submitter");
        String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(caseId).list())
                .noneSatisfy(variable -> assertThat(String.valueOf(variable.getValue())).contains(code.group(1)));
        // the committee's alert stays in English
        assertThat(to("carmen@committee.test").getSubject()).startsWith("New code-of-conduct report");
    }

    @Test
    void aCaseStartedInTasklistGetsATrackingPageAndTheReporterACode() throws Exception {
        // a report that came by e-mail, entered by a committee member: no intake, no tracking row yet
        String reference = "CI-BYMAIL01";
        runtimeService.startProcessInstanceByKey("conduct-incident", reference, Map.of(
                "description", "Reported by e-mail: repeated insults on the forum.", "reporterEmail", "omar@example.org",
                "ongoingDanger", false));

        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 2);
        Matcher code = Pattern.compile("\\s([A-Za-z0-9_-]{32})\\s").matcher(plainText(to("omar@example.org")));
        assertThat(code.find()).isTrue();
        JsonNode tracked = http.getForObject("/api/tracking/" + code.group(1), JsonNode.class);
        assertThat(tracked.path("reference").asText()).isEqualTo(reference);
        assertThat(tracked.path("status").asText()).isEqualTo("received");
    }

    @Test
    void withSmtpDownTheReportIsTakenAndItsMailsArriveOnceSmtpIsBack() throws Exception {
        smtp.stop();
        String reference;
        try {
            reference = submit("""
                    {"description": "Repeated unwanted messages after I asked them to stop.", "reporterEmail": "sam@example.org"}""");
            String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();

            // both mails fail, and wait as jobs with retries left
            await().atMost(Duration.ofSeconds(60)).until(() -> failedMailJobs(caseId).size() == 2);
            assertThat(failedMailJobs(caseId)).allSatisfy(job -> {
                assertThat(job.getRetries()).isEqualTo(4);
                assertThat(job.getExceptionMessage()).isNotBlank();
            });
        } finally {
            smtp = TestSmtp.start(SMTP_PORT);
        }
        String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
        // instead of waiting five minutes for the retry: run the retries now
        failedMailJobs(caseId).forEach(job -> managementService.executeJob(job.getId()));

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 2);
        assertThat(to("sam@example.org").getSubject()).contains(reference);
        assertThat(GreenMailUtil.getBody(to("carmen@committee.test"))).contains(reference);
        // no mail left waiting (what remains is the acknowledgement deadline's timer)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> managementService.createJobQuery().processInstanceId(caseId).messages().count() == 0);
    }

    private List<Job> failedMailJobs(String caseId) {
        return managementService.createJobQuery().processInstanceId(caseId).withException().list();
    }

    private MimeMessage to(String address) throws Exception {
        List<MimeMessage> messages = Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        assertThat(messages).as("mails to %s", address).hasSize(1);
        return messages.get(0);
    }

    private String submit(String json) {
        return submitted(json).path("reference").asText();
    }

    private JsonNode submitted(String json) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = http.postForEntity("/api/forms/incident-report/submissions",
                new HttpEntity<>(json, headers), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }
}
