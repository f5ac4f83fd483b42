package org.cultivate.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole server in the keycloak profile against {@link RealKeycloak}, on a private in-memory
 * H2, on the port the imported realm accepts redirects to (hence a defined port rather than a
 * random one). Test classes that share it share one Spring context, in a test JVM of their own
 * (the tag; see pom.xml).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cultivate-keycloak;DB_CLOSE_DELAY=-1",
        "cultivate.tracking.lookups-per-minute=10000",
        "cultivate.metrics.refresh=PT0.2S"})
@ActiveProfiles("keycloak")
@ContextConfiguration(initializers = RealKeycloak.Properties.class)
@Tag(KeycloakProfileTest.REAL_KEYCLOAK)
@interface KeycloakProfileTest {

    /** The JUnit tag of the tests against the real Keycloak. */
    String REAL_KEYCLOAK = "real-keycloak";
}
