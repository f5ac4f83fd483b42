package org.cultivate.conduct;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cultivate.conduct.GoodStandingProcess.ASKED_FOR;
import static org.cultivate.conduct.GoodStandingProcess.BAN_IN_FORCE;
import static org.cultivate.conduct.GoodStandingProcess.GOOD_STANDING;
import static org.cultivate.conduct.GoodStandingProcess.IN_GOOD_STANDING;
import static org.cultivate.conduct.GoodStandingProcess.PERSON_EMAIL;
import static org.cultivate.conduct.GoodStandingProcess.PERSON_NAME;
import static org.cultivate.conduct.GoodStandingProcess.PROCESS_KEY;

/** {@code processes/conduct-good-standing.bpmn}: no ban answers at once; a ban in force waits for the conduct committee. */
@Deployment(resources = {"processes/conduct-good-standing.bpmn", "forms/confirm-good-standing.form"})
class ConductGoodStandingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    ProcessEngine processEngine;
    private boolean banned;

    @BeforeEach
    void wireBeans() {
        init(processEngine);
        Mocks.register("checkBanListDelegate", (JavaDelegate) execution -> {
            execution.setVariable(BAN_IN_FORCE, banned);
            execution.setVariable(GOOD_STANDING, !banned);
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void withoutABanInForceThePersonIsInGoodStandingAtOnce() {
        ProcessInstance standing = ask();

        assertThat(standing).hasPassedInOrder("ServiceTask_CheckBanList", "Gateway_BanInForce", "EndEvent_NoBan").isEnded();
        assertThat(answer(standing)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aBanInForceGoesToTheConductCommitteeWhoClearOrConfirm(boolean cleared) {
        banned = true;
        ProcessInstance standing = ask();

        assertThat(standing).isWaitingAt("UserTask_ConfirmStanding");
        assertThat(task(standing)).hasCandidateGroup("conduct-committee").hasName("Good standing asked: rapid grant RG-1234");
        complete(task(standing), withVariables(IN_GOOD_STANDING, cleared));

        assertThat(standing).hasPassedInOrder("UserTask_ConfirmStanding", "EndEvent_StandingDecided").isEnded();
        assertThat(answer(standing)).isEqualTo(cleared);
    }

    @Test
    void aCallerGetsTheAnswerAndNothingElse() {
        banned = true;
        repositoryService().createDeployment().addModelInstance("caller.bpmn", Bpmn.createExecutableProcess("caller")
                .camundaHistoryTimeToLive(1).startEvent()
                .callActivity("CallActivity_GoodStanding").calledElement(PROCESS_KEY)
                .camundaIn("email", PERSON_EMAIL).camundaIn("applicantName", PERSON_NAME)
                .camundaIn("reference", ASKED_FOR).camundaOut(GOOD_STANDING, GOOD_STANDING)
                .userTask("UserTask_Next").endEvent().done()).deploy();
        ProcessInstance caller = runtimeService().startProcessInstanceByKey("caller",
                withVariables("email", "mallory@example.org", "applicantName", "Mallory", "reference", "RG-9"));
        ProcessInstance standing = runtimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
        complete(task(standing), withVariables(IN_GOOD_STANDING, false));

        assertThat(caller).isWaitingAt("UserTask_Next").variables()
                .containsEntry(GOOD_STANDING, false).doesNotContainKeys(BAN_IN_FORCE, IN_GOOD_STANDING);
        complete(task(caller));
        assertThat(caller).isEnded();
    }

    private ProcessInstance ask() {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY,
                withVariables(PERSON_NAME, "Mallory", PERSON_EMAIL, "mallory@example.org", ASKED_FOR, "rapid grant RG-1234"));
    }

    private static Boolean answer(ProcessInstance standing) {
        return (Boolean) historyService().createHistoricVariableInstanceQuery().processInstanceId(standing.getId())
                .variableName(GOOD_STANDING).singleResult().getValue();
    }
}
