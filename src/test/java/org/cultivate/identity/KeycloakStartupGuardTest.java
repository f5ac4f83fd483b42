package org.cultivate.identity;

import org.cultivate.CultivateApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The keycloak profile refuses to start with the demo realm's public client secret unless the
 * demo realm is allowed on purpose, and without a secret at all. It fails before it would reach
 * Keycloak, so none runs here.
 */
class KeycloakStartupGuardTest {

    @Test
    void refusesTheDemoSecretUnlessTheDemoRealmIsAllowed() {
        assertThatThrownBy(() -> start(KeycloakSettings.DEMO_CLIENT_SECRET))
                .rootCause().hasMessageContaining("KEYCLOAK_CLIENT_SECRET is the demo realm's public secret");
    }

    @Test
    void refusesToStartWithoutAClientSecret() {
        assertThatThrownBy(() -> start(""))
                .rootCause().hasMessageContaining("The keycloak profile needs KEYCLOAK_CLIENT_SECRET");
    }

    private static void start(String clientSecret) {
        new SpringApplicationBuilder(CultivateApplication.class)
                .profiles("keycloak")
                .properties("server.port=0", "camunda.bpm.job-execution.enabled=false",
                        "spring.datasource.url=jdbc:h2:mem:cultivate-keycloak-guard;DB_CLOSE_DELAY=-1",
                        "MAIL_HOST=127.0.0.1",
                        // nothing listens here: the guard must refuse before anything calls Keycloak
                        "KEYCLOAK_URL=http://localhost:9",
                        "KEYCLOAK_CLIENT_SECRET=" + clientSecret,
                        "CULTIVATE_ALLOW_DEMO_REALM=false")
                .run()
                .close();
    }
}
