package org.cultivate.identity;

import java.util.Locale;
import java.util.Set;

/** The organisations a staff member belongs to, compared as {@link #key} says. */
@FunctionalInterface
public interface Affiliations {

    /** The member's organisations, each as its {@link #key}. */
    Set<String> keysOf(String userId);

    /** How two names of one organisation compare: in lower case, without the spaces around or doubled inside. */
    static String key(String organisation) {
        return organisation.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
