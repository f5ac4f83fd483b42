package org.cultivate.notify;

import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP when {@code MAIL_HOST} is set. Without it, the default profile writes mail to the log; any
 * other profile refuses to start, because a real installation must not drop notifications.
 */
@Configuration
class MailConfiguration {

    @Bean
    MailTransport mailTransport(@Value("${cultivate.mail.host}") String host, @Value("${cultivate.mail.port}") int port,
            @Value("${cultivate.mail.from}") String from, Environment environment) {
        if (host.isBlank()) {
            if (environment.getActiveProfiles().length > 0) {
                throw new IllegalStateException("MAIL_HOST is not set: profiles " + Arrays.toString(environment.getActiveProfiles())
                        + " need a mail server (MAIL_HOST, MAIL_PORT, MAIL_FROM)");
            }
            return new LogMailTransport();
        }
        return new SmtpMailTransport(javaMailSender(host, port), from);
    }

    private static JavaMailSenderImpl javaMailSender(String host, int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host);
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        // a hanging server must fail the job, not hold a job-executor thread for ever
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", "10000");
        return sender;
    }
}
