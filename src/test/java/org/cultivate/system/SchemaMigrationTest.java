package org.cultivate.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.cultivate.CultivateApplication;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Liquibase owns the schema, the engine's and Cultivate's: servers that start together on an empty
 * database create it once, and a database of the first release keeps every row when the latest
 * server upgrades it.
 */
class SchemaMigrationTest {

    /** How the first release set up its database: the engine's own schema update and Cultivate's SQL script. */
    private static final String[] FIRST_RELEASE = {
            "--spring.liquibase.enabled=false",
            "--camunda.bpm.database.schema-update=true",
            "--spring.sql.init.mode=always",
            "--spring.sql.init.schema-locations=classpath:db/changelog/cultivate-1-baseline.sql",
            // the first release had no leaders' register to seed
            "--cultivate.onboarding.demo-leaders=false"};

    /** Starts a whole server on one database; {@code arguments} override application.yml. */
    interface Installation {
        ConfigurableApplicationContext start(String... arguments);
    }

    @Test
    void twoServersStartedAtOnceOnAnEmptyDatabaseBothComeUpWithOneSchemaAndOneDeployment() throws Exception {
        Map<String, Object> environment = TestPostgres.profileEnvironment("migration_race", 25);
        // each server in a JVM of its own, as in production: Liquibase keeps JVM-wide state (its lock
        // services), so two servers in one JVM can release each other's lock and wait for it forever
        List<ServerProcess> servers = List.of(ServerProcess.start(environment, "one"), ServerProcess.start(environment, "other"));
        try {
            for (ServerProcess server : servers) {
                server.awaitReady(Duration.ofMinutes(5));
            }
            JdbcTemplate database = new JdbcTemplate(new DriverManagerDataSource((String) environment.get("POSTGRES_URL"),
                    (String) environment.get("POSTGRES_USER"), (String) environment.get("POSTGRES_PASSWORD")));
            assertThat(database.queryForList("SELECT ID FROM DATABASECHANGELOG", String.class))
                    .contains(LiquibaseStartup.CAMUNDA_BASELINE, "7.24.0-tag", "1-baseline").doesNotHaveDuplicates();
            assertThat(database.queryForList("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG", String.class))
                    .contains("7.16.0", "7.24.0").doesNotHaveDuplicates();
            assertThat(database.queryForList("SELECT KEY_ FROM ACT_RE_PROCDEF", String.class))
                    .contains("conduct-incident").doesNotHaveDuplicates();
            assertThat(database.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Long.class)).isOne();
            assertThat(servers.get(0).deploymentIds()).isEqualTo(servers.get(1).deploymentIds()).hasSize(1);
        } finally {
            servers.forEach(ServerProcess::stop);
        }
    }

    /** A server started from the test classpath in a JVM of its own, on a free port; its log is under target/. */
    private record ServerProcess(Process process, int port, String adminUser, String adminPassword) {

        static ServerProcess start(Map<String, Object> environment, String name) throws IOException {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CultivateApplication.class.getName(),
                    "--spring.profiles.active=postgres", "--server.port=" + port, "--camunda.bpm.job-execution.enabled=false");
            environment.forEach((key, value) -> command.environment().put(key, String.valueOf(value)));
            command.redirectErrorStream(true).redirectOutput(Path.of("target", "two-servers-" + name + ".log").toFile());
            return new ServerProcess(command.start(), port, (String) environment.get("CULTIVATE_ADMIN_USER"),
                    (String) environment.get("CULTIVATE_ADMIN_PASSWORD"));
        }

        void awaitReady(Duration atMost) {
            RestClient client = RestClient.create("http://127.0.0.1:" + port);
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                assertThat(process.isAlive()).as("the server on port %d runs (its log: target/two-servers-*.log)", port).isTrue();
                return "UP".equals(client.get().uri("/actuator/health/readiness").retrieve().body(JsonNode.class).path("status").asText());
            });
        }

        List<String> deploymentIds() {
            return RestClient.create("http://127.0.0.1:" + port).get().uri("/engine-rest/deployment")
                    .headers(headers -> headers.setBasicAuth(adminUser, adminPassword))
                    .retrieve().body(JsonNode.class).findValuesAsText("id");
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("installations")
    void aDatabaseOfTheFirstReleaseMigratesToTheLatestAndKeepsEveryRow(Installation installation) {
        String trackingCode;
        String reference;
        Map<String, Long> before;
        try (ConfigurableApplicationContext first = installation.start(FIRST_RELEASE)) {
            JsonNode receipt = client(first).post().uri("/api/forms/incident-report/submissions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"description\": \"Someone shouted at me during the meetup.\"}")
                    .retrieve().body(JsonNode.class);
            trackingCode = receipt.path("trackingCode").asText();
            reference = receipt.path("reference").asText();
            before = rowsPerTable(first);
        }
        assertThat(before.keySet()).anyMatch(table -> table.equalsIgnoreCase("ACT_RU_EXECUTION"))
                .noneMatch(table -> table.equalsIgnoreCase("DATABASECHANGELOG"));

        try (ConfigurableApplicationContext latest = installation.start()) {
            Map<String, Long> after = rowsPerTable(latest);
            // the first server wrote its metrics as it stopped: rows may have come, none may have gone
            before.forEach((table, rows) -> assertThat(after.get(table)).as(table).isGreaterThanOrEqualTo(rows));
            JdbcTemplate database = new JdbcTemplate(latest.getBean(DataSource.class));
            assertThat(database.queryForList("SELECT ID FROM DATABASECHANGELOG", String.class))
                    .contains(LiquibaseStartup.CAMUNDA_BASELINE, "7.24.0-tag", "1-baseline").doesNotHaveDuplicates();

            assertThat(latest.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processDefinitionKey("conduct-incident").processInstanceBusinessKey(reference).count()).isOne();
            JsonNode tracking = client(latest).get().uri("/api/tracking/{code}", trackingCode).retrieve().body(JsonNode.class);
            assertThat(tracking.path("reference").asText()).isEqualTo(reference);
            assertThat(tracking.path("status").asText()).isEqualTo("received");
        }
    }

    static Stream<Named<Installation>> installations() {
        Map<String, Object> postgres = TestPostgres.profileEnvironment("migration_upgrade", 25);
        Installation h2 = arguments -> new SpringApplicationBuilder(CultivateApplication.class)
                .properties("SERVER_PORT=0")
                .run(Stream.concat(Stream.of("--spring.datasource.url=jdbc:h2:mem:migration-upgrade;DB_CLOSE_DELAY=-1;MODE=LEGACY",
                        "--camunda.bpm.job-execution.enabled=false"), Arrays.stream(arguments)).toArray(String[]::new));
        return Stream.of(
                Named.of("PostgreSQL", arguments -> TestPostgres.startServer(postgres, arguments)),
                Named.of("H2 (default profile)", h2));
    }

    private static RestClient client(ConfigurableApplicationContext server) {
        return RestClient.create("http://localhost:" + server.getEnvironment().getProperty("local.server.port"));
    }

    /** Every table of the server's database with its number of rows, by the name the database gives it. */
    private static Map<String, Long> rowsPerTable(ConfigurableApplicationContext server) {
        DataSource dataSource = server.getBean(DataSource.class);
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        JdbcTemplate database = new JdbcTemplate(dataSource);
        Map<String, Long> counts = new TreeMap<>();
        tables.forEach(table -> counts.put(table, database.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
        return counts;
    }
}
