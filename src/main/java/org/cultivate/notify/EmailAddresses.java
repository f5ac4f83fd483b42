package org.cultivate.notify;

import java.util.Locale;

/** E-mail addresses as every feature stores and compares them: without surrounding spaces, in lower case. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalised(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }
}
