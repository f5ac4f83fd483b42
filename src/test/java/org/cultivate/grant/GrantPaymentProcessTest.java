package org.cultivate.grant;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cultivate.grant.GrantProcessTestSupport.*;
import static org.cultivate.system.EngineSteps.*;
import static org.cultivate.grant.RapidGrantProcess.*;

/**
 * Both paths of {@code processes/grant-payment.bpmn}: a finance tool on topic {@code grant-payment}
 * (told to finance when it waits), or the finance group in Tasklist; it gets the amount, the
 * currency and the payee, nothing else.
 */
@Deployment(resources = {"processes/grant-payment.bpmn", "forms/record-payment.form"})
class GrantPaymentProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    ProcessEngine processEngine;

    private final List<Map<String, Object>> mails = new ArrayList<>();

    @BeforeEach
    void wireBeans() {
        init(processEngine);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void aFinanceToolFetchesLocksAndPaysAndFinanceIsToldWhenItWaits() {
        beans(true);
        ProcessInstance payment = pay();
        execute(timer("Timer_PaymentWaiting"));
        runJobs();
        assertThat(mail(mails, "grant-payment-waiting")).containsEntry("toGroup", "finance");

        var locked = externalTaskService().fetchAndLock(1, "finance-tool").topic(PAYMENT_TOPIC, 60_000).execute();
        assertThat(locked).singleElement().satisfies(task -> {
            assertThat(task.getBusinessKey()).isEqualTo("RG-PAY00001");
            assertThat(task.getVariables()).containsOnlyKeys(AMOUNT, CURRENCY, PAYEE).containsEntry(AMOUNT, 800L);
        });
        externalTaskService().complete(locked.get(0).getId(), "finance-tool", Map.of(PAYMENT_REFERENCE, "BANK-12"));
        assertThat(payment).isEnded().hasPassed("ServiceTask_PayByFinanceTool", "EndEvent_Paid").hasNotPassed("UserTask_RecordPayment")
                .variables().containsEntry(PAYMENT_REFERENCE, "BANK-12");
    }

    @Test
    void withoutAToolFinanceRecordsThePaymentInTasklist() {
        beans(false);
        ProcessInstance payment = pay();
        Task record = task("UserTask_RecordPayment");
        assertThat(record.getName()).isEqualTo("Pay 800 EUR to Lena Grantee");
        assertThat(taskService().getIdentityLinksForTask(record.getId())).extracting(link -> link.getGroupId()).containsExactly("finance");
        assertThat(formKey(record)).isEqualTo("record-payment");
        complete(record, withVariables(PAYMENT_REFERENCE, "CASH-3"));
        assertThat(payment).isEnded().hasPassed("UserTask_RecordPayment", "EndEvent_Paid").hasNotPassed("ServiceTask_PayByFinanceTool");
    }

    private void beans(boolean financeTool) {
        registerSharedBeans(processEngine, Mockito.mock(GrantLedger.class),
                new GrantSettings("EUR", MonthDay.of(7, 1), null, 2, null, financeTool), mails, member -> java.util.Set.of());
    }

    private ProcessInstance pay() {
        return runtimeService().startProcessInstanceByKey(PAYMENT_PROCESS_KEY, "RG-PAY00001", Variables.createVariables()
                .putValue(AMOUNT, 800L).putValue(CURRENCY, "EUR").putValue(PAYEE, "Lena Grantee"));
    }
}
