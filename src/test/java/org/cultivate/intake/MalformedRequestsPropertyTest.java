package org.cultivate.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.cultivate.intake.RawHttp.Answer;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cultivate.intake.MalformedValues.pick;
import static org.quicktheories.QuickTheory.qt;

/**
 * Generated malformed requests against the public API of a running server: bad values in a
 * submission, bodies that are not JSON, too deep or not UTF-8, wrong content types and methods,
 * path tricks in form ids and tracking codes, Accept headers a receipt cannot meet. Every answer is
 * a 4xx {@code application/problem+json}, no case starts and no tracking row is stored. The
 * requests come from QuickTheories under a fixed seed.
 */
class MalformedRequestsPropertyTest {

    /** The server of the {@code @DefaultProfileTest} classes, shared with them through Spring's context cache. */
    @DefaultProfileTest
    static final class Server {
    }

    private static final TestContextManager SPRING = new TestContextManager(Server.class);
    // escaped, a lone surrogate goes out as the six characters of its escape instead of failing to encode
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String FORM_ID = "incident-report";
    private static final String SUBMISSIONS = "/api/forms/" + FORM_ID + "/submissions";
    private static final Map<String, String> AS_JSON = Map.of("Content-Type", "application/json");

    private static RawHttp http;
    private static HistoryService history;
    private static JdbcTemplate jdbc;
    private static Instant started;

