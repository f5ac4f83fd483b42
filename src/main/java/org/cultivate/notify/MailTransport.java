package org.cultivate.notify;

/** Where rendered mail goes: SMTP in production, the log in a default-profile trial without a mail server. */
interface MailTransport {

    void send(Email email);

    /** Throws when the mail server cannot be reached; for the health endpoint. */
    void checkConnection() throws Exception;
}
