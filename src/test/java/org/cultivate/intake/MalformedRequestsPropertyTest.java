package org.cultivate.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.camunda.bpm.engine.HistoryService;
import org.cultivate.intake.RawHttp.Answer;
import org.cultivate.system.DefaultProfileTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated malformed requests against the public API of a running server: bad values in a
 * submission, bodies that are not JSON, too deep or not UTF-8, wrong content types and methods,
 * path tricks in form ids and tracking codes, Accept headers a receipt cannot meet. Every answer is
 * a 4xx {@code application/problem+json}, no case starts and no tracking row is stored.
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

    @BeforeContainer
    static void startTheServer() throws Exception {
        SPRING.beforeTestClass();
        ApplicationContext context = SPRING.getTestContext().getApplicationContext();
        http = new RawHttp(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        history = context.getBean(HistoryService.class);
        jdbc = context.getBean(JdbcTemplate.class);
        started = Instant.now();
    }

    @AfterContainer
    static void leaveTheServer() throws Exception {
        SPRING.afterTestClass();
    }

    @Property(tries = 300, seed = "20261202")
    void everyMalformedRequestIsRefusedWithAProblemAndChangesNothing(@ForAll("malformedRequests") Request request) {
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

    @Provide
    Arbitrary<Request> malformedRequests() {
        return Arbitraries.oneOf(badValues(), badBodies(), wrongContentTypes(), wrongMethods(), pathTricks(), unacceptable());
    }

    /** A good report with one field's value replaced by one that the field must refuse. */
    private Arbitrary<Request> badValues() {
        FormSchema form = MalformedValues.realForms().stream().filter(schema -> schema.id().equals(FORM_ID)).findFirst().orElseThrow();
        return Arbitraries.of(List.copyOf(form.fields().values())).flatMap(field -> MalformedValues.forField(field).map(value -> {
            ObjectNode report = goodReport();
            report.set(field.key(), value);
            return new Request("bad value for " + field.key(), "POST", SUBMISSIONS, AS_JSON, bytes(report));
        }));
    }

    private Arbitrary<Request> badBodies() {
        // a continuation byte first: no byte after it can make the sequence valid UTF-8
        Arbitrary<byte[]> invalidUtf8 = Combinators.combine(Arbitraries.bytes().between((byte) 0x80, (byte) 0xbf),
                        Arbitraries.bytes().between((byte) 0x80, (byte) 0xff).array(byte[].class).ofMaxSize(8))
                .as((first, rest) -> concat("{\"description\": \"Someone shouted ".getBytes(StandardCharsets.UTF_8), new byte[] {first}, rest,
                        " at me.\"}".getBytes(StandardCharsets.UTF_8)));
        // well-formed, closed, under the size limit: deeper than Jackson's nesting limit and nothing else wrong
        Arbitrary<byte[]> tooDeep = Combinators.combine(Arbitraries.integers().between(1_001, 6_000), Arbitraries.of("[]", "{\"a\":}"))
                .as((depth, pair) -> {
                    String open = pair.substring(0, pair.length() - 1);
                    String close = pair.substring(pair.length() - 1);
                    return ("{\"description\": " + open.repeat(depth) + close.repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
                });
        Arbitrary<byte[]> tooLarge = Arbitraries.integers().between(64 * 1024, 200 * 1024)
                .map(size -> ("{\"description\": \"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> notAnObject = Arbitraries.of("", " ", "[]", "[1, 2]", "\"text\"", "42", "null", "true", "{", "{\"description\":}",
                "{\"description\": \"a\"} trailing", "{'description': 'single quotes'}", "\u0000").map(text -> text.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(invalidUtf8, tooDeep, tooLarge, notAnObject)
                .map(body -> new Request("bad body", "POST", SUBMISSIONS, AS_JSON, body));
    }

    /** A good report, sent as something else than JSON. */
    private Arbitrary<Request> wrongContentTypes() {
        return Arbitraries.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
                        "application/xml", "application/octet-stream", ";;;", "application/json; charset=nope", "json", "")
                .map(type -> new Request("content type '" + type + "'", "POST", SUBMISSIONS,
                        type.isEmpty() ? Map.of() : Map.of("Content-Type", type), bytes(goodReport())));
    }

    private Arbitrary<Request> wrongMethods() {
        return Combinators.combine(Arbitraries.of("PUT", "PATCH", "DELETE", "POST"), Arbitraries.of(SUBMISSIONS, "/api/forms", "/api/forms/" + FORM_ID))
                .filter((method, path) -> !(method.equals("POST") && path.equals(SUBMISSIONS)))
                .as((method, path) -> new Request("method " + method, method, path, AS_JSON, bytes(goodReport())));
    }

    /** Tricks in the form id or tracking code: traversal, encoded separators and controls, odd bytes, great lengths. */
    private Arbitrary<Request> pathTricks() {
        Arbitrary<String> tricks = Arbitraries.oneOf(
                Arbitraries.of("..", "%2e%2e", "%2E%2E", "..;", "..%2F..", "%2F", "%5C..%5C", "..\\..", "%00", "%0d%0aSet-Cookie:%20a=b",
                        ".", "%2e", "a;b=c", "%25", "%", "%zz", "%ff%fe", "%c0%ae%c0%ae", "{x}", "a|b", "é", "%C3%A9", "../../engine-rest/task",
                        "..%252F..", "%u002e%u002e", "incident-report/../../engine-rest/task", "" ),
                Arbitraries.strings().withChars('A', '.', '/', '%', ';', '\\').ofMinLength(1).ofMaxLength(30),
                Arbitraries.integers().between(100, 20_000).map("A"::repeat));
        return Combinators.combine(tricks, Arbitraries.of("form", "track", "reply")).as((trick, door) -> switch (door) {
            case "form" -> new Request("form id '" + trick + "'", "POST", "/api/forms/" + trick + "/submissions", AS_JSON, bytes(goodReport()));
            case "track" -> new Request("tracking code '" + trick + "'", "GET", "/api/tracking/" + trick, Map.of(), null);
            default -> new Request("reply to '" + trick + "'", "POST", "/api/tracking/" + trick + "/replies", AS_JSON,
                    "{\"text\": \"Hello\"}".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A good report that asks for an answer in a type a receipt does not come in, or in a header that does not parse. */
    private Arbitrary<Request> unacceptable() {
        return Arbitraries.of("image/png", "text/html", "application/xml", ";;;", "x", "text/*").map(accept -> {
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
