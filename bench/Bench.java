import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of bench/intake.sh, run as {@code java Bench.java --base http://127.0.0.1:PORT ...}.
 * It compares two ways of starting the same conduct-incident case with the same variables:
 * <ul>
 * <li>intake: {@code POST /api/forms/incident-report/submissions} (public, validated, tracking code);</li>
 * <li>raw: {@code POST /engine-rest/process-definition/key/conduct-incident/start} (HTTP Basic as an admin).</li>
 * </ul>
 * Closed-loop rounds interleave the two paths (A B B A ...) so machine noise and the slowly growing
 * database hit both alike; then an open-loop run at a fixed rate measures intake latency the way a
 * real public form sees it (latency counts from the moment a request was due, not when a busy client
 * got round to sending it). HTTP/1.1 is spoken over plain sockets: a heavier client would take CPU
 * from the server on this 2-core machine. Progress goes to stderr; stdout is the summary, whose last
 * line is {@code ratio intake/raw = X.XX}.
 */
public class Bench {

    static final String INTAKE_PATH = "/api/forms/incident-report/submissions";
    static final String RAW_PATH = "/engine-rest/process-definition/key/conduct-incident/start";
    static final String PROCESS_KEY = "conduct-incident";

    /**
     * The incident-report fields, every one filled in; both paths send exactly these values. The
     * intake makes a variable of every field of the form, so {@link #checkFieldsMatchForm} refuses
     * to run when the form has gained or lost a field: raw would then start with fewer variables.
     */
    static final Object[][] FIELDS = {
            {"description", "At the sprint on Saturday a participant repeatedly interrupted and mocked another attendee's accent "
                    + "in the shared video call, and later sent them private messages that went on after they were asked to stop. "
                    + "Screenshots of the chat are available on request."},
            {"behaviour", "harassment"},
            {"incidentDate", "2026-05-16"},
            {"location", "online"},
            {"locationDetails", "Sprint video call"},
            {"peopleInvolved", "Two participants; one witness (a sprint mentor)."},
            {"ongoingDanger", false},
            {"reporterName", "R. Example"},
            {"reporterEmail", "r@example.org"},
            {"mayContact", true},
            {"language", "en"},
    };

    static final int DRAIN_TIMEOUT_SECONDS = 300;
    static final int STALL_SECONDS = 20;
    static final SecureRandom RANDOM = new SecureRandom();
    static final char[] REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        if (o.formFile != null) {
            checkFieldsMatchForm(Path.of(o.formFile));
        }
        String host = o.base.replaceFirst("^http://", "").replaceFirst(":.*$", "");
        int port = Integer.parseInt(o.base.replaceFirst("^.*:", "").replaceAll("/.*$", ""));
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (o.user + ":" + System.getenv(o.passwordEnv)).getBytes(StandardCharsets.UTF_8));

        Target intake = new Target("intake", host, port, 201, () -> post(host, port, INTAKE_PATH, null, intakeBody()));
        Target raw = new Target("raw", host, port, 200, () -> post(host, port, RAW_PATH, auth, rawBody()));
        Admin admin = new Admin(host, port, auth, o.mailCountFile);
        CpuMeter cpu = new CpuMeter(o.appPid, o.postgresPid, o.sinkPid);
        admin.ensureCommitteeMembers(o.committeeMembers);

        // Warm-up: JIT, connection pools and caches of both paths, in alternating chunks.
        log("warm-up: %d requests per path, %d clients", o.warmup, o.clients);
        Stats warmIntake = new Stats(intake), warmRaw = new Stats(raw);
        for (int chunk = 0; chunk < 4; chunk++) {
            closedLoop(warmIntake, o.clients, o.warmup / 4, cpu);
            closedLoop(warmRaw, o.clients, o.warmup / 4, cpu);
        }
        for (Stats warm : List.of(warmIntake, warmRaw)) {
            if (warm.errors > 0) {
                fail("warm-up of %s: %d of %d requests failed; first: %s", warm.target.name, warm.errors, warm.requests(), warm.firstError);
            }
            log("  %s: %.0f subm/s, p50 %.1f ms", warm.target.name, warm.rate(), warm.percentileMs(50));
        }
        Drain afterWarmup = admin.drainJobs("after warm-up");

        // Open loop at a fixed rate on the intake path, starting with an idle job executor, as a
        // burst of reports would meet it. Its cases' mails go out meanwhile, as they would.
        log("fixed rate: %d subm/s for %d s on intake", o.rate, o.rateSeconds);
        CpuMeter.Sample beforeFixed = cpu.sample();
        FixedRate fixed = fixedRate(intake, o.rate, o.rateSeconds);
        CpuMeter.Sample afterFixedRun = cpu.sample();
        fixed.stats().machineTicks = afterFixedRun.machine() - beforeFixed.machine();
        fixed.stats().othersTicks = afterFixedRun.others() - beforeFixed.others();
        Drain afterFixed = admin.drainJobs("after the fixed-rate run");

        // Measured rounds, ABBA order: a drift (growing tables, the job backlog growing, a compile
        // starting beside us) then weighs on both paths equally. Both paths create the same jobs.
        Stats a = new Stats(intake), b = new Stats(raw);
        double loadMin = Double.MAX_VALUE, loadMax = 0;
        for (int round = 0; round < o.rounds; round++) {
            List<Stats> order = round % 2 == 0 ? List.of(a, b) : List.of(b, a);
            for (Stats stats : order) {
                double load = CpuMeter.loadAverage();
                loadMin = Math.min(loadMin, load);
                loadMax = Math.max(loadMax, load);
                double rate = closedLoop(stats, o.clients, o.perRound, cpu);
                log("round %2d %-6s %6.1f subm/s  (load %.2f)", round + 1, stats.target.name, rate, load);
            }
        }
        // not drained: working off the rounds' thousands of mail jobs would take minutes and measure nothing new
        long backlog = admin.executableJobs();
        log("jobs after the measured rounds: %d executable (left to the job executor; the bench ends here)", backlog);

        int cases = warmIntake.ok() + warmRaw.ok() + a.ok() + b.ok() + fixed.ok();
        long failedJobs = admin.count("/engine-rest/job/count?withException=true&processDefinitionKey=" + PROCESS_KEY);
        long incidents = admin.count("/engine-rest/incident/count?processDefinitionKey=" + PROCESS_KEY);

        printSummary(o, a, b, fixed, loadMin, loadMax, afterWarmup, afterFixed, backlog,
                cases, failedJobs, incidents, admin.mails());
        System.exit(0);
    }

    // ---------------------------------------------------------------- the two request bodies

    static void checkFieldsMatchForm(Path form) throws IOException {
        var keys = new java.util.TreeSet<String>();
        Matcher m = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(form));
        while (m.find()) {
            keys.add(m.group(1));
        }
        var sent = new java.util.TreeSet<String>();
        for (Object[] field : FIELDS) {
            sent.add((String) field[0]);
        }
        if (!keys.equals(sent)) {
            fail("the fields of %s are %s, but Bench.FIELDS sends %s: update FIELDS so both paths start with the same variables",
                    form, keys, sent);
        }
    }

    /** The form's JSON, as the portal posts it. */
    static String intakeBody() {
        var json = new StringBuilder("{");
        for (Object[] field : FIELDS) {
            json.append(json.length() > 1 ? "," : "").append('"').append(field[0]).append("\":").append(jsonValue(field[1]));
        }
        return json.append('}').toString();
    }

    /** The same values in Camunda's typed REST format, with a business key shaped like the intake's references. */
    static String rawBody() {
        var json = new StringBuilder("{\"variables\":{");
        for (int i = 0; i < FIELDS.length; i++) {
            Object value = FIELDS[i][1];
            json.append(i > 0 ? "," : "").append('"').append(FIELDS[i][0]).append("\":{\"value\":").append(jsonValue(value))
                    .append(",\"type\":\"").append(value instanceof Boolean ? "Boolean" : "String").append("\"}");
        }
        var reference = new StringBuilder("CI-");
        for (int i = 0; i < 8; i++) {
            reference.append(REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)]);
        }
        return json.append("},\"businessKey\":\"").append(reference).append("\"}").toString();
    }

    static String jsonValue(Object value) {
        return value instanceof Boolean ? value.toString() : "\"" + value + "\"";
    }

    static byte[] post(String host, int port, String path, String authorization, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + content.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + content.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return request;
    }

    // ---------------------------------------------------------------- load

    record Target(String name, String host, int port, int expectedStatus, RequestFactory requests) {
    }

    interface RequestFactory {
        byte[] next();
    }

    /** Every request of one path: latencies, errors, time spent, CPU spent. */
    static final class Stats {
        final Target target;
        long[] latencies = new long[1024];
        int count;
        int errors;
        String firstError;
        long wallNanos;
        final List<Double> roundRates = new ArrayList<>();
        long appTicks, postgresTicks, benchTicks, machineTicks, othersTicks;

        Stats(Target target) {
            this.target = target;
        }

        synchronized void record(long nanos, Response response, Exception failure) {
            if (failure != null || response.status != target.expectedStatus) {
                errors++;
                if (firstError == null) {
                    firstError = failure != null ? failure.toString() : response.status + " " + abbreviate(response.body);
                }
                return;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        int ok() {
            return count;
        }

        int requests() {
            return count + errors;
        }

        double rate() {
            return count / (wallNanos / 1e9);
        }

        double percentileMs(double p) {
            if (count == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * count); // nearest rank
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }

        /** Share of the machine's CPU capacity (all cores) used during this path's rounds. */
        double machineShare(long ticks) {
            return ticks / (wallNanos / 1e9 * CpuMeter.TICKS_PER_SECOND * Runtime.getRuntime().availableProcessors());
        }

        double cpuMsPerSubmission(long ticks) {
            return count == 0 ? Double.NaN : ticks * (1000.0 / CpuMeter.TICKS_PER_SECOND) / count;
        }
    }

    /** {@code requests} requests from {@code clients} clients that each send the next as soon as the last is answered. */
    static double closedLoop(Stats stats, int clients, int requests, CpuMeter cpu) throws Exception {
        AtomicInteger remaining = new AtomicInteger(requests);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        int before = stats.ok();
        CpuMeter.Sample cpuBefore = cpu.sample();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                try (Connection connection = new Connection(stats.target)) {
                    while (remaining.getAndDecrement() > 0) {
                        connection.exchange(stats);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long wall = System.nanoTime() - start;
        CpuMeter.Sample cpuAfter = cpu.sample();
        pool.shutdown();
        stats.wallNanos += wall;
        stats.appTicks += cpuAfter.app() - cpuBefore.app();
        stats.postgresTicks += cpuAfter.postgres() - cpuBefore.postgres();
        stats.benchTicks += cpuAfter.bench() - cpuBefore.bench();
        stats.machineTicks += cpuAfter.machine() - cpuBefore.machine();
        stats.othersTicks += cpuAfter.others() - cpuBefore.others();
        double rate = (stats.ok() - before) / (wall / 1e9);
        stats.roundRates.add(rate);
        return rate;
    }

    record FixedRate(Stats stats, int rate, int seconds, double achievedRate, long serviceP99Nanos) {
        int ok() {
            return stats.ok();
        }
    }

    /**
     * Sends {@code rate} requests per second for {@code seconds}, on schedule whatever the answers:
     * a dispatcher hands each due time to a pool of connections, and a request's latency is counted
     * from its due time, so a stall shows as the queue behind it (no coordinated omission).
     */
    static FixedRate fixedRate(Target target, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        int workers = 32;
        long interval = 1_000_000_000L / rate;
        BlockingQueue<Long> due = new ArrayBlockingQueue<>(total + workers);
        Stats stats = new Stats(target);
        Stats service = new Stats(target);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime() + 50_000_000L;
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            done.add(pool.submit(() -> {
                try (Connection connection = new Connection(target)) {
                    for (long dueAt = due.take(); dueAt >= 0; dueAt = due.take()) {
                        long sent = System.nanoTime();
                        Response response = null;
                        Exception failure = null;
                        try {
                            response = connection.send();
                        } catch (IOException e) {
                            failure = e;
                        }
                        long end = System.nanoTime();
                        stats.record(end - dueAt, response, failure);
                        service.record(end - sent, response, failure);
                    }
                }
                return null;
            }));
        }
        for (int i = 0; i < total; i++) {
            long dueAt = start + i * interval;
            for (long wait = dueAt - System.nanoTime(); wait > 0; wait = dueAt - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            due.put(dueAt);
        }
        for (int w = 0; w < workers; w++) {
            due.put(-1L);
        }
        for (Future<?> f : done) {
            f.get();
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        stats.wallNanos = wall;
        return new FixedRate(stats, rate, seconds, stats.ok() / (wall / 1e9), (long) (service.percentileMs(99) * 1e6));
    }

    // ---------------------------------------------------------------- HTTP/1.1 over a socket

    record Response(int status, String body) {
    }

    /** One keep-alive connection; reopened when the server closes it (Tomcat does after 100 requests). */
    static final class Connection implements Closeable {
        private final Target target;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean reused;
        /** Set once a status line arrived: a failure after that is not a stale connection. */
        private boolean answering;

        Connection(Target target) {
            this.target = target;
        }

        void exchange(Stats stats) {
            long start = System.nanoTime();
            try {
                Response response = send();
                stats.record(System.nanoTime() - start, response, null);
            } catch (IOException e) {
                stats.record(System.nanoTime() - start, null, e);
            }
        }

        Response send() throws IOException {
            byte[] request = target.requests().next();
            if (socket == null) {
                open();
            }
            try {
                out.write(request);
                out.flush();
                return read();
            } catch (IOException e) {
                // the server dropped an idle keep-alive connection before answering: send the request again once
                if (!reused || answering) {
                    throw e;
                }
                close();
                open();
                out.write(request);
                out.flush();
                return read();
            }
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.host(), target.port()), 5000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
            reused = false;
        }

        private Response read() throws IOException {
            answering = false;
            String statusLine = line();
            if (statusLine == null) {
                throw new EOFException("connection closed before the response");
            }
            answering = true;
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = -1;
            boolean chunked = false, closeAfter = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closeAfter = true;
                }
            }
            var body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers carry nothing we need
                }
            } else if (length > 0) {
                body.write(in.readNBytes((int) length));
            }
            if (closeAfter) {
                close();
            } else {
                reused = true;
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        /** A header line without its CRLF, or null at the end of the stream. */
        private String line() throws IOException {
            var line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    return line.length() == 0 ? null : line.toString();
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    /** Engine state over /engine-rest: how many jobs are waiting, failed, or became incidents. */
    static final class Admin {
        private final String host;
        private final int port;
        private final String auth;

        private final String mailCountFile;

        Admin(String host, int port, String auth, String mailCountFile) {
            this.host = host;
            this.port = port;
            this.auth = auth;
            this.mailCountFile = mailCountFile;
        }

        Response call(String method, String path, String json) throws IOException {
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            String request = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + auth
                    + "\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n" + new String(body, StandardCharsets.UTF_8);
            Target target = new Target("admin", host, port, 200, () -> request.getBytes(StandardCharsets.UTF_8));
            try (Connection connection = new Connection(target)) {
                return connection.send();
            }
        }

        long count(String pathAndQuery) throws IOException {
            Response response = call("GET", pathAndQuery, null);
            Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(response.body());
            if (response.status() != 200 || !m.find()) {
                throw new IOException("GET " + pathAndQuery + ": " + response.status() + " " + abbreviate(response.body()));
            }
            return Long.parseLong(m.group(1));
        }

        /**
         * Members of conduct-committee with an e-mail address, so that the committee alert really
         * goes out (to each member) as in a real installation, instead of logging "no recipient".
         */
        void ensureCommitteeMembers(int members) throws IOException {
            for (int i = 1; i <= members; i++) {
                String id = "benchcommittee" + i;
                if (count("/engine-rest/user/count?id=" + id) == 0) {
                    String password = Base64.getUrlEncoder().encodeToString(RANDOM.generateSeed(18));
                    expect(call("POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"Committee\","
                            + "\"lastName\":\"Member " + i + "\",\"email\":\"" + id + "@example.org\"},\"credentials\":{\"password\":\""
                            + password + "\"}}"), 204, "create user " + id);
                }
                expect(call("PUT", "/engine-rest/group/conduct-committee/members/" + id, null), 204, "add " + id + " to conduct-committee");
            }
        }

        private static void expect(Response response, int status, String what) throws IOException {
            if (response.status() != status) {
                throw new IOException(what + ": " + response.status() + " " + abbreviate(response.body()));
            }
        }

        long executableJobs() throws IOException {
            return count("/engine-rest/job/count?executable=true&processDefinitionKey=" + PROCESS_KEY);
        }

        /** Mails the SMTP sink has received so far. */
        long mails() throws IOException {
            return mailCountFile == null ? -1 : Long.parseLong(Files.readString(Path.of(mailCountFile)).trim());
        }

        /**
         * Waits until the job executor has worked off the cases' async continuations (acknowledgement
         * and committee mails), so that one phase's backlog does not slow the next; the mails that
         * went out meanwhile give the job executor's pace.
         */
        Drain drainJobs(String when) throws Exception {
            long start = System.nanoTime();
            long mailsBefore = mails();
            long waiting = executableJobs();
            long first = waiting;
            long lastProgress = start, fewest = waiting;
            // give up after the timeout, or sooner when nothing moves (job execution switched off or stuck)
            while (waiting > 0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(DRAIN_TIMEOUT_SECONDS)
                    && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                Thread.sleep(250);
                waiting = executableJobs();
                if (waiting < fewest) {
                    fewest = waiting;
                    lastProgress = System.nanoTime();
                }
            }
            long mailsNow = mails();
            var drain = new Drain(first, (System.nanoTime() - start) / 1e9, mailsNow - mailsBefore, waiting, mailsNow);
            if (waiting > 0) {
                log("jobs %s: %d executable; gave up after %.1f s with %d left (%.0f mails/s)", when, first, drain.seconds(), waiting,
                        drain.mailsPerSecond());
            } else {
                log("jobs %s: %d executable, drained in %.1f s (%.0f mails/s)", when, first, drain.seconds(), drain.mailsPerSecond());
            }
            return drain;
        }
    }

    record Drain(long jobsAtStart, double seconds, long mails, long left, long mailsAtEnd) {
        double mailsPerSecond() {
            return seconds < 1 ? Double.NaN : mails / seconds;
        }
    }

    /**
     * CPU time (clock ticks from /proc) of the server, of PostgreSQL (postmaster and its backends),
     * of this client, of the whole machine, and of every other process on it (the machine's busy
     * time less ours), which tells how much a compile or test run beside the bench took.
     */
    static final class CpuMeter {
        static final int TICKS_PER_SECOND = Integer.getInteger("clk.tck", 100);
        private final long appPid;
        private final long postgresPid;
        private final long sinkPid;

        record Sample(long app, long postgres, long bench, long machine, long others) {
        }

        CpuMeter(long appPid, long postgresPid, long sinkPid) {
            this.appPid = appPid;
            this.postgresPid = postgresPid;
            this.sinkPid = sinkPid;
        }

        Sample sample() {
            long postgres = ticks(postgresPid, true);
            if (postgresPid > 0) {
                try (var procs = Files.list(Path.of("/proc"))) {
                    for (Path proc : (Iterable<Path>) procs::iterator) {
                        String name = proc.getFileName().toString();
                        if (name.chars().allMatch(Character::isDigit) && parentOf(proc) == postgresPid) {
                            postgres += ticks(Long.parseLong(name), false);
                        }
                    }
                } catch (IOException ignored) {
                    // /proc unreadable: report what we have
                }
            }
            long app = ticks(appPid, false);
            long bench = ticks(ProcessHandle.current().pid(), false);
            long machine = machineBusy();
            return new Sample(app, postgres, bench, machine, machine - app - postgres - bench - ticks(sinkPid, false));
        }

        /** Busy ticks of all cores since boot: the first line of /proc/stat less idle and iowait. */
        private static long machineBusy() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += Long.parseLong(f[i]);
                    }
                }
                return busy;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** utime + stime, plus the reaped children's when {@code withChildren}; 0 if the process is gone. */
        private static long ticks(long pid, boolean withChildren) {
            String[] f = statFields(Path.of("/proc/" + pid));
            if (f == null) {
                return 0;
            }
            // fields after "(comm) ": [0]=state [1]=ppid ... [11]=utime [12]=stime [13]=cutime [14]=cstime
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
        }

        private static long parentOf(Path proc) {
            String[] f = statFields(proc);
            return f == null ? -1 : Long.parseLong(f[1]);
        }

        private static String[] statFields(Path proc) {
            try {
                String stat = Files.readString(proc.resolve("stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        static double loadAverage() {
            try {
                return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            } catch (IOException e) {
                return Double.NaN;
            }
        }
    }

    // ---------------------------------------------------------------- summary

    static void printSummary(Options o, Stats a, Stats b, FixedRate fixed, double loadMin, double loadMax,
            Drain afterWarmup, Drain afterFixed, long backlog, int cases, long failedJobs, long incidents, long mails) {
        var s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%n## Side by side: %d clients, closed loop%n%n", o.clients));
        s.append(String.format(Locale.ROOT,
                "%d rounds of %d requests per path, interleaved A B B A …, after a warm-up of %d per path and the fixed-rate run.%n",
                o.rounds, o.perRound, o.warmup));
        long machine = a.machineTicks + b.machineTicks, others = a.othersTicks + b.othersTicks;
        double capacity = (a.wallNanos + b.wallNanos) / 1e9 * CpuMeter.TICKS_PER_SECOND * Runtime.getRuntime().availableProcessors();
        s.append(String.format(Locale.ROOT, "During the rounds the %d cores were %.0f %% busy; processes other than the server, PostgreSQL, "
                        + "the SMTP sink and the load generator took %.0f %% of them. Load average (1 min, counts the bench's own threads too) "
                        + "%.2f–%.2f at the rounds' starts.%n%n",
                Runtime.getRuntime().availableProcessors(), 100 * machine / capacity, 100 * others / capacity, loadMin, loadMax));
        s.append("| path | requests | errors | subm/s | p50 ms | p99 ms | subm/s per round (min–max) | CPU ms/subm: server | PostgreSQL | client | others' CPU |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Stats stats : List.of(a, b)) {
            double min = stats.roundRates.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double max = stats.roundRates.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            s.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f–%.1f | %.2f | %.2f | %.2f | %.0f %% |%n",
                    stats.target.name.equals("intake") ? "A intake `POST " + INTAKE_PATH + "`" : "B raw `POST " + RAW_PATH + "`",
                    stats.requests(), stats.errors, stats.rate(), stats.percentileMs(50), stats.percentileMs(99), min, max,
                    stats.cpuMsPerSubmission(stats.appTicks), stats.cpuMsPerSubmission(stats.postgresTicks),
                    stats.cpuMsPerSubmission(stats.benchTicks), 100 * stats.machineShare(stats.othersTicks)));
        }
        s.append("\nCPU per submission counts all the server's threads, the job executor's (mails, triage, …) included; "
                + "others' CPU is the share of the machine that other processes took during the path's rounds.\n");

        Stats f = fixed.stats();
        double p99 = f.percentileMs(99);
        s.append(String.format(Locale.ROOT, "%n## Fixed rate, intake, open loop%n%n"));
        s.append(String.format(Locale.ROOT, "%d subm/s for %d s → %d sent, %d errors, %.1f subm/s achieved. Latency from each request's due time: "
                        + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (service time p99 %.1f ms). Goal p99 ≤ 150 ms: %s.%n",
                fixed.rate(), fixed.seconds(), f.requests(), f.errors, fixed.achievedRate(), f.percentileMs(50), f.percentileMs(90), p99,
                f.percentileMs(100), fixed.serviceP99Nanos() / 1e6, p99 <= 150 ? "met" : "NOT met"));
        s.append(String.format(Locale.ROOT, "Jobs waiting when it ended: %d, %s. The cores were %.0f %% busy, %.0f %% of them taken by other processes.%n",
                afterFixed.jobsAtStart(), afterFixed.left() > 0
                        ? String.format(Locale.ROOT, "%d still waiting %.0f s later", afterFixed.left(), afterFixed.seconds())
                        : String.format(Locale.ROOT, "worked off in %.1f s more", afterFixed.seconds()),
                100 * f.machineShare(f.machineTicks), 100 * f.machineShare(f.othersTicks)));

        s.append(String.format(Locale.ROOT, "%n## Start-up, memory, jobs%n%n"));
        if (o.startupFreshMs > 0 || o.startupMs > 0) {
            s.append(String.format(Locale.ROOT,
                    "- start-up until /actuator/health/readiness is UP: %.1f s on an empty database (creates the schema), "
                            + "%.1f s on the existing one, while other processes took %d %% of the CPU (goal ≤ 10 s: %s)%n",
                    o.startupFreshMs / 1000.0, o.startupMs / 1000.0, o.startupOthersPct,
                    o.startupMs <= 10_000 ? "met on restart" : "NOT met"));
        }
        if (o.idleRssKb > 0) {
            s.append(String.format(Locale.ROOT, "- idle RSS of the java process, %d s after readiness, before any load: %.0f MB (goal ≤ 600 MB: %s); "
                            + "after the load: %.0f MB%n",
                    o.idleSeconds, o.idleRssKb / 1024.0, o.idleRssKb / 1024.0 <= 600 ? "met" : "NOT met", rssKb(o.appPid) / 1024.0));
        }
        s.append(String.format(Locale.ROOT, "- job executor pace while working off the warm-up: %.0f mails/s (%d jobs in %.1f s); "
                        + "%.1f mails per case so far, with %d committee members%n",
                afterWarmup.mailsPerSecond(), afterWarmup.jobsAtStart(), afterWarmup.seconds(),
                (double) afterWarmup.mailsAtEnd() / (2L * (o.warmup / 4) * 4), o.committeeMembers));
        s.append(String.format(Locale.ROOT, "- %d cases started; %d mails received by the SMTP sink; %d jobs still waiting at the end; "
                        + "failed jobs %d, incidents %d%n",
                cases, mails, backlog, failedJobs, incidents));

        double ratio = a.rate() / b.rate();
        s.append(String.format(Locale.ROOT, "%nThroughput ratio intake/raw %.2f (goal ≥ 1.00, aim 1.50): %s.%n%n",
                ratio, ratio >= 1.5 ? "aim met" : ratio >= 1.0 ? "goal met, aim not" : "NOT met"));
        s.append(String.format(Locale.ROOT, "ratio intake/raw = %.2f%n", ratio));
        System.out.print(s);
        System.out.flush();
    }

    // ---------------------------------------------------------------- plumbing

    static final class Options {
        String base = "http://127.0.0.1:8080";
        String user = "benchadmin";
        String passwordEnv = "BENCH_ADMIN_PASSWORD";
        int clients = 8, rounds = 10, perRound = 250, warmup = 400, rate = 50, rateSeconds = 20;
        /** Members of conduct-committee with an e-mail address: the committee's mails go to each. */
        int committeeMembers = 3;
        long appPid, postgresPid, sinkPid, startupOthersPct, startupFreshMs, startupMs, idleRssKb, idleSeconds;
        String mailCountFile;
        String formFile;

        static Options parse(String[] args) {
            Map<String, String> map = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    fail("unexpected argument %s", args[i]);
                }
                map.put(args[i].substring(2), args[i + 1]);
            }
            Options o = new Options();
            o.base = map.getOrDefault("base", o.base);
            o.user = map.getOrDefault("user", o.user);
            o.passwordEnv = map.getOrDefault("password-env", o.passwordEnv);
            o.clients = Integer.parseInt(map.getOrDefault("clients", "" + o.clients));
            o.rounds = Integer.parseInt(map.getOrDefault("rounds", "" + o.rounds));
            o.perRound = Integer.parseInt(map.getOrDefault("per-round", "" + o.perRound));
            o.warmup = Integer.parseInt(map.getOrDefault("warmup", "" + o.warmup));
            o.rate = Integer.parseInt(map.getOrDefault("rate", "" + o.rate));
            o.rateSeconds = Integer.parseInt(map.getOrDefault("rate-seconds", "" + o.rateSeconds));
            o.committeeMembers = Integer.parseInt(map.getOrDefault("committee-members", "" + o.committeeMembers));
            o.appPid = Long.parseLong(map.getOrDefault("app-pid", "0"));
            o.postgresPid = Long.parseLong(map.getOrDefault("postgres-pid", "0"));
            o.sinkPid = Long.parseLong(map.getOrDefault("sink-pid", "0"));
            o.startupFreshMs = Long.parseLong(map.getOrDefault("startup-fresh-ms", "0"));
            o.startupMs = Long.parseLong(map.getOrDefault("startup-ms", "0"));
            o.startupOthersPct = Long.parseLong(map.getOrDefault("startup-others-pct", "0"));
            o.idleRssKb = Long.parseLong(map.getOrDefault("idle-rss-kb", "0"));
            o.idleSeconds = Long.parseLong(map.getOrDefault("idle-seconds", "0"));
            o.mailCountFile = map.get("mail-count-file");
            o.formFile = map.get("form-file");
            if (System.getenv(o.passwordEnv) == null) {
                fail("the admin password is expected in the environment variable %s", o.passwordEnv);
            }
            return o;
        }
    }

    /** The resident set of a process, in kB, from /proc; 0 if unknown. */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or unreadable
        }
        return 0;
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }

    static void log(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
    }

    static void fail(String format, Object... args) {
        System.err.println("[bench] FAILED: " + String.format(Locale.ROOT, format, args));
        System.exit(1);
    }
}
