package org.cultivate.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.cultivate.identity.Groups;

/**
 * Cultivate's Tasklist filters, as a table: each committee with the processes it works. A new
 * process adds a {@link Work} line to its committee; a committee with its first process adds a
 * {@link Committee}. Every committee gets "my cases", "waiting" and "overdue" over its processes,
 * and one filter per process; administrators get "All tasks".
 */
final class CommitteeFilters {

    static final String ALL_TASKS = "All tasks";

    static final List<Committee> COMMITTEES = List.of(
            new Committee(Groups.CONDUCT_COMMITTEE, "conduct cases", "the conduct committee", List.of(
                    new Work("conduct-incident", "Conduct incidents"),
                    // each member's own: nobody may see another's declaration, so the filter asks
                    // for the reader's alone instead of deciding about every member's (bench/RESULTS.md)
                    new Work("conflict-declaration", "Conflict declarations", true))),
            new Committee(Groups.GRANTS_COMMITTEE, "grants", "the grants committee", List.of(
                    new Work("rapid-grant", "Rapid grants"),
                    new Work("scale-up-grant", "Larger grants"),
                    // the reports of every grant, rapid or larger: processes/grant-funding.bpmn
                    new Work("grant-funding", "Grant reports"),
                    new Work("conflict-declaration", "Conflict declarations", true))),
            // payments wait here only when no finance tool takes them (cultivate.grants.finance-tool)
            new Committee(Groups.FINANCE, "payments", "finance", List.of(
                    new Work("grant-payment", "Grant payments"))),
            new Committee(Groups.MENTORS, "mentees", "the mentors", List.of(
                    new Work("leader-onboarding", "Leader onboardings"))),
            // coordinators find a mentor when nobody fits, may take over a mentor's task, and decide
            // a grant when no member of the grants committee is cleared
            new Committee(Groups.COORDINATORS, "coordinator tasks", "the coordinators", List.of(
                    new Work("leader-onboarding", "Leader onboardings"),
                    new Work("rapid-grant", "Rapid grants"),
                    new Work("scale-up-grant", "Larger grants"))));

    /** A group that works cases in Tasklist; its filters read "My conduct cases", "Waiting for the conduct committee". */
    record Committee(String group, String cases, String members, List<Work> processes) {
    }

    /** A process a committee works, the name of its filter, and whether its tasks are each member's own. */
    record Work(String processKey, String filterName, boolean readersOwn) {

        Work(String processKey, String filterName) {
            this(processKey, filterName, false);
        }
    }

    /** One filter as Tasklist shows it, and the groups it is shared with. */
    record FilterSpec(String name, String description, int priority, TaskQuery query, Set<String> groups) {

        Map<String, Object> properties() {
            return Map.of("description", description, "priority", priority);
        }
    }

    private CommitteeFilters() {
    }

    /**
     * Every filter of the table. The queries use Tasklist's expressions, evaluated for whoever
     * opens the filter; the engine's authorizations still decide which of the tasks each one sees.
     * Committees working the same process share its filter. Each query carries its sorting:
     * the order over {@code /engine-rest}; Tasklist sorts by the column its user picks (newest
     * first unless changed) and by the filter's sorting after that.
     */
    static List<FilterSpec> all(TaskService tasks) {
        List<FilterSpec> filters = new ArrayList<>();
        filters.add(new FilterSpec(ALL_TASKS, "Every task you may see, of every process", 0,
                tasks.createTaskQuery(), Set.of(Groups.ADMINS)));
        Map<Work, Set<String>> workers = new LinkedHashMap<>();
        int priority = 10;
        for (Committee committee : COMMITTEES) {
            String[] keys = committee.processes().stream().map(Work::processKey).toArray(String[]::new);
            Set<String> group = Set.of(committee.group());
            filters.add(new FilterSpec("My " + committee.cases(), "Tasks of " + committee.cases() + " assigned to you",
                    priority++, tasks.createTaskQuery().processDefinitionKeyIn(keys)
                            .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc().orderByTaskCreateTime().asc(), group));
            filters.add(new FilterSpec("Waiting for " + committee.members(), "Tasks of " + committee.cases()
                            + " nobody has claimed yet", priority++,
                    tasks.createTaskQuery().processDefinitionKeyIn(keys).taskUnassigned().orderByTaskCreateTime().asc(), group));
            filters.add(new FilterSpec("Overdue " + committee.cases(), "Tasks of " + committee.cases() + " past their due date",
                    priority++, tasks.createTaskQuery().processDefinitionKeyIn(keys)
                            .dueBeforeExpression("${now()}").orderByDueDate().asc(), group));
            committee.processes().forEach(work -> workers.computeIfAbsent(work, any -> new LinkedHashSet<>()).add(committee.group()));
        }
        for (var work : workers.entrySet()) {
            String key = work.getKey().processKey();
            TaskQuery query = tasks.createTaskQuery().processDefinitionKey(key);
            if (work.getKey().readersOwn()) {
                query.taskAssigneeExpression("${currentUser()}");
            }
            filters.add(new FilterSpec(work.getKey().filterName(), (work.getKey().readersOwn() ? "Your open tasks" : "Open tasks")
                    + " of the process " + key, priority++, query.orderByTaskCreateTime().desc(), Set.copyOf(work.getValue())));
        }
        if (filters.stream().map(FilterSpec::name).distinct().count() < filters.size()) {
            throw new IllegalStateException("Two Tasklist filters of " + CommitteeFilters.class.getSimpleName() + " have the same name");
        }
        return filters;
    }
}
