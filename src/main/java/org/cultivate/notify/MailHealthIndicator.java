package org.cultivate.notify;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code mail} on {@code /actuator/health}: can the SMTP server be reached? Not part of readiness. */
@Component("mail")
class MailHealthIndicator extends AbstractHealthIndicator {

    private final MailTransport transport;

    MailHealthIndicator(MailTransport transport) {
        super("Mail server not reachable");
        this.transport = transport;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        transport.checkConnection();
        builder.up().withDetail("transport", transport instanceof LogMailTransport ? "log" : "smtp");
    }
}
