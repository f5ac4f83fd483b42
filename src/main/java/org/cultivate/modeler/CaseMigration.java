package org.cultivate.modeler;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Moves the running cases of one version of a process to another with the engine's migration API:
 * activities with the same id are mapped, each case is migrated on its own, so the ones the engine
 * can map move and the others stay where they are, listed with the engine's reasons.
 */
@Service
class CaseMigration {

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final EngineUser engineUser;

    CaseMigration(RuntimeService runtimeService, RepositoryService repositoryService, EngineUser engineUser) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.engineUser = engineUser;
    }

    /** Migrates as the signed-in user, who needs MIGRATE_INSTANCE on both versions. */
    Result migrate(String sourceDefinitionId, String targetDefinitionId) {
        List<ProcessInstance> cases = engineUser.asServer(() -> {
            requireProcessDefinition(sourceDefinitionId);
            requireProcessDefinition(targetDefinitionId);
            return runtimeService.createProcessInstanceQuery().processDefinitionId(sourceDefinitionId).list();
        });
        MigrationPlan plan;
        try {
            plan = runtimeService.createMigrationPlan(sourceDefinitionId, targetDefinitionId).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "No migration plan", "The engine cannot map these versions onto each other.",
                    e.getValidationReport().getInstructionReports().stream()
                            .flatMap(report -> report.getFailures().stream()
                                    .map(failure -> DiagramConventions.problem(report.getMigrationInstruction().getSourceActivityId(), "migration-plan", failure)))
                            .toList());
        }
        var migrated = new ArrayList<String>();
        var notMigrated = new ArrayList<NotMigrated>();
        for (ProcessInstance instance : cases) {
            try {
                runtimeService.newMigration(plan).processInstanceIds(instance.getId()).execute();
                migrated.add(instance.getId());
            } catch (MigratingProcessInstanceValidationException e) {
                notMigrated.add(new NotMigrated(instance.getId(), instance.getBusinessKey(), reasons(e.getValidationReport())));
            } catch (AuthorizationException e) {
                throw new ApiProblem(HttpStatus.FORBIDDEN, "Not allowed", "You may not migrate these cases: " + e.getMessage());
            } catch (ProcessEngineException e) {
                notMigrated.add(new NotMigrated(instance.getId(), instance.getBusinessKey(), List.of(e.getMessage())));
            }
        }
        return new Result(sourceDefinitionId, targetDefinitionId, migrated, notMigrated);
    }

    private void requireProcessDefinition(String id) {
        if (id == null || repositoryService.createProcessDefinitionQuery().processDefinitionId(id).count() == 0) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "No such process version", "No process definition has the id " + id + ".");
        }
    }

    private static List<String> reasons(MigratingProcessInstanceValidationReport report) {
        return Stream.of(
                report.getFailures().stream(),
                report.getActivityInstanceReports().stream().flatMap(CaseMigration::reasons),
                report.getTransitionInstanceReports().stream().flatMap(CaseMigration::reasons))
                .flatMap(reasons -> reasons)
                .toList();
    }

    private static Stream<String> reasons(MigratingActivityInstanceValidationReport report) {
        return report.getFailures().stream().map(failure -> report.getSourceScopeId() + ": " + failure);
    }

    private static Stream<String> reasons(MigratingTransitionInstanceValidationReport report) {
        return report.getFailures().stream().map(failure -> report.getSourceScopeId() + ": " + failure);
    }

    record Result(String sourceDefinitionId, String targetDefinitionId, List<String> migrated, List<NotMigrated> notMigrated) {
    }

    record NotMigrated(String processInstanceId, String businessKey, List<String> reasons) {
    }
}
