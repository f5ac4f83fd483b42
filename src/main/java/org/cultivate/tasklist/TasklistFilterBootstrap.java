package org.cultivate.tasklist;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.cultivate.tasklist.CommitteeFilters.FilterSpec;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

/**
 * Creates or updates the filters of {@link CommitteeFilters} at start-up, before the server takes
 * requests, and shares each with exactly the groups of its line: running it again changes
 * nothing, a changed line changes its filter. It runs with no user signed in to the engine, so
 * as the engine itself, which checks no authorization.
 * Cultivate's filters are the ones without an owner; filters people save in Tasklist have one
 * and are left alone.
 */
@Component
class TasklistFilterBootstrap implements InitializingBean {

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    TasklistFilterBootstrap(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void afterPropertiesSet() {
        CommitteeFilters.all(taskService).forEach(this::ensure);
    }

    private void ensure(FilterSpec spec) {
        Filter filter = filterService.createTaskFilterQuery().filterName(spec.name()).list().stream()
                .filter(found -> found.getOwner() == null)
                .findFirst()
                .orElseGet(() -> filterService.newTaskFilter(spec.name()));
        filter.setQuery(spec.query());
        filter.setProperties(spec.properties());
        filterService.saveFilter(filter);
        shareWith(filter.getId(), spec.groups());
    }

    /** READ for each group of the line; a group no longer on it (committees once read "All tasks") loses its grant. */
    private void shareWith(String filterId, Set<String> groups) {
        List<Authorization> grants = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.FILTER).resourceId(filterId).list();
        for (Authorization grant : grants) {
            if (grant.getGroupId() != null && !groups.contains(grant.getGroupId())) {
                authorizationService.deleteAuthorization(grant.getId());
            }
        }
        for (String group : groups) {
            Authorization grant = grants.stream().filter(found -> group.equals(found.getGroupId())).findFirst().orElseGet(() -> {
                Authorization created = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                created.setGroupId(group);
                created.setResource(Resources.FILTER);
                created.setResourceId(filterId);
                return created;
            });
            if (!grant.isPermissionGranted(Permissions.READ)) {
                grant.addPermission(Permissions.READ);
                authorizationService.saveAuthorization(grant);
            }
        }
    }
}
