package org.cultivate.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole server in the default profile (local demo users, mail to the log) on a private
 * in-memory H2, on a random port. Test classes that share it share one Spring context, and their
 * {@code /engine-rest} calls reach its engine even when other tests' contexts started since
 * ({@link ActiveEngineTestListener}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// metrics export on, as in production (Spring Boot tests switch it off unless asked)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cultivate-default;DB_CLOSE_DELAY=-1",
        "cultivate.tracking.lookups-per-minute=10000",
        "cultivate.metrics.refresh=PT0.2S"})
public @interface DefaultProfileTest {
}
