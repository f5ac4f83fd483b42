package org.cultivate.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For trying Cultivate out without a mail server (default profile, no {@code MAIL_HOST}): each mail
 * is a log line instead, so notifications stay visible and do not pile up as failed jobs. The line
 * names the template's subject and a masked recipient, never the body.
 */
class LogMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LogMailTransport.class);

    @Override
    public void send(Email email) {
        log.info("Mail not sent (no MAIL_HOST): '{}' to {} {}", email.subject(), mask(email.to()), email.messageId());
    }

    @Override
    public void checkConnection() {
        // nothing to reach
    }

    static String mask(String address) {
        int at = address.indexOf('@');
        return at <= 1 ? "***" + address.substring(Math.max(at, 0)) : address.charAt(0) + "***" + address.substring(at);
    }
}
