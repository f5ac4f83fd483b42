package org.cultivate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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

    private static void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }
}
