package org.cultivate.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's task list and task count (Tasklist's every filter) run as
 * {@code TaskListQuery.xml}: the same criteria, the same authorization decision, made only for the
 * tasks the criteria hold and, for a page, only until the page is full.
 * The engine's own statements check each open task against each grant of the member (its join
 * form, a nested loop PostgreSQL cannot hash) or run up to twelve correlated subqueries per task
 * (its revoke-aware form); both grow with every open case (bench/RESULTS.md). The engine lets an
 * installation map one of its statements to another ({@link DbSqlSessionFactory#setStatementMappings});
 * this plugin adds the mapper to the engine's MyBatis configuration and maps the two statements,
 * and a third that every authorization check runs first: the groups that hold any authorization.
 */
@Component
public class TaskListQueryPlugin extends AbstractProcessEnginePlugin {

    static final String MAPPER = "org/cultivate/identity/TaskListQuery.xml";
    static final String NAMESPACE = "org.cultivate.identity.TaskListQuery";
    static final Map<String, String> REPLACED = Map.of(
            "selectTaskByQueryCriteria", NAMESPACE + ".selectVisibleTasks",
            "selectTaskCountByQueryCriteria", NAMESPACE + ".countVisibleTasks",
            "selectAuthorizedGroupIds", NAMESPACE + ".selectGroupsWithAuthorizations");

    @Override
    public void postInit(ProcessEngineConfigurationImpl engine) {
        if (!DbSqlSessionFactory.POSTGRES.equals(engine.getDatabaseType())) {
            return;
        }
        Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
        if (!mybatis.hasStatement(NAMESPACE + ".selectVisibleTasks", false)) {
            try (InputStream mapper = TaskListQueryPlugin.class.getClassLoader().getResourceAsStream(MAPPER)) {
                new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        DbSqlSessionFactory statements = engine.getDbSqlSessionFactory();
        Map<String, String> mappings = statements.getStatementMappings() == null ? new HashMap<>()
                : new HashMap<>(statements.getStatementMappings());
        mappings.putAll(REPLACED);
        statements.setStatementMappings(mappings);
    }

    /**
     * Whether a query orders by its own table's columns only (not by a variable), so that a page
     * can be read in that order from the table itself.
     */
    public static boolean ordersByOwnColumns(ListQueryParameterObject query) {
        return query.getOrderingProperties().stream().allMatch(QueryOrderingProperty::isContainedProperty);
    }

    /** What the engine's criteria fragment sees in the replacement: no check, which the replacement does itself. */
    public static AuthorizationCheck withoutCheck() {
        return new AuthorizationCheck();
    }
}
