package org.cultivate.identity;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.cultivate.system.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the default profile, the server never creates demo users and refuses to start with a demo password. */
class ProductionStartupGuardTest {

    @Test
    void createsTheFirstAdministratorButNoDemoUsersAndRefusesDemoPasswordsOnTheNextStart() {
        Map<String, Object> environment = TestPostgres.profileEnvironment("guard_demo", 25);
        try (ConfigurableApplicationContext first = TestPostgres.startServer(environment)) {
            IdentityService identity = first.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).list())
                    .extracting(user -> user.getId()).containsExactly("root-admin");
            assertThat(identity.createUserQuery().userIdIn("demo", "alice", "bob", "dana").count()).isZero();
            // someone adds a user the demo way
            var alice = identity.newUser("alice");
            alice.setPassword("alice");
            identity.saveUser(alice);
        }

        assertThatThrownBy(() -> TestPostgres.startServer(environment).close())
                .rootCause().hasMessageContaining("user 'alice' still has the demo password");
    }

    @Test
    void refusesAWeakFirstAdministratorPassword() {
        Map<String, Object> environment = TestPostgres.profileEnvironment("guard_weak", 25);
        environment.put("CULTIVATE_ADMIN_PASSWORD", "demo");

        assertThatThrownBy(() -> TestPostgres.startServer(environment).close())
                .rootCause().hasMessageContaining("CULTIVATE_ADMIN_PASSWORD must have at least 12 characters");
    }

    @Test
    void refusesToRunWithoutAMailServer() {
        Map<String, Object> environment = TestPostgres.profileEnvironment("guard_mail", 25);
        environment.remove("MAIL_HOST");

        assertThatThrownBy(() -> TestPostgres.startServer(environment).close()).rootCause().hasMessageContaining("MAIL_HOST is not set");
    }
}
