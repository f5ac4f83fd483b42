package org.cultivate.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.Customizer;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What runs on Liquibase's connection before its update at start-up (Spring Boot applies this
 * {@link Customizer}):
 * <ol>
 * <li>The history table {@code DATABASECHANGELOG} is created under Liquibase's lock. Liquibase 4.31
 * creates it while reading the changelog, before it takes its lock, so servers starting together
 * on an empty PostgreSQL race to create it and all but one die with {@code duplicate key value
 * violates unique constraint "pg_type_typname_nsp_index"} (liquibase/liquibase#5254).</li>
 * <li>An engine schema that the engine created itself (Cultivate's first release ran it with
 * {@code schema-update: true}) is brought under Liquibase the way Camunda's manual migrates a
 * manual installation: its version is the newest row of {@code ACT_GE_SCHEMA_LOG}, and Camunda's
 * changesets up to the tag of that version are marked as run ({@code changelogSyncToTag}). The
 * update then runs only newer engine upgrades and Cultivate's changesets. The sync takes the lock
 * and skips what is recorded already, so servers starting together adopt the schema once.</li>
 * </ol>
 */
@Component
class LiquibaseStartup implements Customizer<Liquibase> {

    /** The first changeset of Camunda's changelog: once recorded, Liquibase knows the engine's schema. */
    static final String CAMUNDA_BASELINE = "7.16.0-baseline";

    private static final Logger log = LoggerFactory.getLogger(LiquibaseStartup.class);

    @Override
    public void customize(Liquibase liquibase) {
        try {
            createHistoryTableUnderLock(liquibase.getDatabase());
            Connection connection = ((JdbcConnection) liquibase.getDatabase().getConnection()).getUnderlyingConnection();
            Optional<String> version = unadoptedEngineSchemaVersion(connection);
            if (version.isPresent()) {
                adopt(liquibase, version.get());
            }
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("cannot prepare the database for Liquibase's update", e);
        }
    }

    private static void createHistoryTableUnderLock(Database database) throws LiquibaseException {
        LockService lock = LockServiceFactory.getInstance().getLockService(database);
        lock.waitForLock();
        try {
            var history = Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database);
            // another server may have created the table while this one waited: forget what was seen before the lock
            history.reset();
            history.init();
        } finally {
            lock.releaseLock();
        }
    }

    private static void adopt(Liquibase liquibase, String version) throws LiquibaseException {
        // an unknown tag would mark every changeset as run, Cultivate's too
        boolean known = liquibase.getDatabaseChangeLog().getChangeSets().stream()
                .flatMap(changeSet -> changeSet.getChanges().stream())
                .anyMatch(change -> change instanceof TagDatabaseChange tag && tag.getTag().equals(version));
        if (!known) {
            throw new IllegalStateException("the engine's schema is at version " + version
                    + ", which this release's Camunda changelog does not know: older than 7.16 (upgrade it with Camunda's SQL"
                    + " scripts first) or newer than this release's engine");
        }
        log.info("Engine schema {} was created without Liquibase: marking Camunda's changesets up to it as run", version);
        liquibase.changeLogSync(version, new Contexts(), new LabelExpression());
    }

    /** The version of an engine schema that Liquibase has not recorded; empty on an empty or adopted database. */
    private static Optional<String> unadoptedEngineSchemaVersion(Connection connection) throws SQLException {
        if (!tableExists(connection, "ACT_GE_SCHEMA_LOG")
                || count(connection, "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = ?", CAMUNDA_BASELINE) > 0) {
            return Optional.empty();
        }
        // ID_ holds numbers as text ('0', '900', '1300'): order them as numbers
        try (PreparedStatement newest = connection.prepareStatement(
                "SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG ORDER BY CAST(ID_ AS INTEGER) DESC");
             ResultSet rows = newest.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    private static boolean tableExists(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        // PostgreSQL folds unquoted names to lower case, H2 to upper case
        String stored = metaData.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), stored, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private static long count(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
