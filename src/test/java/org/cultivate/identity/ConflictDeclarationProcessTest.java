package org.cultivate.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.cultivate.identity.ConflictsOfInterest.CASE_ID;
import static org.cultivate.identity.ConflictsOfInterest.CASE_LABEL;
import static org.cultivate.identity.ConflictsOfInterest.HAS_CONFLICT;
import static org.cultivate.identity.ConflictsOfInterest.MEMBER;

/** {@code processes/conflict-declaration.bpmn}, every process's declaration: one member, alone, then recorded. */
@Deployment(resources = {"processes/conflict-declaration.bpmn", "forms/conflict-declaration.form"})
class ConflictDeclarationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.9)
            .build();

    ProcessEngine processEngine;
    private final List<Object> recorded = new ArrayList<>();

    @BeforeEach
    void wireBeans() {
        init(processEngine);
        Mocks.register("recordConflictDeclarationDelegate",
                (JavaDelegate) execution -> recorded.add(execution.getVariable(HAS_CONFLICT)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theMemberAloneDeclaresAndTheAnswerIsRecordedAsAJob(boolean hasConflict) {
        ProcessInstance declaration = runtimeService().startProcessInstanceByKey("conflict-declaration",
                withVariables(MEMBER, "alice", CASE_LABEL, "lilac-ibis-36", CASE_ID, "case-1"));

        assertThat(declaration).isWaitingAt("UserTask_DeclareConflict");
        assertThat(task(declaration)).isAssignedTo("alice").hasName("Declare conflicts: lilac-ibis-36");
        complete(task(declaration), withVariables(HAS_CONFLICT, hasConflict));
        assertThat(declaration).isWaitingAt("ServiceTask_RecordDeclaration");
        execute(job(declaration));

        assertThat(recorded).containsExactly(hasConflict);
        assertThat(declaration).hasPassedInOrder("UserTask_DeclareConflict", "ServiceTask_RecordDeclaration",
                "EndEvent_DeclarationRecorded").isEnded();
    }
}
