package org.cultivate.system;

/**
 * Figures a committee publishes: a count under {@value #SMALLEST_PUBLIC_COUNT} could point at a
 * person, so a public report shows it as {@code null} (suppressed), never as left out, so that
 * readers can tell "few" from "none". The conduct transparency report and the grants report
 * both follow it.
 */
public final class PublicFigures {

    public static final int SMALLEST_PUBLIC_COUNT = 3;

    private PublicFigures() {
    }

    /** The threshold of a report: none for the committee's own view. */
    public static int threshold(boolean full) {
        return full ? 0 : SMALLEST_PUBLIC_COUNT;
    }

    public static Integer suppress(int count, int threshold) {
        return count < threshold ? null : count;
    }
}
