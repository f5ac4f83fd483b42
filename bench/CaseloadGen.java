import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cultivate.CultivateApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The case-load builder of caseload.sh: starts Cultivate itself in this JVM (so every delegate,
 * listener, plugin and recusal runs as in the server) on the bench database, with the job executor
 * off, and drives conduct cases through the engine's own API from a few worker threads:
 *
 * <ul>
 * <li>every case enters through the intake ({@code POST /api/forms/incident-report/submissions}
 * on this JVM's own web server);</li>
 * <li>its due jobs (the start's async continuation, mails, declarations' recording) are executed
 * with {@code ManagementService.executeJob}, as the job executor would;</li>
 * <li>tasks are completed with {@code TaskService.complete} as the member they belong to
 * (authenticated, so the engine checks and logs as for a real member);</li>
 * <li>a historic case runs to its end: declarations (none), acknowledgement, investigation, a
 * proposal, every cleared member's vote, the 14-day appeal window's timer (executed at once);</li>
 * <li>an open case stops at one stage: declarations pending (10 %), acknowledgement (30 %, a sixth of
 * them in immediate-safety mode, a task for the candidate group), investigation (40 %), voting (20 %).</li>
 * </ul>
 * One case in ten names {@code bob} among the people involved, so he is recused from it
 * automatically; the other members declare no conflict.
 *
 * <pre>
 * java -cp "$APP/BOOT-INF/classes:$APP/BOOT-INF/lib/*" bench/CaseloadGen.java --historic 100000 --open 5000 --workers 4
 * </pre>
 * Database, profile and admin come from the usual environment (SPRING_PROFILES_ACTIVE=postgres,
 * POSTGRES_URL, ...); CASELOAD_PASSWORD is the password of the members it creates.
 */
public class CaseloadGen {

    static final List<String> MEMBERS = List.of("alice", "bob", "chidi");
    static final String RECUSED = "bob";
    static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

    final RuntimeService runtime;
    final TaskService tasks;
    final ManagementService management;
    final IdentityService identity;
    final HistoryService history;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    final URI intake;

    CaseloadGen(ConfigurableApplicationContext context, int port) {
        runtime = context.getBean(RuntimeService.class);
        tasks = context.getBean(TaskService.class);
        management = context.getBean(ManagementService.class);
        identity = context.getBean(IdentityService.class);
        history = context.getBean(HistoryService.class);
        intake = URI.create("http://127.0.0.1:" + port + "/api/forms/incident-report/submissions");
    }

    static void log(String format, Object... args) {
        System.err.printf("[CaseloadGen] " + format + "%n", args);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int historic = Integer.parseInt(options.getOrDefault("historic", "100000"));
        int open = Integer.parseInt(options.getOrDefault("open", "5000"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "4"));
        String password = System.getenv("CASELOAD_PASSWORD");
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("set CASELOAD_PASSWORD (12+ characters)");
        }
        long t0 = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CultivateApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
                        "--logging.level.org.cultivate=WARN");
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        log("Cultivate started in this JVM in %d ms (web port %d)", (System.nanoTime() - t0) / 1_000_000, port);
        var gen = new CaseloadGen(context, port);
        gen.ensureMembers(password);

        long start = System.nanoTime(), historicDone, end;
        try {
            gen.run("historic", historic, workers, 0, true);
            historicDone = System.nanoTime();
            gen.run("open", open, workers, historic, false);
            end = System.nanoTime();
        } catch (Exception e) {
            log("stopped: %s", e);
            System.exit(1);
            return;
        }
        double hs = (historicDone - start) / 1e9, os = (end - historicDone) / 1e9;
        // stdout: for the script's summary
        System.out.printf("built %d historic cases in %.0f s (%.1f cases/s) and %d open cases in %.0f s (%.1f cases/s), %d workers%n",
                historic, hs, historic / Math.max(hs, 1e-9), open, os, open / Math.max(os, 1e-9), workers);
        context.close();
        System.exit(0);
    }

    void ensureMembers(String password) {
        for (String id : MEMBERS) {
            User user = identity.createUserQuery().userId(id).singleResult();
            if (user == null) {
                user = identity.newUser(id);
                user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
                user.setLastName("Member");
                user.setEmail(id + "@example.org");
            }
            user.setPassword(password);
            identity.saveUser(user);
            if (identity.createUserQuery().userId(id).memberOfGroup("conduct-committee").count() == 0) {
                identity.createMembership(id, "conduct-committee");
            }
        }
    }

    void run(String label, int count, int workers, int offset, boolean toTheEnd) throws InterruptedException {
        if (count == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long t0 = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count && failed.get() <= Math.max(10, count / 100)) {
                    try {
                        runCase(offset + i, toTheEnd);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 5) {
                            log("case %d failed: %s", offset + i, e);
                        }
                    }
                }
            });
        }
        pool.shutdown();
        while (!pool.awaitTermination(15, TimeUnit.SECONDS)) {
            double s = (System.nanoTime() - t0) / 1e9;
            int d = done.get();
            log("%s: %d/%d cases in %.0f s (%.1f/s, about %.0f s to go), %d failed", label, d, count, s, d / s,
                    d == 0 ? 0 : (count - d) / (d / s), failed.get());
        }
        if (failed.get() > 0) {
            log("%s: %d cases failed", label, failed.get());
            if (failed.get() > Math.max(10, count / 100)) {
                throw new IllegalStateException("too many failed cases");
            }
        }
        log("%s: %d cases in %.0f s", label, done.get(), (System.nanoTime() - t0) / 1e9);
    }

    // ---- one case

    void runCase(int i, boolean toTheEnd) throws Exception {
        boolean namesBob = i % 10 == 3;
        int stage = toTheEnd ? 99 : i % 20;           // open: 0-1 declarations, 2-7 acknowledgement, 8-15 investigation, 16-19 vote
        boolean danger = !toTheEnd && stage == 5;     // a sixth of the open acknowledgement stage: immediate safety first
        String pid = submit(i, namesBob, danger);
        drain(pid);
        List<String> cleared = new ArrayList<>();
        for (String member : MEMBERS) {
            if (!(namesBob && member.equals(RECUSED))) {
                cleared.add(member);
            }
        }
        // declarations: in child processes, each assigned to its member
        boolean allDeclare = stage >= 2;
        for (ProcessInstance child : runtime.createProcessInstanceQuery().superProcessInstanceId(pid).list()) {
            for (Task task : tasks.createTaskQuery().processInstanceId(child.getId()).list()) {
                // in the declarations stage, alice has declared and the others not yet
                if (allDeclare || task.getAssignee().equals("alice")) {
                    complete(task, task.getAssignee(), Map.of("hasConflict", false));
                }
            }
            drain(child.getId());
        }
        drain(pid);
        if (!allDeclare || danger) {
            return;
        }
        String worker = cleared.get(i % cleared.size());
        completeOne(pid, "UserTask_AcknowledgeReport", worker, Map.of("severity", "medium",
                "acknowledgementMessage", "The conduct committee has read your report and is reviewing it."));
        if (stage < 8) {
            return;
        }
        drain(pid);
        completeOne(pid, "UserTask_Investigate", worker, Map.of("nextStep", "propose",
                "investigationNotes", "Met on the chat logs; both sides heard."));
        if (stage < 16) {
            return;
        }
        drain(pid);
        completeOne(pid, "UserTask_ProposeResolution", worker, Map.of("outcome", "warning",
                "rationale", "Repeated interruptions and private messages after being asked to stop.",
                "messageToReporter", "The committee has issued a formal warning.", "informReportedPerson", false));
        drain(pid);
        List<Task> ballots = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("UserTask_Vote").list();
        if (ballots.size() != cleared.size()) {
            throw new IllegalStateException("case " + pid + ": " + ballots.size() + " ballots for " + cleared);
        }
        for (Task ballot : toTheEnd ? ballots : ballots.subList(0, 1)) {
            complete(ballot, ballot.getAssignee(), Map.of("approve", true));
        }
        if (!toTheEnd) {
            return;
        }
        drain(pid);
        Job appealWindow = management.createJobQuery().processInstanceId(pid).activityId("Timer_AppealWindow").singleResult();
        if (appealWindow == null) {
            throw new IllegalStateException("case " + pid + " has no appeal window");
        }
        management.executeJob(appealWindow.getId());
        drain(pid);
        if (runtime.createProcessInstanceQuery().processInstanceId(pid).count() != 0) {
            throw new IllegalStateException("case " + pid + " did not end");
        }
    }

    String submit(int i, boolean namesBob, boolean danger) throws Exception {
        String people = namesBob ? "Two participants, one of them bob from the committee; a witness."
                : "Two participants; one witness (a sprint mentor).";
        String json = "{\"description\":\"Case " + i + ": at the sprint a participant repeatedly interrupted and mocked another "
                + "attendee in the shared video call, and later sent private messages after being asked to stop.\","
                + "\"behaviour\":\"harassment\",\"incidentDate\":\"2026-05-16\",\"location\":\"online\","
                + "\"locationDetails\":\"Sprint video call\",\"peopleInvolved\":\"" + people + "\","
                + "\"ongoingDanger\":" + danger + ",\"reporterName\":\"R. Example\",\"reporterEmail\":\"r" + i + "@example.org\","
                + "\"mayContact\":true,\"language\":\"en\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(intake).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = REFERENCE.matcher(response.body());
        if (response.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("intake answered " + response.statusCode() + ": " + response.body());
        }
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(m.group(1)).singleResult();
        if (pi == null) {
            throw new IllegalStateException("no case for reference " + m.group(1));
        }
        return pi.getId();
    }

    /** Executes the due jobs of one process instance until none is left, as the job executor would. */
    void drain(String processInstanceId) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
            }
        }
        throw new IllegalStateException("jobs of " + processInstanceId + " keep coming");
    }

    void completeOne(String pid, String taskKey, String user, Map<String, Object> values) {
        Task task = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new IllegalStateException("case " + pid + " has no " + taskKey);
        }
        complete(task, user, values);
    }

    void complete(Task task, String user, Map<String, Object> values) {
        identity.setAuthentication(user, List.of("conduct-committee"));
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), user);
            }
            tasks.complete(task.getId(), new HashMap<>(values));
        } finally {
            identity.clearAuthentication();
        }
    }
}
