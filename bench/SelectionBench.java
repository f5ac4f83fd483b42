package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The task force's solvers at call size (bench/selection.sh compiles it beside the built classes):
 * PanelSelection on 500 applications, 12 seats, quotas over four categories, and ReviewerAssignment
 * of 500 applications to 15 reviewers, 3 each; median and worst of several runs after a warm-up,
 * each on a freshly generated call.
 */
public class SelectionBench {

    private static final List<String> REGIONS = List.of("Africa", "ESEAP", "MENA", "North America", "South Asia", "LAC", "CEE", "NWE");
    private static final List<String> LANGUAGES = List.of("en", "es", "fr", "ar", "zh", "ru");

    public static void main(String[] args) {
        int applications = Integer.parseInt(args.length > 0 ? args[0] : "500");
        int reviewers = Integer.parseInt(args.length > 1 ? args[1] : "15");
        int runs = Integer.parseInt(args.length > 2 ? args[2] : "7");
        for (int warm = 0; warm < 2; warm++) {
            select(applications, 1000 + warm);
            assign(applications, reviewers, 1000 + warm);
        }
        long[] selecting = new long[runs];
        long[] assigning = new long[runs];
        for (int run = 0; run < runs; run++) {
            selecting[run] = select(applications, run);
            assigning[run] = assign(applications, reviewers, run);
        }
        report("selection of 12 from " + applications, selecting);
        report("assignment of " + applications + " to " + reviewers + " reviewers, 3 each", assigning);
    }

    private static long select(int size, long seed) {
        Random random = new Random(seed);
        var applicants = new ArrayList<PanelSelection.Applicant>();
        for (int i = 0; i < size; i++) {
            applicants.add(new PanelSelection.Applicant("a" + i, 1 + random.nextInt(4001) / 1000.0, Map.of(
                    "region", Set.of(REGIONS.get(random.nextInt(REGIONS.size()))),
                    "language", Set.of(LANGUAGES.get(random.nextInt(LANGUAGES.size()))),
                    "gender", Set.of(List.of("woman", "man", "non-binary", "prefer-not-to-say").get(random.nextInt(4))),
                    "experience", Set.of(List.of("new", "some", "experienced").get(random.nextInt(3))))));
        }
        var quotas = new ArrayList<PanelSelection.Quota>();
        REGIONS.forEach(region -> quotas.add(new PanelSelection.Quota("region", region, 1, 3)));
        quotas.add(new PanelSelection.Quota("language", "ar", 1, null));
        quotas.add(new PanelSelection.Quota("language", "en", null, 4));
        quotas.add(new PanelSelection.Quota("gender", "man", null, 6));
        quotas.add(new PanelSelection.Quota("experience", "new", 2, null));
        long start = System.nanoTime();
        PanelSelection.Panel panel = PanelSelection.select(applicants, 12, quotas);
        long took = System.nanoTime() - start;
        if (panel.members().size() != 12 || !panel.balanced()) {
            throw new IllegalStateException("unexpected panel: " + panel.relaxations());
        }
        return took;
    }

    private static long assign(int size, int committee, long seed) {
        Random random = new Random(seed);
        var reviewers = new ArrayList<ReviewerAssignment.Reviewer>();
        for (int r = 0; r < committee; r++) {
            reviewers.add(new ReviewerAssignment.Reviewer("r" + r, Set.copyOf(List.of("en", LANGUAGES.get(random.nextInt(LANGUAGES.size()))))));
        }
        var applications = new ArrayList<ReviewerAssignment.Application>();
        for (int a = 0; a < size; a++) {
            applications.add(new ReviewerAssignment.Application("A" + a, Set.of(LANGUAGES.get(random.nextInt(LANGUAGES.size()))),
                    a % 10 == 0 ? Set.of("r" + random.nextInt(committee)) : Set.of()));
        }
        long start = System.nanoTime();
        ReviewerAssignment.assign(applications, reviewers, 3);
        return System.nanoTime() - start;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: median %d ms, worst %d ms (%d runs)%n", what, sorted[sorted.length / 2] / 1_000_000,
                sorted[sorted.length - 1] / 1_000_000, sorted.length);
    }
}
