package org.cultivate.identity;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.cultivate.CultivateApplication;
import org.cultivate.system.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the default profile, the server never creates demo users and refuses to start with a demo password. */
class ProductionStartupGuardTest {

    private static final String STRONG_PASSWORD = "correct-horse-battery-staple";

    @Test
    void createsTheFirstAdministratorButNoDemoUsersAndRefusesDemoPasswordsOnTheNextStart() {
        Map<String, Object> environment = postgres("guard_demo");
        try (ConfigurableApplicationContext first = start(environment)) {
            IdentityService identity = first.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).list())
                    .extracting(user -> user.getId()).containsExactly("root-admin");
            assertThat(identity.createUserQuery().userIdIn("demo", "alice", "bob", "dana").count()).isZero();
            // someone adds a user the demo way
            var alice = identity.newUser("alice");
            alice.setPassword("alice");
            identity.saveUser(alice);
        }

        assertThatThrownBy(() -> start(environment).close())
                .rootCause().hasMessageContaining("user 'alice' still has the demo password");
    }

    @Test
    void refusesAWeakFirstAdministratorPassword() {
        Map<String, Object> environment = postgres("guard_weak");
        environment.put("CULTIVATE_ADMIN_PASSWORD", "demo");

        assertThatThrownBy(() -> start(environment).close())
                .rootCause().hasMessageContaining("CULTIVATE_ADMIN_PASSWORD must have at least 12 characters");
    }

    @Test
    void refusesToRunWithoutAMailServer() {
        Map<String, Object> environment = postgres("guard_mail");
        environment.remove("MAIL_HOST");

        assertThatThrownBy(() -> start(environment).close()).rootCause().hasMessageContaining("MAIL_HOST is not set");
    }

    private static Map<String, Object> postgres(String database) {
        Map<String, Object> environment = new HashMap<>(TestPostgres.newDatabase(database));
        environment.put("MAIL_HOST", "127.0.0.1");
        environment.put("CULTIVATE_ADMIN_USER", "root-admin");
        environment.put("CULTIVATE_ADMIN_PASSWORD", STRONG_PASSWORD);
        return environment;
    }

    private static ConfigurableApplicationContext start(Map<String, Object> environment) {
        return new SpringApplicationBuilder(CultivateApplication.class)
                .profiles("postgres")
                .properties(environment)
                .properties("server.port=0", "camunda.bpm.job-execution.enabled=false")
                .run();
    }
}
