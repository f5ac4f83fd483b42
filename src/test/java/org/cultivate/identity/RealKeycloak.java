package org.cultivate.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * One real Keycloak for the whole test JVM: the distribution Maven unpacked into target/keycloak
 * (pom.xml), started on free ports with the repository's realm file, its log in
 * target/keycloak.log, stopped when the JVM ends. The realm file is imported unchanged except
 * for the server's address: Keycloak matches redirect URIs exactly, so the server under test
 * listens on a port chosen here ({@link #appPort()}) and the realm's {@code localhost:8080}
 * becomes that port.
 */
final class RealKeycloak {

    static final String REALM = "cultivate";
    static final String CLI_CLIENT = "cultivate-cli";

    private static final Logger log = LoggerFactory.getLogger(RealKeycloak.class);
    private static final Path REALM_FILE = Path.of("keycloak", "cultivate-realm.json");
    private static final Path LOG = Path.of("target", "keycloak.log");
    private static final String SHIPPED_ADDRESS = "http://localhost:8080";
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RealKeycloak running;

    private final Process process;
    private final int port;
    private final int appPort;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {
    }

    private RealKeycloak(Process process, int port, int appPort) {
        this.process = process;
        this.port = port;
        this.appPort = appPort;
    }

    /** The running Keycloak, started on first use. */
    static synchronized RealKeycloak get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "stop-keycloak"));
        }
        return running;
    }

    /** Where Keycloak listens, as this server and browsers reach it. */
    String url() {
        return "http://localhost:" + port;
    }

    /** The port the server under test must listen on: the one the imported realm accepts redirects to. */
    int appPort() {
        return appPort;
    }

    /** A user's access token from the realm's {@code cultivate-cli} client (password grant), reused while fresh. */
    String token(String user) {
        return token(CLI_CLIENT, user);
    }

    /** A user's access token from any public client of the realm that allows the password grant. */
    String token(String clientId, String user) {
        Token token = tokens.compute(clientId + "/" + user, (key, cached) ->
                cached != null && cached.expires().isAfter(Instant.now().plusSeconds(30)) ? cached : passwordGrant(url(), clientId, user));
        return token.value();
    }

    /** A fresh token asked for at another address of this Keycloak, whose issuer then names that address. */
    String tokenIssuedAt(String keycloakUrl, String user) {
        return passwordGrant(keycloakUrl, CLI_CLIENT, user).value();
    }

    private Token passwordGrant(String keycloakUrl, String clientId, String user) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", user, "password", user)
                .entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + " (" + clientId + "): " + response.body());
            }
            JsonNode answer = JSON.readTree(response.body());
            return new Token(answer.path("access_token").asText(), Instant.now().plusSeconds(answer.path("expires_in").asLong()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RealKeycloak start() {
        Path home = Path.of(System.getProperty("cultivate.test.keycloak-home", "target/keycloak/keycloak-26.4.7"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home.toAbsolutePath() + ": run the build (./mvnw test-compile) to unpack it");
        }
        int port = freePort();
        int managementPort = freePort();
        int appPort = freePort();
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            String realm = Files.readString(REALM_FILE).replace(SHIPPED_ADDRESS, "http://localhost:" + appPort);
            Files.writeString(imports.resolve(REALM_FILE.getFileName()), realm);
            Files.createDirectories(LOG.getParent());
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toAbsolutePath().toString(), "start-dev",
                    "--import-realm", "--db=dev-mem", "--http-port=" + port, "--http-management-port=" + managementPort,
                    "--health-enabled=true", "--log-level=info")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(LOG.toFile());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
            Instant began = Instant.now();
            Process process = builder.start();
            RealKeycloak keycloak = new RealKeycloak(process, port, appPort);
            try {
                keycloak.awaitReady(managementPort);
            } catch (RuntimeException e) {
                keycloak.stop();
                throw new IllegalStateException("Keycloak did not become ready, see " + LOG.toAbsolutePath(), e);
            }
            log.info("Keycloak ready at {} after {} s (log: {})", keycloak.url(),
                    Duration.between(began, Instant.now()).toSeconds(), LOG.toAbsolutePath());
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(int managementPort) {
        URI ready = URI.create("http://localhost:" + managementPort + "/health/ready");
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue());
            }
            return http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }

    /** Ends Keycloak's JVM (kc.sh hands over to it) and anything it started, and waits for them. */
    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Points a keycloak-profile Spring context at the running Keycloak, on the port its realm
     * accepts (use with {@code webEnvironment = DEFINED_PORT}). The same initializer class keeps
     * one cached context for every test class that uses it.
     */
    static final class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        /** Outside the default profile the server needs a mail server: a local one that accepts everything. */
        private static final int SMTP_PORT = startSmtp();

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            RealKeycloak keycloak = get();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("real-keycloak", Map.of(
                    "server.port", keycloak.appPort(),
                    "MAIL_HOST", "127.0.0.1",
                    "MAIL_PORT", SMTP_PORT,
                    "cultivate.keycloak.url", keycloak.url(),
                    "cultivate.keycloak.client-secret", KeycloakSettings.DEMO_CLIENT_SECRET,
                    "cultivate.keycloak.allow-demo-realm", true)));
        }

        private static int startSmtp() {
            GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "stop-smtp"));
            return smtp.getSmtp().getPort();
        }
    }
}
