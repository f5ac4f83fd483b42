package org.cultivate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.cultivate.CultivateApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server (zonky's embedded binaries; there is no Docker here), started once per
 * test JVM. Each test class asks for a database of its own.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A new, empty database, as the environment variables of the {@code postgres} profile name it. */
    public static synchronized Map<String, String> newDatabase(String name) {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
            }
            try (Connection connection = server.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("DROP DATABASE IF EXISTS " + name);
                connection.createStatement().execute("CREATE DATABASE " + name);
            }
            return Map.of(
                    "POSTGRES_URL", server.getJdbcUrl("postgres", name),
                    "POSTGRES_USER", "postgres",
                    "POSTGRES_PASSWORD", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /**
     * The environment of the {@code postgres} profile: a new database, a first administrator, and
     * the mail server at {@code mailPort} on this machine. The map can be changed.
     */
    public static Map<String, Object> profileEnvironment(String database, int mailPort) {
        Map<String, Object> environment = new HashMap<>(newDatabase(database));
        environment.put("MAIL_HOST", "127.0.0.1");
        environment.put("MAIL_PORT", mailPort);
        environment.put("CULTIVATE_ADMIN_USER", "root-admin");
        environment.put("CULTIVATE_ADMIN_PASSWORD", "a-long-and-random-passphrase");
        return environment;
    }

    /** {@link #profileEnvironment} for a Spring test. */
    public static void registerProfile(DynamicPropertyRegistry registry, String database, int mailPort) {
        profileEnvironment(database, mailPort).forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * A whole server on the {@code postgres} profile with this environment, on a random port, its job
     * executor off. The environment only fills placeholders; {@code arguments} ({@code --name=value})
     * override application.yml.
     */
    public static ConfigurableApplicationContext startServer(Map<String, Object> environment, String... arguments) {
        return new SpringApplicationBuilder(CultivateApplication.class)
                .profiles("postgres")
                .properties(environment)
                .properties("SERVER_PORT=0")
                .run(Stream.concat(Stream.of("--camunda.bpm.job-execution.enabled=false"), Arrays.stream(arguments)).toArray(String[]::new));
    }

    private static void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }
}
