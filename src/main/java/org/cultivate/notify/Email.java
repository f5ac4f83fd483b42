package org.cultivate.notify;

/** One rendered message to one recipient; the Message-ID is fixed so a resend is recognisably the same mail. */
record Email(String to, String subject, String text, String html, String messageId) {
}
