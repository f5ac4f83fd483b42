package org.cultivate.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.cultivate.system.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The set-wise task list of {@link TaskListQueryPlugin} decides as the engine's own statements do:
 * for generated authorization tables (grants, revokes and global authorizations, of users and
 * groups, on tasks, on definitions and on '*', with the permission asked for or another), each
 * member sees the same tasks, the same count and the same page through both, with revokes checked
 * and not; also where the criteria's rows repeat (candidate groups) or sort by what another table
 * holds (a process variable) or by a computed column (names regardless of case).
 */
class TaskListQueryEquivalenceTest {

    private static final long SEED = 20261202L;
    private static final List<String> USERS = List.of("uma", "vik");
    private static final Map<String, List<String>> GROUPS = Map.of("uma", List.of("reviewers"), "vik", List.of("reviewers", "stewards"));
    private static final List<String> ALL_GROUPS = List.of("reviewers", "stewards");

    private static ProcessEngineConfigurationImpl configuration;
    private static ProcessEngine engine;
    private static Map<String, String> replaced;
    private static Map<String, String> engineOwn;
    private static final List<String> taskIds = new ArrayList<>();

    @BeforeAll
    static void startEngine() {
        Map<String, String> database = TestPostgres.newDatabase("task_list_query");
        configuration = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
                .setJdbcUrl(database.get("POSTGRES_URL")).setJdbcUsername(database.get("POSTGRES_USER"))
                .setJdbcPassword(database.get("POSTGRES_PASSWORD")).setJdbcDriver("org.postgresql.Driver")
                .setDatabaseSchemaUpdate("true").setJobExecutorActivate(false).setAuthorizationEnabled(true)
                .setProcessEngineName("task-list-query");
        configuration.setProcessEnginePlugins(List.of(new TaskListQueryPlugin()));
        engine = configuration.buildProcessEngine();
        replaced = configuration.getDbSqlSessionFactory().getStatementMappings();
        engineOwn = new HashMap<>(replaced);
        TaskListQueryPlugin.REPLACED.keySet().forEach(engineOwn::remove);

        for (String key : List.of("alpha", "beta")) {
            engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
                    Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().userTask("UserTask_Work").endEvent().done())
                    .deploy();
        }
        for (String key : List.of("alpha", "alpha", "alpha", "beta", "beta")) {
            engine.getRuntimeService().startProcessInstanceByKey(key);
        }
        Task standalone = engine.getTaskService().newTask();
        engine.getTaskService().saveTask(standalone);
        // what makes the criteria's rows repeat or sort from another table: two candidate groups per
        // task (one row per identity link), a process variable, names that differ in case
        TaskService tasks = engine.getTaskService();
        List<String> names = List.of("delta", "Alpha", "charlie", "Bravo", "echo", "alpha");
        int i = 0;
        for (Task task : tasks.createTaskQuery().orderByTaskId().asc().list()) {
            taskIds.add(task.getId());
            task.setName(names.get(i % names.size()));
            tasks.saveTask(task);
            ALL_GROUPS.forEach(group -> tasks.addCandidateGroup(task.getId(), group));
            if (task.getProcessInstanceId() != null) {
                engine.getRuntimeService().setVariable(task.getProcessInstanceId(), "rank", i % 3);
            }
            i++;
        }
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void everyMemberSeesTheSameTasksThroughTheReplacementAsThroughTheEnginesOwnStatements() {
        assertThat(replaced).containsAllEntriesOf(TaskListQueryPlugin.REPLACED);
        qt().withFixedSeed(SEED).withExamples(150).forAll(authorizationTables()).checkAssert(table -> {
            install(table);
            for (String mode : List.of("always", "never", "auto")) {
                configuration.setAuthorizationCheckRevokes(mode);
                for (String user : USERS) {
                    Seen own = seenBy(user, engineOwn);
                    Seen set = seenBy(user, replaced);
                    assertThat(set).as("%s, revokes %s, authorizations %s", user, mode, table).isEqualTo(own);
                }
            }
        });
    }

    @Test
    void theReplacementIsWhatTheTaskListRuns() {
        install(List.of(new Row(1, "vik", Resources.TASK, taskIds.get(0), true)));
        configuration.setAuthorizationCheckRevokes("auto");
        assertThat(seenBy("vik", replaced).ids()).containsExactly(taskIds.get(0));
        assertThat(seenBy("uma", replaced).ids()).isEmpty();
    }

