package org.cultivate.grant;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.cultivate.identity.Groups;
import org.cultivate.system.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The grants ledger on PostgreSQL, through the public intake: three applications of one applicant
 * (their address written three ways) in one fiscal year meet the annual cap, and the committee's
 * summary counts them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class GrantLedgerOnPostgresTest {

    private static final String PASSWORD = "grants-member-password";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identityService;
    @Autowired
    GrantLedger ledger;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        // no mail server is needed here: the mail jobs may fail and wait, the case goes on
        TestPostgres.registerProfile(registry, "grants", 9);
    }

    @BeforeEach
    void committee() {
        if (identityService.createUserQuery().userId("dana").count() == 0) {
            var user = identityService.newUser("dana");
            user.setEmail("dana@committee.test");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership("dana", Groups.GRANTS_COMMITTEE);
        }
    }

    @Test
    void theAnnualCapCountsEveryRequestOfOneApplicantAndTheSummaryCountsThemAll() {
        String first = apply("Kwesi.Cap@Example.org", 5000);
        String second = apply("kwesi.cap@example.org", 5000);
        await().atMost(Duration.ofSeconds(30)).until(() -> "in-review".equals(status(first)) && "in-review".equals(status(second)));
        String third = apply("KWESI.CAP@EXAMPLE.ORG", 500);

        await().atMost(Duration.ofSeconds(30)).until(() -> !"received".equals(status(third)));
        assertThat(status(third)).isEqualTo("ineligible");
        assertThat(ledger.byApplicant("kwesi.cap@example.org")).hasSize(3)
                .extracting(GrantLedger.Entry::status).containsExactlyInAnyOrder("requested", "requested", "ineligible");

        var headers = new HttpHeaders();
        headers.setBasicAuth("dana", PASSWORD);
        JsonNode summary = http.exchange("/api/grants/summary", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class).getBody();
        assertThat(summary.at("/total/requested/count").asInt()).isEqualTo(3);
        assertThat(new BigDecimal(summary.at("/byCommunity/Python Ghana/requested/amount").asText())).isEqualByComparingTo("10500");
    }

    /** @return the tracking code */
    private String apply(String email, int amount) {
        LocalDate start = LocalDate.now().plusDays(10);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var response = http.exchange("/api/forms/rapid-grant-application/submissions", HttpMethod.POST, new HttpEntity<>(Map.ofEntries(
                Map.entry("applicantName", "Kwesi Applicant"), Map.entry("email", email), Map.entry("applicantType", "individual"),
                Map.entry("community", "Python Ghana"), Map.entry("projectTitle", "PyData Kumasi"),
                Map.entry("summary", "Monthly meetups for data people in Kumasi."), Map.entry("goals", "Six meetups."),
                Map.entry("startDate", start.toString()), Map.entry("endDate", start.plusMonths(3).toString()),
                Map.entry("amount", amount), Map.entry("budget", "Venue and snacks")), headers), JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("trackingCode").asText();
    }

    private String status(String code) {
        return http.getForObject("/api/tracking/" + code, JsonNode.class).path("status").asText();
    }
}
