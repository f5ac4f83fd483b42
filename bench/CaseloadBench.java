import java.io.IOException;
import java.io.PrintWriter;
import java.io.FileWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query side of caseload.sh: Tasklist's, Cockpit's and a member's history queries over
 * {@code /engine-rest}, as a recused member (bob), a cleared one (alice) and the admin, against
 * one or more servers on the same database (say, one with authorization checks and one without,
 * the floor). Sequential, one request at a time: this measures latency, not throughput. Every
 * round runs every (server, user, query) once, in a new random order, so that a drift during the
 * run (a build beside it) weighs on all alike. No dependencies: {@code java bench/CaseloadBench.java ...}
 *
 * <pre>
 * --server auth=http://127.0.0.1:8080 --server floor=http://127.0.0.1:8081   (one or more)
 * --password-env CASELOAD_PASSWORD   the members' and the admin's password
 * --recused bob --cleared alice --admin demo --reps 30 --warmup 3
 * --label "auto"  --tsv results.tsv  (appends one line per row: label server user query median p95 items)
 * </pre>
 */
public class CaseloadBench {

    record Query(String name, String group, String path) {
    }

    record Combo(String server, String base, String user, Query query) {
    }

    static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    /** A filter of {@code GET /filter}: FilterDto writes id, resourceType and name first. */
    static final Pattern FILTER = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"resourceType\":\"Task\",\"name\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    static void log(String format, Object... args) {
        System.err.printf("[CaseloadBench] " + format + "%n", args);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> servers = new LinkedHashMap<>();
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            if (key.equals("server")) {
                String[] parts = args[i + 1].split("=", 2);
                servers.put(parts[0], parts[1]);
            } else {
                o.put(key, args[i + 1]);
            }
        }
        String password = System.getenv(o.getOrDefault("password-env", "CASELOAD_PASSWORD"));
        String recused = o.getOrDefault("recused", "bob"), cleared = o.getOrDefault("cleared", "alice"), admin = o.getOrDefault("admin", "demo");
        int reps = Integer.parseInt(o.getOrDefault("reps", "30")), warmup = Integer.parseInt(o.getOrDefault("warmup", "3"));
        String label = o.getOrDefault("label", "run");
        var bench = new CaseloadBench(password);
        String firstBase = servers.values().iterator().next();

        // each start of a server checks every demo user against the demo password (IdentityBootstrap),
        // which counts as a failed login and locks the account for a few seconds: wait it out
        for (String base : servers.values()) {
            for (String user : List.of(recused, cleared, admin)) {
                bench.awaitSignIn(base, user);
            }
        }
        // one ended case that both members may read (bob is not recused from it)
        String historicCase = bench.historicCaseFor(firstBase, admin, recused);
        log("history queries on case %s", historicCase);

        // the filters as the first server (the one checking authorizations) shares them; the same ids on every server
        Map<String, List<Query>> memberQueries = new LinkedHashMap<>();
        for (String member : List.of(recused, cleared)) {
            List<Query> queries = new ArrayList<>(memberQueries(member, historicCase));
            queries.addAll(bench.filterQueries(firstBase, member));
            memberQueries.put(member, queries);
        }
        List<Combo> combos = new ArrayList<>();
        for (var server : servers.entrySet()) {
            for (String member : List.of(recused, cleared)) {
                for (Query q : memberQueries.get(member)) {
                    combos.add(new Combo(server.getKey(), server.getValue(), member, q));
                }
            }
            for (Query q : adminQueries()) {
                combos.add(new Combo(server.getKey(), server.getValue(), admin, q));
            }
        }
        Map<Combo, List<Double>> times = new LinkedHashMap<>();
        Map<Combo, Long> items = new LinkedHashMap<>();
        combos.forEach(c -> times.put(c, new ArrayList<>()));
        Random random = new Random(42);
        long t0 = System.nanoTime();
        for (int round = 0; round < warmup + reps; round++) {
            List<Combo> order = new ArrayList<>(combos);
            Collections.shuffle(order, random);
            for (Combo c : order) {
                long start = System.nanoTime();
                String body = bench.get(c.base(), c.user(), c.query().path());
                double ms = (System.nanoTime() - start) / 1e6;
                if (round >= warmup) {
                    times.get(c).add(ms);
                }
                items.put(c, itemsIn(body));
            }
            if ((round + 1) % 10 == 0) {
                log("%s: round %d/%d after %.0f s", label, round + 1, warmup + reps, (System.nanoTime() - t0) / 1e9);
            }
        }

        System.out.printf("%n#### %s: median / p95 of %d requests each, ms (items: what the answer held)%n%n", label, reps);
        StringBuilder header = new StringBuilder("| query | user |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (String server : servers.keySet()) {
            header.append(" ").append(server).append(" median | p95 | items |");
            rule.append("---:|---:|---:|");
        }
        System.out.println(header);
        System.out.println(rule);
        PrintWriter tsv = o.containsKey("tsv") ? new PrintWriter(new FileWriter(o.get("tsv"), true)) : null;
        Map<String, Combo> byKey = new LinkedHashMap<>();
        combos.forEach(c -> byKey.put(c.server() + "|" + c.user() + "|" + c.query().name(), c));
        String firstServer = servers.keySet().iterator().next();
        for (Combo row : combos) {
            if (!row.server().equals(firstServer)) {
                continue;
            }
            StringBuilder line = new StringBuilder("| " + row.query().name() + " | " + row.user() + " |");
            for (String server : servers.keySet()) {
                Combo c = byKey.get(server + "|" + row.user() + "|" + row.query().name());
                List<Double> t = times.get(c);
                line.append(String.format(Locale.ROOT, " %.1f | %.1f | %d |", percentile(t, 50), percentile(t, 95), items.get(c)));
                if (tsv != null) {
                    tsv.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%.1f\t%.1f\t%d%n", label, server, row.user(),
                            row.user().equals(recused) ? "recused" : row.user().equals(cleared) ? "cleared" : "admin",
                            c.query().name() + ":" + c.query().group(), percentile(t, 50), percentile(t, 95), items.get(c));
                }
            }
            System.out.println(line);
        }
        if (tsv != null) {
            tsv.close();
        }
    }

    static List<Query> memberQueries(String member, String historicCase) {
        String page = "sortBy=created&sortOrder=desc&firstResult=0&maxResults=15";
        return List.of(
                new Query("all tasks", "tasklist", "/engine-rest/task?" + page),
                new Query("all tasks count", "tasklist", "/engine-rest/task/count"),
                new Query("my tasks", "tasklist", "/engine-rest/task?assignee=" + member + "&" + page),
                new Query("my tasks count", "tasklist", "/engine-rest/task/count?assignee=" + member),
                new Query("committee tasks", "tasklist", "/engine-rest/task?candidateGroup=conduct-committee&" + page),
                new Query("committee tasks count", "tasklist", "/engine-rest/task/count?candidateGroup=conduct-committee"),
                new Query("case history", "history", "/engine-rest/history/process-instance?processInstanceId=" + historicCase),
                new Query("case activities", "history", "/engine-rest/history/activity-instance?processInstanceId=" + historicCase));
    }

    /** Every Tasklist filter shared with the member, as Tasklist opens it: its first page and its count. */
    List<Query> filterQueries(String base, String member) throws IOException, InterruptedException {
        List<Query> queries = new ArrayList<>();
        Matcher m = FILTER.matcher(get(base, member, "/engine-rest/filter?resourceType=Task"));
        while (m.find()) {
            String path = "/engine-rest/filter/" + m.group(1);
            queries.add(new Query("filter " + m.group(2), "tasklist", path + "/list?firstResult=0&maxResults=15"));
            queries.add(new Query("filter " + m.group(2) + " count", "tasklist", path + "/count"));
        }
        if (queries.isEmpty()) {
            throw new IllegalStateException("no Tasklist filter is shared with " + member + " at " + base);
        }
        return queries;
    }

    static List<Query> adminQueries() {
        return List.of(
                new Query("cockpit definitions", "cockpit", "/engine-rest/process-definition/statistics?rootIncidents=true"),
                new Query("cockpit instances", "cockpit",
                        "/engine-rest/process-instance?processDefinitionKey=conduct-incident&sortBy=instanceId&sortOrder=desc&firstResult=0&maxResults=50"),
                new Query("cockpit instances count", "cockpit", "/engine-rest/process-instance/count?processDefinitionKey=conduct-incident"));
    }

    /** The count of a count query, or how many objects the top-level array of a list holds. */
    static long itemsIn(String body) {
        Matcher m = COUNT.matcher(body);
        if (body.startsWith("{") && m.find()) {
            return Long.parseLong(m.group(1));
        }
        if (!body.startsWith("[")) {
            return -1;
        }
        long objects = 0;
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{' || ch == '[') {
                if (ch == '{' && depth == 1) {
                    objects++;
                }
                depth++;
            } else if (ch == '}' || ch == ']') {
                depth--;
            }
        }
        return objects;
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    final String password;

    CaseloadBench(String password) {
        this.password = password;
    }

    String get(String base, String user, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", basic(user))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().trim();
    }

    void awaitSignIn(String base, String user) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/user/" + user + "/profile"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return;
            }
            if (response.statusCode() != 401 || System.nanoTime() > deadline) {
                throw new IllegalStateException(user + " cannot sign in at " + base + ": " + response.statusCode());
            }
            Thread.sleep(1000);
        }
    }

    String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String historicCaseFor(String base, String admin, String member) throws Exception {
        String list = get(base, admin, "/engine-rest/history/process-instance?processDefinitionKey=conduct-incident&finished=true"
                + "&sortBy=startTime&sortOrder=asc&firstResult=0&maxResults=20");
        Matcher m = FIRST_ID.matcher(list);
        while (m.find()) {
            String id = m.group(1);
            String seen = get(base, member, "/engine-rest/history/process-instance/count?processInstanceId=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            if (seen.contains("\"count\":1")) {
                return id;
            }
        }
        throw new IllegalStateException("no ended case that " + member + " may read among the first 20");
    }
}
