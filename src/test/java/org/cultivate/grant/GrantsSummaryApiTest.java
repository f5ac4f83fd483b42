package org.cultivate.grant;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.cultivate.system.CommitteeOverRest;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The fund's figures from the grants ledger: the committee's summary, the public report with small groups suppressed, the metrics. */
@DefaultProfileTest
class GrantsSummaryApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    GrantLedger ledger;
    @Autowired
    GrantSettings settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void theCommitteeSeesEveryFigureOfTheFiscalYearAndThePublicOnlyGroupsOfThreeOrMore() {
        jdbc.update("DELETE FROM cultivate_grant");
        LocalDate today = LocalDate.now();
        LocalDate yearStart = settings.fiscalYearOf(today);
        record(1, "individual", "Python Nigeria", "1000", GrantLedger.PAID, today, today.minusDays(5));
        record(2, "individual", "Python Nigeria", "2000", GrantLedger.APPROVED, today, today.plusDays(40));
        record(3, "individual", "Python Nigeria", "500", GrantLedger.DECLINED, today, null);
        record(4, "organisation", "PyLadies Berlin", "5000", GrantLedger.CLOSED, today, null);
        // the fiscal year before: not in this summary
        record(5, "organisation", "PyLadies Berlin", "4000", GrantLedger.CLOSED, yearStart.minusDays(1), null);

        var committee = new CommitteeOverRest(http);
        JsonNode summary = committee.get("dana", "/api/grants/summary");
        assertThat(summary.path("fiscalYear").asInt()).isEqualTo(yearStart.getYear());
        assertThat(summary.path("from").asText()).isEqualTo(yearStart.toString());
        assertThat(summary.path("currency").asText()).isEqualTo("EUR");
        assertThat(summary.at("/total/requested/count").asInt()).isEqualTo(4);
        assertThat(new BigDecimal(summary.at("/total/requested/amount").asText())).isEqualByComparingTo("8500");
        assertThat(new BigDecimal(summary.at("/total/approved/amount").asText())).isEqualByComparingTo("8000");
        assertThat(new BigDecimal(summary.at("/total/paid/amount").asText())).isEqualByComparingTo("6000");
        assertThat(summary.at("/byType/organisation/paid/count").asInt()).isEqualTo(1);
        assertThat(summary.at("/byCommunity/Python Nigeria/requested/count").asInt()).isEqualTo(3);
        assertThat(summary.at("/reports/overdue").asInt()).isEqualTo(1);
        assertThat(summary.at("/reports/due").asInt()).isEqualTo(1);
        assertThat(committee.get("gita", "/api/grants/summary?fiscalYear=" + (yearStart.getYear() - 1)).at("/total/requested/count").asInt())
                .isEqualTo(1);

        JsonNode report = http.getForObject("/api/grants/report", JsonNode.class);
        assertThat(report.path("full").asBoolean()).isFalse();
        assertThat(report.path("suppressedBelow").asInt()).isEqualTo(3);
        assertThat(report.at("/total/requested/count").asInt()).isEqualTo(4);
        assertThat(report.at("/byCommunity/Python Nigeria/requested/count").asInt()).isEqualTo(3);
        assertThat(report.at("/byCommunity/PyLadies Berlin/requested").has("count")).as("a suppressed figure is null, not left out").isTrue();
        assertThat(report.at("/byCommunity/PyLadies Berlin/requested/count").isNull()).isTrue();
        assertThat(report.at("/byCommunity/PyLadies Berlin/requested/amount").isNull()).isTrue();
        assertThat(report.at("/reports/overdue").isNull()).isTrue();

        assertThat(http.getForEntity("/api/grants/report?fiscalYear=1999", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/grants/report?fiscalYear=soon", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(meters.get("cultivate.grants.open").tag("status", "approved").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("cultivate.grants.open").tag("status", "paid").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("cultivate.grants.reports.overdue").gauge().value()).isEqualTo(1.0);
    }

    private void record(int n, String type, String community, String amount, String status, LocalDate appliedOn, LocalDate reportDue) {
        ledger.record(new GrantLedger.Entry("RG-SUMMARY" + n, RapidGrantProcess.PROCESS_KEY, "applicant" + n + "@example.org", type,
                community, new BigDecimal(amount), "EUR", status, appliedOn, reportDue, null));
    }
}
