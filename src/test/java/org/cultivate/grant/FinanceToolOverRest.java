package org.cultivate.grant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.cultivate.system.CommitteeOverRest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cultivate.grant.RapidGrantProcess.AMOUNT;
import static org.cultivate.grant.RapidGrantProcess.CURRENCY;
import static org.cultivate.grant.RapidGrantProcess.PAYEE;
import static org.cultivate.grant.RapidGrantProcess.PAYMENT_TOPIC;

/** A finance tool over {@code /engine-rest}, signed in as {@code user}: what docs/processes/rapid-grant.md tells one to send. */
final class FinanceToolOverRest {

    private static final String WORKER = "finance-tool";

    private final CommitteeOverRest rest;
    private final String user;

    FinanceToolOverRest(TestRestTemplate http, String user) {
        this.rest = new CommitteeOverRest(http);
        this.user = user;
    }

    /** Fetches and locks the payments waiting (of one case, with a business key), with their variables; none once locked. */
    JsonNode fetch(String businessKey) {
        var topic = new HashMap<String, Object>(Map.of("topicName", PAYMENT_TOPIC, "lockDuration", 600_000,
                "variables", List.of(AMOUNT, CURRENCY, PAYEE)));
        if (businessKey != null) {
            topic.put("businessKey", businessKey);
        }
        return rest.post(user, "/engine-rest/external-task/fetchAndLock", Map.of("workerId", WORKER, "maxTasks", 5,
                "topics", List.of(topic)), JsonNode.class).getBody();
    }

    void pay(String externalTaskId, String paymentReference) {
        assertThat(rest.post(user, "/engine-rest/external-task/" + externalTaskId + "/complete", Map.of("workerId", WORKER,
                "variables", Map.of("paymentReference", Map.of("value", paymentReference, "type", "String"))), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
