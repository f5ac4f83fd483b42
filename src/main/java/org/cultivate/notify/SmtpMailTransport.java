package org.cultivate.notify;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends through the SMTP server of {@code MAIL_HOST}; a failure is thrown, so the job retries. */
class SmtpMailTransport implements MailTransport {

    /**
     * Spring builds (and parses mime.types for) a new map per message when the message is not the
     * sender's own; one map serves every mail instead (bench/RESULTS.md: a sixth of the mail CPU).
     */
    private static final FileTypeMap FILE_TYPES = fileTypes();

    private final JavaMailSenderImpl sender;
    private final String from;

    SmtpMailTransport(JavaMailSenderImpl sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(Email email) {
        try {
            MimeMessage message = new FixedIdMimeMessage(sender.getSession(), email.messageId());
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8") {
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                    return FILE_TYPES;
                }
            };
            helper.setFrom(from);
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            sender.send(message);
        } catch (MessagingException e) {
            throw new MailSendException("cannot build the message " + email.messageId(), e);
        }
    }

    private static FileTypeMap fileTypes() {
        var map = new ConfigurableMimeFileTypeMap();
        map.afterPropertiesSet();
        return map;
    }

    @Override
    public void checkConnection() throws MessagingException {
        sender.testConnection();
    }

    /** JavaMail gives every saved message a new Message-ID; this one keeps the deterministic one. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
