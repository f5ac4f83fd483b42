package org.cultivate.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import liquibase.Scope;
import liquibase.SingletonScopeManager;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liquibase owns the schema, the engine's and Cultivate's: servers that start together on an empty
 * database create it once.
 */
class SchemaMigrationTest {

    @Test
    void twoServersStartedAtOnceOnAnEmptyDatabaseBothComeUpWithOneSchemaAndOneDeployment() throws Exception {
        Map<String, Object> environment = TestPostgres.profileEnvironment("migration_race", 25);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<ConfigurableApplicationContext> starting = threads.submit(() -> startAlone(environment));
            Future<ConfigurableApplicationContext> alsoStarting = threads.submit(() -> startAlone(environment));
            try (ConfigurableApplicationContext one = starting.get(5, TimeUnit.MINUTES);
                 ConfigurableApplicationContext other = alsoStarting.get(5, TimeUnit.MINUTES)) {
                for (ConfigurableApplicationContext server : List.of(one, other)) {
                    assertThat(client(server).get().uri("/actuator/health/readiness").retrieve().body(JsonNode.class)
                            .path("status").asText()).isEqualTo("UP");
                }
                JdbcTemplate database = new JdbcTemplate(one.getBean(DataSource.class));
                assertThat(database.queryForList("SELECT ID FROM DATABASECHANGELOG", String.class))
                        .contains("7.16.0-baseline", "7.24.0-tag", "1-baseline").doesNotHaveDuplicates();
                assertThat(database.queryForList("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG", String.class))
                        .contains("7.16.0", "7.24.0").doesNotHaveDuplicates();
                assertThat(database.queryForList("SELECT KEY_ FROM ACT_RE_PROCDEF", String.class))
                        .contains("conduct-incident").doesNotHaveDuplicates();
                assertThat(database.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Long.class)).isOne();
                assertThat(one.getBean(RepositoryDeployment.class).deployment().getId())
                        .isEqualTo(other.getBean(RepositoryDeployment.class).deployment().getId());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * A server as if in a JVM of its own. Liquibase keeps its scope in an inheritable thread-local: threads
     * started from a thread that already ran Liquibase would share one scope stack and break each other's.
     */
    private static ConfigurableApplicationContext startAlone(Map<String, Object> environment) {
        Scope.setScopeManager(new SingletonScopeManager());
        return TestPostgres.startServer(environment);
    }

    private static RestClient client(ConfigurableApplicationContext server) {
        return RestClient.create("http://localhost:" + server.getEnvironment().getProperty("local.server.port"));
    }
}
