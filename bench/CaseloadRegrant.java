import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.cultivate.CultivateApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a copy of a caseload.sh database into another grant model, through the engine's own
 * AuthorizationService and TaskService (in this JVM, one transaction per case), as if the cases
 * had run under it from the start:
 * <ul>
 * <li>per case, one GROUP grant (conduct-committee) READ on the process instance and the historic
 * process instance, instead of one USER grant per cleared member;</li>
 * <li>open tasks offered to the candidate group conduct-committee instead of each cleared member
 * (the engine then grants the group READ/UPDATE on the task and READ on its historic task, once);
 * user grants on tasks and historic tasks remain for assignees only;</li>
 * <li>per-user REVOKEs stay for the recused, and are added for members who have not declared yet
 * on a case still in its declarations (they must see nothing before they declare).</li>
 * </ul>
 */
public class CaseloadRegrant {

    static final String GROUP = "conduct-committee";

    final AuthorizationService authorizations;
    final HistoryService history;
    final RuntimeService runtime;
    final TaskService tasks;
    final TransactionTemplate transaction;
    final AtomicLong deleted = new AtomicLong(), created = new AtomicLong();

    CaseloadRegrant(ConfigurableApplicationContext context) {
        authorizations = context.getBean(AuthorizationService.class);
        history = context.getBean(HistoryService.class);
        runtime = context.getBean(RuntimeService.class);
        tasks = context.getBean(TaskService.class);
        transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    static void log(String format, Object... args) {
        System.err.printf("[CaseloadRegrant] " + format + "%n", args);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int workers = Integer.parseInt(options.getOrDefault("workers", "4"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CultivateApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--camunda.bpm.job-execution.enabled=false",
                        "--logging.level.root=WARN", "--logging.level.org.cultivate=WARN");
        var regrant = new CaseloadRegrant(context);
        try {
            // the open cases first (Tasklist's queries read their rows), then the ended ones
            List<String> cases = new ArrayList<>();
            for (boolean finished : new boolean[] {false, true}) {
                int page = 5000;
                for (int first = 0; ; first += page) {
                    var query = regrant.history.createHistoricProcessInstanceQuery().processDefinitionKey("conduct-incident");
                    List<HistoricProcessInstance> batch = (finished ? query.finished() : query.unfinished())
                            .orderByProcessInstanceId().asc().listPage(first, page);
                    batch.forEach(p -> cases.add(p.getId()));
                    if (batch.size() < page) {
                        break;
                    }
                }
            }
            long deadline = System.nanoTime() + Long.parseLong(options.getOrDefault("max-seconds", "1800")) * 1_000_000_000L;
            long t0 = System.nanoTime();
            AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    int i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < cases.size()) {
                        String id = cases.get(i);
                        try {
                            regrant.transaction.executeWithoutResult(status -> regrant.convert(id));
                            done.incrementAndGet();
                        } catch (RuntimeException e) {
                            log("case %s: %s", id, e);
                        }
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(15, TimeUnit.SECONDS)) {
                log("%d/%d cases converted", done.get(), cases.size());
            }
            System.out.printf("converted %d of %d cases (open ones first): %d authorizations deleted, %d created, in %.0f s%n", done.get(), cases.size(),
                    regrant.deleted.get(), regrant.created.get(), (System.nanoTime() - t0) / 1e9);
        } catch (Exception e) {
            log("stopped: %s", e);
            System.exit(1);
        }
        context.close();
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    void convert(String caseId) {
        boolean running = runtime.createProcessInstanceQuery().processInstanceId(caseId).count() > 0;
        if (running) {
            toGroup(Resources.PROCESS_INSTANCE, caseId, Permissions.READ);
        }
        toGroup(Resources.HISTORIC_PROCESS_INSTANCE, caseId, HistoricProcessInstancePermissions.READ);
        if (!running) {
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(caseId).list()) {
                if (dropUserGrants(Resources.HISTORIC_TASK, task.getId(), task.getAssignee()) > 0) {
                    grantGroup(Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ);
                }
            }
            return;
        }
        List<String> undeclared = new ArrayList<>();
        Object members = runtime.getVariable(caseId, "committeeMembers");
        Object cleared = runtime.getVariable(caseId, "clearedMembers");
        if (members instanceof List<?> all && cleared instanceof List<?> done) {
            for (Object member : all) {
                if (!done.contains(member)) {
                    undeclared.add((String) member);
                }
            }
        }
        for (String member : undeclared) {
            revoke(member, Resources.PROCESS_INSTANCE, caseId, Permissions.ALL);
            revoke(member, Resources.HISTORIC_PROCESS_INSTANCE, caseId, HistoricProcessInstancePermissions.ALL);
        }
        for (Task task : tasks.createTaskQuery().processInstanceId(caseId).list()) {
            boolean offered = false;
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
                    tasks.deleteCandidateUser(task.getId(), link.getUserId());
                    offered = true;
                }
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && GROUP.equals(link.getGroupId())) {
                    offered = true;
                }
            }
            if (offered || task.getAssignee() == null) {
                if (tasks.getIdentityLinksForTask(task.getId()).stream().noneMatch(l -> GROUP.equals(l.getGroupId()))) {
                    tasks.addCandidateGroup(task.getId(), GROUP);
                }
                dropUserGrants(Resources.TASK, task.getId(), task.getAssignee());
                dropUserGrants(Resources.HISTORIC_TASK, task.getId(), task.getAssignee());
                for (String member : undeclared) {
                    revoke(member, Resources.TASK, task.getId(), Permissions.ALL);
                }
            }
        }
    }

    /** Replaces the user grants on a case's resource by one group grant. */
    void toGroup(Resource resource, String id, Permission permission) {
        dropUserGrants(resource, id, null);
        grantGroup(resource, id, permission);
    }

    int dropUserGrants(Resource resource, String id, String keepUser) {
        int n = 0;
        for (Authorization a : authorizations.createAuthorizationQuery().resourceType(resource).resourceId(id).list()) {
            if (a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && a.getUserId() != null && !Objects.equals(a.getUserId(), keepUser)) {
                authorizations.deleteAuthorization(a.getId());
                n++;
            }
        }
        deleted.addAndGet(n);
        return n;
    }

    void grantGroup(Resource resource, String id, Permission permission) {
        if (authorizations.createAuthorizationQuery().resourceType(resource).resourceId(id).groupIdIn(GROUP).count() == 0) {
            save(Authorization.AUTH_TYPE_GRANT, null, resource, id, permission);
        }
    }

    void revoke(String user, Resource resource, String id, Permission permission) {
        if (authorizations.createAuthorizationQuery().resourceType(resource).resourceId(id).userIdIn(user).count() == 0) {
            save(Authorization.AUTH_TYPE_REVOKE, user, resource, id, permission);
        }
    }

    /** A grant for the group, or a revoke for the user. */
    void save(int type, String user, Resource resource, String id, Permission permission) {
        Authorization a = authorizations.createNewAuthorization(type);
        if (user == null) {
            a.setGroupId(GROUP);
            a.addPermission(permission);
        } else {
            a.setUserId(user);
            a.removePermission(permission);
        }
        a.setResource(resource);
        a.setResourceId(id);
        authorizations.saveAuthorization(a);
        created.incrementAndGet();
    }
}
