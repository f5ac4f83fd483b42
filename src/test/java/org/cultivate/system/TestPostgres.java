package org.cultivate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
     * The environment of the {@code postgres} profile for a Spring test: a new database, a first
     * administrator, and the mail server at {@code mailPort} on this machine.
     */
    public static void registerProfile(DynamicPropertyRegistry registry, String database, int mailPort) {
        newDatabase(database).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("MAIL_HOST", () -> "127.0.0.1");
        registry.add("MAIL_PORT", () -> mailPort);
        registry.add("CULTIVATE_ADMIN_USER", () -> "root-admin");
        registry.add("CULTIVATE_ADMIN_PASSWORD", () -> "a-long-and-random-passphrase");
    }

    private static void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }
}
