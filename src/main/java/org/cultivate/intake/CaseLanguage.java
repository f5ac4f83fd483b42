package org.cultivate.intake;

import java.util.List;
import java.util.Locale;

/**
 * The language a case's submitter reads, in the process variable {@value #VARIABLE}: what the
 * form's own {@code language} field says, or else the first language of the submission's
 * {@code Accept-Language} header (the portal sends the language its reader chose). Mail tasks
 * pass it to {@code sendEmailDelegate}, which picks the template in that language when there is one.
 */
public final class CaseLanguage {

    public static final String VARIABLE = "language";
    static final String DEFAULT = "en";

    private CaseLanguage() {
    }

    /** The primary language subtag of the first range, such as {@code es} for {@code es-MX,es;q=0.9}. */
    static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            String primary = ranges.isEmpty() ? "" : ranges.get(0).getRange().split("-")[0];
            return primary.matches("[a-z]{2,3}") ? primary : DEFAULT;
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }
}
