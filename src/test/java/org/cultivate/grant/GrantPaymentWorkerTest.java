package org.cultivate.grant;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cultivate.grant.RapidGrantProcess.AMOUNT;
import static org.cultivate.grant.RapidGrantProcess.CURRENCY;
import static org.cultivate.grant.RapidGrantProcess.PAYEE;
import static org.cultivate.grant.RapidGrantProcess.PAYMENT_PROCESS_KEY;
import static org.cultivate.grant.RapidGrantProcess.PAYMENT_REFERENCE;
import static org.cultivate.grant.RapidGrantProcess.PAYMENT_TOPIC;

/**
 * A finance tool as a community would write one: Camunda's Java external-task client, signed in
 * over {@code /engine-rest} as a member of {@code finance}, fetches, locks and completes a grant
 * payment. Nobody outside {@code finance} gets it.
 */
@DefaultProfileTest
class GrantPaymentWorkerTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TestRestTemplate http;

    @Test
    void aFinanceToolSignedInAsAFinanceMemberPaysAndCompletesThePaymentWithItsReference() {
        ProcessInstance payment = runtimeService.startProcessInstanceByKey(PAYMENT_PROCESS_KEY, "RG-WORKER01",
                Variables.createVariables().putValue(AMOUNT, 1500L).putValue(CURRENCY, "EUR").putValue(PAYEE, "Ada Applicant"));

        // a grants-committee member's fetch finds nothing: payments are the finance group's
        assertThat(new FinanceToolOverRest(http, "dana").fetch(null)).isEmpty();

        List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
        ExternalTaskClient client = ExternalTaskClient.create()
                .baseUrl("http://localhost:" + port + "/engine-rest")
                .workerId("finance-tool")
                .asyncResponseTimeout(1_000)
                .addInterceptor(new BasicAuthProvider("hiro", "hiro"))
                .build();
        try {
            client.subscribe(PAYMENT_TOPIC).lockDuration(60_000).handler((task, service) -> {
                seen.add(Map.of("businessKey", task.getBusinessKey(), "variables", task.getAllVariables()));
                service.complete(task, Map.of(PAYMENT_REFERENCE, "BANK-" + task.getBusinessKey()));
            }).open();

            await().atMost(Duration.ofSeconds(30)).until(() -> historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(payment.getId()).finished().count() == 1);
        } finally {
            client.stop();
        }

        assertThat(seen).singleElement().satisfies(task -> {
            assertThat(task).containsEntry("businessKey", "RG-WORKER01");
            assertThat(task.get("variables")).isEqualTo(Map.of(AMOUNT, 1500L, CURRENCY, "EUR", PAYEE, "Ada Applicant"));
        });
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(payment.getId())
                .variableName(PAYMENT_REFERENCE).singleResult().getValue()).isEqualTo("BANK-RG-WORKER01");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(payment.getId())
                .activityId("UserTask_RecordPayment").count()).as("with a tool, nothing waits in Tasklist").isZero();
    }
}
