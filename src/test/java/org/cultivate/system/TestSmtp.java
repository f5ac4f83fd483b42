package org.cultivate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/** A real SMTP server for a test (GreenMail) on a free port, and the text its mails' readers see. */
public final class TestSmtp {

    private TestSmtp() {
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GreenMail start(int port) {
        var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** The text/plain part of a mail, decoded. */
    public static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The last mail the server has received for {@code to} whose subject starts so, once there is one. */
    public static MimeMessage awaitMail(GreenMail server, String to, String subjectStart) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(server.getReceivedMessages())
                .anyMatch(mail -> sentTo(mail, to) && subject(mail).startsWith(subjectStart)));
        return Arrays.stream(server.getReceivedMessages()).filter(mail -> sentTo(mail, to) && subject(mail).startsWith(subjectStart))
                .reduce((first, last) -> last).orElseThrow();
    }

    public static boolean sentTo(MimeMessage mail, String to) {
        try {
            return Arrays.stream(mail.getAllRecipients()).anyMatch(address -> address.toString().equalsIgnoreCase(to));
        } catch (MessagingException e) {
            return false;
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }
}
