package org.cultivate.system;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** On the default profile's H2 as on PostgreSQL, Liquibase creates the schema and the engine starts after it. */
@DefaultProfileTest
class SchemaChangelogTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void liquibaseRecordsTheEnginesChangesetsThenCultivates() {
        assertThat(jdbc.queryForList("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED", String.class))
                .startsWith(LiquibaseStartup.CAMUNDA_BASELINE)
                .containsSubsequence("7.24.0-tag", "1-baseline", "2-task-due-date-index", "3-member-affiliations", "onboarding-1-leaders", "onboarding-2-mentors", "grant-1-ledger", "grant-2-comments", "grant-3-late-reports")
                .doesNotHaveDuplicates();
    }

    @Test
    void theEngineWaitsForLiquibase() {
        assertThat(context.getBeanFactory().getBeanDefinition("processEngineFactoryBean").getDependsOn()).contains("liquibase");
    }
}
