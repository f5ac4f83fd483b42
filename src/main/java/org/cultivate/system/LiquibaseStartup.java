package org.cultivate.system;

import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.Customizer;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import org.springframework.stereotype.Component;

/**
 * What runs on Liquibase's connection before its update at start-up (Spring Boot applies this
 * {@link Customizer}): the history table {@code DATABASECHANGELOG} is created under Liquibase's lock.
 * Liquibase 4.31 creates it while reading the changelog, before it takes its lock, so servers
 * starting together on an empty PostgreSQL race to create it and all but one die with {@code
 * duplicate key value violates unique constraint "pg_type_typname_nsp_index"} (liquibase/liquibase#5254).
 */
@Component
class LiquibaseStartup implements Customizer<Liquibase> {

    @Override
    public void customize(Liquibase liquibase) {
        try {
            createHistoryTableUnderLock(liquibase.getDatabase());
        } catch (LiquibaseException e) {
            throw new IllegalStateException("cannot prepare the database for Liquibase's update", e);
        }
    }

    private static void createHistoryTableUnderLock(Database database) throws LiquibaseException {
        LockService lock = LockServiceFactory.getInstance().getLockService(database);
        lock.waitForLock();
        try {
            Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database).init();
        } finally {
            lock.releaseLock();
        }
    }
}