    /** One authorization: type (0 global, 1 grant, 2 revoke), who, on what, and whether it is about the permission asked for. */
    record Row(int type, String subject, Resources resource, String resourceId, boolean askedFor) {
    }

    record Seen(List<String> ids, long count, List<String> page, List<String> byName, long candidateCount, List<String> byVariable,
            Set<String> groupsWithAuthorizations) {
    }

    private static Gen<List<Row>> authorizationTables() {
        List<String> subjects = new ArrayList<>(USERS);
        ALL_GROUPS.forEach(group -> subjects.add("group:" + group));
        Gen<Row> row = integers().between(0, 2).zip(Generate.pick(subjects), integers().between(0, 1),
                integers().between(0, taskIds.size()), Generate.booleans(),
                (type, subject, onDefinition, which, askedFor) -> {
                    Resources resource = onDefinition == 1 ? Resources.PROCESS_DEFINITION : Resources.TASK;
                    String id = onDefinition == 1 ? (which == 0 ? "*" : which % 2 == 0 ? "alpha" : "beta")
                            : (which == taskIds.size() ? "*" : taskIds.get(which));
                    return new Row(type, type == 0 ? "*" : subject, resource, id, askedFor);
                });
        return lists().of(row).ofSizeBetween(0, 10);
    }

    private static void install(List<Row> table) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        authorizations.createAuthorizationQuery().list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
        Set<String> taken = new HashSet<>();
        for (Row row : table) {
            if (!taken.add(row.type() + row.subject() + row.resource() + row.resourceId())) {
                continue;   // the engine allows one authorization of a type per subject and resource
            }
            Authorization authorization = authorizations.createNewAuthorization(row.type());
            if (row.subject().startsWith("group:")) {
                authorization.setGroupId(row.subject().substring(6));
            } else {
                authorization.setUserId(row.subject());
            }
            authorization.setResource(row.resource());
            authorization.setResourceId(row.resourceId());
            var asked = row.resource() == Resources.TASK ? Permissions.READ : Permissions.READ_TASK;
            var other = row.resource() == Resources.TASK ? Permissions.UPDATE : Permissions.UPDATE_TASK;
            boolean grant = row.type() == Authorization.AUTH_TYPE_GRANT || (row.type() == Authorization.AUTH_TYPE_GLOBAL && row.askedFor());
            if (grant) {
                authorization.addPermission(row.askedFor() ? asked : other);
            } else {
                authorization.removePermission(row.askedFor() ? asked : other);
            }
            authorizations.saveAuthorization(authorization);
        }
    }

    private static Seen seenBy(String user, Map<String, String> statements) {
        configuration.getDbSqlSessionFactory().setStatementMappings(statements);
        TaskService tasks = engine.getTaskService();
        engine.getIdentityService().setAuthentication(user, GROUPS.get(user));
        try {
            List<String> ids = tasks.createTaskQuery().orderByTaskId().asc().list().stream().map(Task::getId).toList();
            long count = tasks.createTaskQuery().count();
            List<String> page = tasks.createTaskQuery().orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(1, 2)
                    .stream().map(Task::getId).toList();
            List<String> byName = tasks.createTaskQuery().taskCandidateGroupIn(ALL_GROUPS).orderByTaskNameCaseInsensitive().asc()
                    .orderByTaskId().asc().list().stream().map(Task::getId).toList();
            long candidateCount = tasks.createTaskQuery().taskCandidateGroupIn(ALL_GROUPS).count();
            List<String> byVariable = tasks.createTaskQuery().processDefinitionKeyIn("alpha", "beta")
                    .orderByProcessVariable("rank", ValueType.INTEGER).desc().orderByTaskId().asc().listPage(0, 3)
                    .stream().map(Task::getId).toList();
            // what every check starts from; the engine's statement also answers null (the users' rows)
            List<?> groupRows = configuration.getCommandExecutorTxRequired()
                    .execute(context -> context.getDbEntityManager().selectList("selectAuthorizedGroupIds"));
            Set<String> groupsWithAuthorizations = groupRows.stream().filter(Objects::nonNull).map(String.class::cast)
                    .collect(Collectors.toSet());
            return new Seen(ids, count, page, byName, candidateCount, byVariable, groupsWithAuthorizations);
        } finally {
            engine.getIdentityService().clearAuthentication();
            configuration.getDbSqlSessionFactory().setStatementMappings(replaced);
        }
    }
}