    /** What a request sends; {@code label} says in a failure which kind of bad it is. */
    record Request(String label, String method, String target, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            return label + ": " + method + " " + abbreviate(target) + " " + headers.keySet() + " "
                    + (body == null ? "" : abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
    }

    @BeforeAll
    static void startTheServer() throws Exception {
        SPRING.beforeTestClass();
        ApplicationContext context = SPRING.getTestContext().getApplicationContext();
        http = new RawHttp(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        history = context.getBean(HistoryService.class);
        jdbc = context.getBean(JdbcTemplate.class);
        started = Instant.now();
    }

    @AfterAll
    static void leaveTheServer() throws Exception {
        SPRING.afterTestClass();
    }

    @Test
    void everyMalformedRequestIsRefusedWithAProblemAndChangesNothing() {
        qt().withFixedSeed(20261202L).withExamples(300).forAll(malformedRequests())
                .checkAssert(MalformedRequestsPropertyTest::isRefusedWithAProblemAndChangesNothing);
    }

    private static void isRefusedWithAProblemAndChangesNothing(Request request) {
        long casesBefore = cases();

        Answer answer = http.send(request.method(), request.target(), request.headers(), request.body());

        assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json(answer);
        assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(answer.text()).doesNotContain("Exception", "\tat ", "timestamp");
        assertThat(cases()).as("cases started").isEqualTo(casesBefore);
        assertThat(trackingRowsWithoutACase()).as("tracking rows stored without a case").isZero();
    }

    private static Gen<Request> malformedRequests() {
        return MalformedValues.oneOf(List.of(badValues(), badBodies(), wrongContentTypes(), wrongMethods(), pathTricks(), unacceptable()));
    }

    /** A good report with one field's value replaced by one that the field must refuse. */
    private static Gen<Request> badValues() {
        FormSchema form = MalformedValues.realForms().stream().filter(schema -> schema.id().equals(FORM_ID)).findFirst().orElseThrow();
        return Generate.pick(List.copyOf(form.fields().values())).flatMap(field -> MalformedValues.forField(field).map(value -> {
            ObjectNode report = goodReport();
            report.set(field.key(), value);
            return new Request("bad value for " + field.key(), "POST", SUBMISSIONS, AS_JSON, bytes(report));
        }));
    }

    private static Gen<Request> badBodies() {
        // a continuation byte first: no byte after it can make the sequence valid UTF-8
        Gen<byte[]> invalidUtf8 = Generate.bytes((byte) 0x80, (byte) 0xbf, (byte) 0x80)
                .zip(Generate.byteArrays(Generate.range(0, 8), Generate.bytes((byte) 0x80, (byte) 0xff, (byte) 0x80)),
                        (first, rest) -> concat("{\"description\": \"Someone shouted ".getBytes(StandardCharsets.UTF_8), new byte[] {first}, rest,
                                " at me.\"}".getBytes(StandardCharsets.UTF_8)));
        // well-formed, closed, under the size limit: deeper than Jackson's nesting limit and nothing else wrong
        Gen<byte[]> tooDeep = Generate.range(1_001, 6_000, 1_001).zip(pick("[]", "{\"a\":}"), (depth, pair) -> {
            String open = pair.substring(0, pair.length() - 1);
            String close = pair.substring(pair.length() - 1);
            return ("{\"description\": " + open.repeat(depth) + close.repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
        });
        Gen<byte[]> tooLarge = Generate.range(64 * 1024, 200 * 1024, 64 * 1024)
                .map(size -> ("{\"description\": \"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8));
        Gen<byte[]> notAnObject = pick("", " ", "[]", "[1, 2]", "\"text\"", "42", "null", "true", "{", "{\"description\":}",
                "{\"description\": \"a\"} trailing", "{'description': 'single quotes'}", "\u0000").map(text -> text.getBytes(StandardCharsets.UTF_8));
        return MalformedValues.oneOf(List.of(invalidUtf8, tooDeep, tooLarge, notAnObject))
                .map(body -> new Request("bad body", "POST", SUBMISSIONS, AS_JSON, body));
    }

    /** A good report, sent as something else than JSON. */
    private static Gen<Request> wrongContentTypes() {
        return pick("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
                        "application/xml", "application/octet-stream", ";;;", "application/json; charset=nope", "json", "")
                .map(type -> new Request("content type '" + type + "'", "POST", SUBMISSIONS,
                        type.isEmpty() ? Map.of() : Map.of("Content-Type", type), bytes(goodReport())));
    }

    /** Each method on each path, less the one pair that is right. */
    private static Gen<Request> wrongMethods() {
        List<Request> requests = new ArrayList<>();
        for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
            for (String path : List.of(SUBMISSIONS, "/api/forms", "/api/forms/" + FORM_ID)) {
                if (!(method.equals("POST") && path.equals(SUBMISSIONS))) {
                    requests.add(new Request("method " + method, method, path, AS_JSON, bytes(goodReport())));
                }
            }
        }
        return Generate.pick(requests);
    }

    /** Tricks in the form id or tracking code: traversal, encoded separators and controls, odd bytes, great lengths. */
    private static Gen<Request> pathTricks() {
        Gen<String> tricks = MalformedValues.oneOf(List.of(
                pick("..", "%2e%2e", "%2E%2E", "..;", "..%2F..", "%2F", "%5C..%5C", "..\\..", "%00", "%0d%0aSet-Cookie:%20a=b",
                        ".", "%2e", "a;b=c", "%25", "%", "%zz", "%ff%fe", "%c0%ae%c0%ae", "{x}", "a|b", "é", "%C3%A9", "../../engine-rest/task",
                        "..%252F..", "%u002e%u002e", "incident-report/../../engine-rest/task", ""),
                MalformedValues.text(pick('A', '.', '/', '%', ';', '\\'), 1, 30),
                Generate.range(100, 20_000, 100).map("A"::repeat)));
        return tricks.zip(pick("form", "track", "reply"), (trick, door) -> switch (door) {
            case "form" -> new Request("form id '" + trick + "'", "POST", "/api/forms/" + trick + "/submissions", AS_JSON, bytes(goodReport()));
            case "track" -> new Request("tracking code '" + trick + "'", "GET", "/api/tracking/" + trick, Map.of(), null);
            default -> new Request("reply to '" + trick + "'", "POST", "/api/tracking/" + trick + "/replies", AS_JSON,
                    "{\"text\": \"Hello\"}".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A good report that asks for an answer in a type a receipt does not come in, or in a header that does not parse. */
    private static Gen<Request> unacceptable() {
        return pick("image/png", "text/html", "application/xml", ";;;", "x", "text/*").map(accept -> {
            var headers = new LinkedHashMap<>(AS_JSON);
            headers.put("Accept", accept);
            return new Request("accept '" + accept + "'", "POST", SUBMISSIONS, headers, bytes(goodReport()));
        });
    }

    private static ObjectNode goodReport() {
        try {
            return (ObjectNode) JSON.readTree(MalformedRequestsTest.GOOD_REPORT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long cases() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("conduct-incident").count();
    }

    /** Rows that an intake would store with its case; a late tracking page of an older case has its case. */
    private static long trackingRowsWithoutACase() {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM cultivate_case_tracking t WHERE t.created_at >= ?
                AND NOT EXISTS (SELECT 1 FROM act_hi_procinst p WHERE p.business_key_ = t.reference)""",
                Long.class, Timestamp.from(started));
    }

    private static JsonNode json(Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer.text(), e);
        }
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        var all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
