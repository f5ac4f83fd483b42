package org.cultivate.identity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keycloak profile's token checks, one at a time, with tokens this test signs: the server
 * trusts the key of a tiny JWK set served here in Keycloak's place. A well-formed token passes
 * (the control); an expired one, one of another issuer, one for another audience, one changed
 * after signing, one without a signature and one signed by an unknown key get 401 at both kinds
 * of doors. Each forgery differs from the control in that one respect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cultivate-forged-tokens;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "MAIL_HOST=127.0.0.1",
        "cultivate.keycloak.client-secret=" + KeycloakSettings.DEMO_CLIENT_SECRET,
        "cultivate.keycloak.allow-demo-realm=true"})
@ActiveProfiles("keycloak")
class ForgedTokensTest {

    private static final List<String> DOORS = List.of("/engine-rest/task", "/api/conduct/bans");
    private static final RSAKey TRUSTED = newKey();
    private static final RSAKey UNKNOWN = newKey();
    private static final HttpServer KEYCLOAK = serveKeys(new JWKSet(TRUSTED.toPublicJWK()));
    private static final String ISSUER = keycloakUrl() + "/realms/cultivate";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("cultivate.keycloak.url", ForgedTokensTest::keycloakUrl);
    }

    @AfterAll
    static void stopKeycloak() {
        KEYCLOAK.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/api/conduct/bans"})
    void aWellFormedTokenPasses(String door) throws Exception {
        assertThat(status(door, signed(TRUSTED, claims(UnaryOperator.identity())))).isEqualTo(200);
    }

    @TestFactory
    Stream<DynamicTest> everyForgeryIsRefused() {
        Instant now = Instant.now();
        Map<String, String> forgeries = new LinkedHashMap<>();
        // beyond the minute of clock skew the server allows
        forgeries.put("expired", signed(TRUSTED, claims(token -> token
                .issueTime(Date.from(now.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))))));
        forgeries.put("another issuer", signed(TRUSTED, claims(token -> token.issuer(keycloakUrl() + "/realms/master"))));
        forgeries.put("another audience", signed(TRUSTED, claims(token -> token.audience("account"))));
        forgeries.put("changed after signing", changedAfterSigning(signed(TRUSTED, claims(token -> token.claim("groups",
                List.of("grants-committee"))))));
        forgeries.put("alg none", new PlainJWT(claims(UnaryOperator.identity())).serialize());
        forgeries.put("an unknown key under the trusted key's id", signed(UNKNOWN, claims(UnaryOperator.identity())));
        return forgeries.entrySet().stream().flatMap(forgery -> DOORS.stream().map(door -> DynamicTest.dynamicTest(
                forgery.getKey() + " at " + door, () -> assertThat(status(door, forgery.getValue())).isEqualTo(401))));
    }

    /** alice of the conduct committee, as Keycloak's tokens name her, valid for five minutes; then the change. */
    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("cultivate")
                .subject("a1b2c3")
                .claim(KeycloakSignIn.USER_NAME_CLAIM, "alice")
                .claim(KeycloakSignIn.GROUPS_CLAIM, List.of(Groups.CONDUCT_COMMITTEE))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))).build();
    }

    /** A grants committee member's token whose groups now say conduct committee; the signature is the original's. */
    private static String changedAfterSigning(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("grants-committee", Groups.CONDUCT_COMMITTEE);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TRUSTED.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private int status(String door, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + door))
                .header("Authorization", "Bearer " + token).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String keycloakUrl() {
        return "http://localhost:" + KEYCLOAK.getAddress().getPort();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("cultivate-test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keycloak's key endpoint for the realm, and nothing else. */
    private static HttpServer serveKeys(JWKSet keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/realms/cultivate/protocol/openid-connect/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
