package org.cultivate.tasklist;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.cultivate.identity.Groups;
import org.cultivate.system.CommitteeOverRest;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The committees' Tasklist filters as Tasklist reads them, over /engine-rest, as each member. */
@DefaultProfileTest
class TasklistFiltersTest {

    private static final String MY_CASES = "My conduct cases";
    private static final String WAITING = "Waiting for the conduct committee";
    private static final String OVERDUE = "Overdue conduct cases";
    private static final String INCIDENTS = "Conduct incidents";
    private static final String DECLARATIONS = "Conflict declarations";
    private static final List<String> CONDUCT_FILTERS = List.of(MY_CASES, WAITING, OVERDUE, INCIDENTS, DECLARATIONS);

    @Autowired
    TestRestTemplate http;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    TasklistFilterBootstrap bootstrap;

    @Test
    void everyFilterExistsOnceSharedWithItsGroupsOnlyEvenAfterTheBootstrapRanAgain() {
        bootstrap.afterPropertiesSet();
        bootstrap.afterPropertiesSet();

        for (String name : CONDUCT_FILTERS) {
            assertThat(filterService.createTaskFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
            // the declarations filter is the grants committee's too
            assertThat(groupGrants(name)).as(name).filteredOn(grant -> grant.getGroupId().equals(Groups.CONDUCT_COMMITTEE))
                    .singleElement().satisfies(grant -> assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue());
        }
        // the committees no longer list every task they may see: "All tasks" is the administrators'
        assertThat(filterService.createTaskFilterQuery().filterName(CommitteeFilters.ALL_TASKS).count()).isEqualTo(1);
        assertThat(groupGrants(CommitteeFilters.ALL_TASKS)).extracting(Authorization::getGroupId).containsExactly(Groups.ADMINS);
    }

    @Test
    void mentorsAndCoordinatorsShareTheOnboardingsFilterEachWithTheirOwnQueues() {
        assertThat(filterNames("femi")).containsExactlyInAnyOrder("My mentees", "Waiting for the mentors", "Overdue mentees",
                "Leader onboardings");
        assertThat(filterNames("gita")).containsExactlyInAnyOrder("My coordinator tasks", "Waiting for the coordinators",
                "Overdue coordinator tasks", "Leader onboardings", "Rapid grants", "Larger grants");
        assertThat(groupGrants("Leader onboardings")).extracting(Authorization::getGroupId)
                .containsExactlyInAnyOrder(Groups.MENTORS, Groups.COORDINATORS);
    }

    @Test
    void theGrantsCommitteeAndFinanceHaveTheirOwnQueuesAndShareTheDeclarationsFilterWithTheConductCommittee() {
        assertThat(filterNames("dana")).containsExactlyInAnyOrder("My grants", "Waiting for the grants committee", "Overdue grants",
                "Rapid grants", "Larger grants", "Grant reports", "Conflict declarations");
        assertThat(filterNames("hiro")).containsExactlyInAnyOrder("My payments", "Waiting for finance", "Overdue payments",
                "Grant payments");
        assertThat(groupGrants("Rapid grants")).extracting(Authorization::getGroupId)
                .containsExactlyInAnyOrder(Groups.GRANTS_COMMITTEE, Groups.COORDINATORS);
        assertThat(groupGrants("Larger grants")).extracting(Authorization::getGroupId)
                .containsExactlyInAnyOrder(Groups.GRANTS_COMMITTEE, Groups.COORDINATORS);
        assertThat(groupGrants("Grant reports")).extracting(Authorization::getGroupId).containsExactly(Groups.GRANTS_COMMITTEE);
        assertThat(groupGrants("Conflict declarations")).extracting(Authorization::getGroupId)
                .containsExactlyInAnyOrder(Groups.CONDUCT_COMMITTEE, Groups.GRANTS_COMMITTEE);
    }

    @Test
    void aCommitteeMemberSeesHerCommitteesFiltersAndAnotherCommitteeDoesNot() {
        assertThat(filterNames("alice")).containsExactlyInAnyOrderElementsOf(CONDUCT_FILTERS);
        assertThat(filterNames("dana")).doesNotContain("My conduct cases", "Conduct incidents", CommitteeFilters.ALL_TASKS);
        assertThat(filterNames("demo")).contains(CommitteeFilters.ALL_TASKS).containsAll(CONDUCT_FILTERS);

        // as Tasklist reads a filter: its criteria, with Tasklist's expressions, and its sorting
        JsonNode mine = new CommitteeOverRest(http).get("alice", "/engine-rest/filter/" + filterId(MY_CASES));
        assertThat(mine.at("/query/assigneeExpression").asText()).isEqualTo("${currentUser()}");
        assertThat(mine.at("/query/processDefinitionKeyIn")).extracting(JsonNode::asText)
                .containsExactly("conduct-incident", "conflict-declaration");
        assertThat(mine.at("/query/sorting/0/sortBy").asText()).isEqualTo("dueDate");
        assertThat(mine.at("/properties/priority").asInt()).isEqualTo(10);

        var headers = new HttpHeaders();
        headers.setBasicAuth("dana", "dana");
        assertThat(http.exchange("/engine-rest/filter/" + filterId(WAITING) + "/list", HttpMethod.GET, new HttpEntity<>(headers),
                String.class).getStatusCode().is4xxClientError()).isTrue();
    }

    @Test
    void eachFilterListsTheTasksItNamesForTheMemberWhoOpensIt() {
        var committee = new CommitteeOverRest(http);
        String reference = committee.post(null, "/api/forms/incident-report/submissions",
                Map.of("description", "Insults in the issue tracker, again."), JsonNode.class).getBody().path("reference").asText();
        String caseId = committee.awaitCase(reference);
        String declaration = committee.awaitTask("alice", "assignee=alice&taskDefinitionKey=UserTask_DeclareConflict"
                + "&processVariables=caseId_eq_" + caseId);

        assertThat(listed("alice", MY_CASES)).contains(declaration);
        assertThat(listed("alice", DECLARATIONS)).contains(declaration);
        // the declarations filter asks for the reader's own, the only ones anybody may see
        assertThat(new CommitteeOverRest(http).get("alice", "/engine-rest/filter/" + filterId(DECLARATIONS))
                .at("/query/assigneeExpression").asText()).isEqualTo("${currentUser()}");
        assertThat(listed("alice", WAITING)).doesNotContain(declaration);
        assertThat(listed("alice", INCIDENTS)).doesNotContain(declaration);

        committee.submit("alice", declaration, Map.of("hasConflict", false));
        String acknowledgement = committee.awaitTask("alice", "processInstanceId=" + caseId + "&taskDefinitionKey=UserTask_AcknowledgeReport");
        assertThat(listed("alice", WAITING)).contains(acknowledgement);
        assertThat(listed("alice", INCIDENTS)).contains(acknowledgement);
        assertThat(listed("alice", MY_CASES)).doesNotContain(acknowledgement, declaration);
        assertThat(listed("alice", OVERDUE)).doesNotContain(acknowledgement);
        // bob has not declared yet: the case is not his to see, in any filter
        assertThat(listed("bob", WAITING)).doesNotContain(acknowledgement);

        var task = taskService.createTaskQuery().taskId(acknowledgement).singleResult();
        task.setDueDate(Date.from(Instant.now().minus(Duration.ofHours(1))));
        taskService.saveTask(task);
        assertThat(listed("alice", OVERDUE)).contains(acknowledgement);

        assertThat(committee.post("alice", "/engine-rest/task/" + acknowledgement + "/claim", Map.of("userId", "alice"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(listed("alice", MY_CASES)).contains(acknowledgement);
        assertThat(listed("alice", WAITING)).doesNotContain(acknowledgement);
    }

    private List<String> filterNames(String user) {
        return values(new CommitteeOverRest(http).get(user, "/engine-rest/filter?resourceType=Task"), "name");
    }

    /** The ids of the tasks the filter lists for the user, as Tasklist asks for them. */
    private List<String> listed(String user, String filter) {
        return values(new CommitteeOverRest(http).get(user, "/engine-rest/filter/" + filterId(filter) + "/list"), "id");
    }

    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(element -> element.path(field).asText()).toList();
    }

    private String filterId(String name) {
        return filterService.createTaskFilterQuery().filterName(name).singleResult().getId();
    }

    private List<Authorization> groupGrants(String filter) {
        return authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId(filter))
                .list().stream().filter(grant -> grant.getGroupId() != null).toList();
    }
}
