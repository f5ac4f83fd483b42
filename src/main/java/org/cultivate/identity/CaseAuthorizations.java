package org.cultivate.identity;

import java.util.function.Consumer;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

/**
 * Who may see one case, granted and revoked per case and per person, never per process
 * definition (a definition-wide grant would defeat a recusal; see docs/security.md).
 * The engine removes these authorizations with the case and its history.
 */
@Component
public class CaseAuthorizations {

    private final AuthorizationService authorizationService;
    private final TaskService taskService;

    public CaseAuthorizations(AuthorizationService authorizationService, TaskService taskService) {
        this.authorizationService = authorizationService;
        this.taskService = taskService;
    }

    /** Lets {@code userId} read the running case, its variables and its history. Tasks come through candidacy. */
    public void grantReading(String caseId, String userId) {
        grant(caseId, user(userId), Permissions.READ);
    }

    /** Lets every member of {@code groupId} read the running case, its variables and its history. */
    void grantGroupReading(String caseId, String groupId) {
        grant(caseId, authorization -> authorization.setGroupId(groupId), Permissions.READ);
    }

    /**
     * Lets every member of {@code groupId} read and work the running case: READ and UPDATE, which a
     * tool signed in as a member needs to fetch, lock and complete the case's external tasks.
     */
    void grantGroupWorking(String caseId, String groupId) {
        grant(caseId, authorization -> authorization.setGroupId(groupId), Permissions.READ, Permissions.UPDATE);
    }

    /** {@code onTheCase} on the running case, READ on its history: one authorization per grantee and resource. */
    private void grant(String caseId, Consumer<Authorization> grantee, Permission... onTheCase) {
        save(AUTH_TYPE_GRANT, grantee, Resources.PROCESS_INSTANCE, caseId, onTheCase);
        save(AUTH_TYPE_GRANT, grantee, Resources.HISTORIC_PROCESS_INSTANCE, caseId, HistoricProcessInstancePermissions.READ);
    }

    /**
     * Hides the case from {@code userId} everywhere: the running case, its variables, its history
     * and its open tasks. Tasks created later need {@link #revokeTask(DelegateTask, String)} each.
     */
    public void revokeCase(String caseId, String userId) {
        deleteUserAuthorizations(userId, Resources.PROCESS_INSTANCE, caseId);
        deleteUserAuthorizations(userId, Resources.HISTORIC_PROCESS_INSTANCE, caseId);
        save(AUTH_TYPE_REVOKE, user(userId), Resources.PROCESS_INSTANCE, caseId, Permissions.ALL);
        save(AUTH_TYPE_REVOKE, user(userId), Resources.HISTORIC_PROCESS_INSTANCE, caseId, HistoricProcessInstancePermissions.ALL);
        for (var task : taskService.createTaskQuery().processInstanceId(caseId).list()) {
            // a user's own grant on a task (as assignee or candidate) beats a revoke: those go first
            if (userId.equals(task.getAssignee())) {
                taskService.setAssignee(task.getId(), null);
            }
            taskService.deleteCandidateUser(task.getId(), userId);
            revokeTaskOnly(task.getId(), userId);
        }
    }

    /** Hides a task being created from {@code userId}; for a task-create listener. */
    public void revokeTask(DelegateTask task, String userId) {
        if (userId.equals(task.getAssignee())) {
            task.setAssignee(null);
        }
        task.deleteCandidateUser(userId);
        revokeTaskOnly(task.getId(), userId);
    }

    private void revokeTaskOnly(String taskId, String userId) {
        deleteUserAuthorizations(userId, Resources.TASK, taskId);
        save(AUTH_TYPE_REVOKE, user(userId), Resources.TASK, taskId, Permissions.ALL);
    }

    private void deleteUserAuthorizations(String userId, Resource resource, String resourceId) {
        authorizationService.createAuthorizationQuery().userIdIn(userId).resourceType(resource).resourceId(resourceId).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    }

    private static Consumer<Authorization> user(String userId) {
        return authorization -> authorization.setUserId(userId);
    }

    private void save(int type, Consumer<Authorization> grantee, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createNewAuthorization(type);
        grantee.accept(authorization);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            if (type == AUTH_TYPE_REVOKE) {
                authorization.removePermission(permission);
            } else {
                authorization.addPermission(permission);
            }
        }
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            authorizationService.saveAuthorization(authorization);
        } else {
            // a case's own grants, set as it starts or as a member declares, whoever's command it is
            // (a grant approved in Tasklist starts its payment): the engine's act, not that user's
            command.runWithoutAuthorization(() -> authorizationService.saveAuthorization(authorization));
        }
    }
}
