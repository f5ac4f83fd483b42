package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.cultivate.taskforce.PanelSelection.Applicant;
import org.cultivate.taskforce.PanelSelection.Panel;
import org.cultivate.taskforce.PanelSelection.Quota;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The task force's selection: known optima, ties, quotas that cannot all be kept, and generated
 * calls checked against every possible panel (brute force, the independent optimum).
 */
class PanelSelectionTest {

    private static final List<String> REGIONS = List.of("Africa", "ESEAP", "MENA", "North America", "South Asia", "LAC", "CEE", "NWE");

    @Test
    void theBestApplicantFromAMissingRegionReplacesTheWeakestSurplusMember() {
        List<Applicant> applicants = List.of(from("ana", 5.0, "NWE"), from("ben", 4.9, "NWE"), from("cai", 4.8, "NWE"),
                from("dee", 4.7, "NWE"), from("eli", 3.2, "ESEAP"), from("fon", 3.0, "ESEAP"));

        Panel panel = PanelSelection.select(applicants, 4, List.of(new Quota("region", "ESEAP", 1, null)));

        assertThat(panel.members()).extracting(Applicant::id).containsExactly("ana", "ben", "cai", "eli");
        assertThat(panel.reserves()).extracting(Applicant::id).as("in order of score").containsExactly("dee", "fon");
        assertThat(panel.totalScore()).isCloseTo(17.9, within(1e-9));
        assertThat(panel.balanced()).isTrue();
    }

    @Test
    void aMaximumAndAMinimumTogether() {
        // at most two French speakers, at least one Arabic speaker: the speakers of both count for both
        List<Applicant> applicants = List.of(speaks("ana", 5.0, "fr"), speaks("ben", 4.8, "fr"), speaks("cai", 4.6, "fr"),
                speaks("dee", 4.0, "fr", "ar"), speaks("eli", 3.0, "en"), speaks("fon", 2.0, "ar"));

        Panel panel = PanelSelection.select(applicants, 3, List.of(new Quota("language", "fr", null, 2), new Quota("language", "ar", 1, null)));

        // {ana, ben} + an Arabic speaker who is not French: fon (11.8); or {ana, dee} + eli (12.0): the optimum
        assertThat(panel.members()).extracting(Applicant::id).containsExactly("ana", "dee", "eli");
        assertThat(panel.totalScore()).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void equalScoresGoToWhoAppliedFirstEveryTime() {
        List<Applicant> applicants = List.of(from("ana", 4.0, "NWE"), from("ben", 4.5, "NWE"), from("cai", 4.0, "NWE"), from("dee", 4.0, "NWE"));
        for (int run = 0; run < 3; run++) {
            assertThat(PanelSelection.select(applicants, 2, List.of()).members()).extracting(Applicant::id).containsExactly("ben", "ana");
        }
    }

    @Test
    void quotasThatCannotBeKeptGiveTheSmallestRelaxationInWords() {
        List<Applicant> applicants = List.of(from("ana", 5.0, "NWE"), from("ben", 4.0, "MENA"), from("cai", 3.0, "NWE"), from("dee", 2.0, "CEE"));

        Panel panel = PanelSelection.select(applicants, 3, List.of(new Quota("region", "MENA", 2, null), new Quota("region", "NWE", null, 1)));

        assertThat(panel.balanced()).isFalse();
        assertThat(panel.relaxations()).extracting(PanelSelection.Relaxation::words)
                .containsExactly("one fewer member with region MENA than the minimum of 2");
        assertThat(panel.members()).extracting(Applicant::id).as("the maximum still holds").containsExactly("ana", "ben", "dee");
    }

    @Test
    void generatedCallsReachTheOptimumThatEveryPossiblePanelShows() {
        qt().withFixedSeed(20261204L).withExamples(120).forAll(calls()).checkAssert(call -> {
            Panel panel = PanelSelection.select(call.applicants(), call.seats(), call.quotas());
            int least = IntStream.range(0, 1 << call.applicants().size()).filter(set -> Integer.bitCount(set) <= call.seats())
                    .map(set -> shortfall(call, set)).min().orElseThrow();
            double best = IntStream.range(0, 1 << call.applicants().size())
                    .filter(set -> Integer.bitCount(set) <= call.seats() && shortfall(call, set) == least)
                    .mapToDouble(set -> score(call, set)).max().orElseThrow();
            int chosen = panel.members().stream().mapToInt(member -> 1 << call.applicants().indexOf(member)).sum();

            assertThat(panel.members()).hasSizeLessThanOrEqualTo(call.seats());
            assertThat(shortfall(call, chosen)).as("the smallest relaxation").isEqualTo(least);
            assertThat(panel.relaxations().stream().mapToInt(r -> r.fewer() + r.more()).sum()).isEqualTo(least);
            assertThat(panel.totalScore()).as("the optimum of %s", call).isCloseTo(best, within(1e-6));
        });
    }

    @Test
    void aLargeCallIsSolved() {
        // 500 applications, 12 seats, four categories with quotas: solved to optimality (timed in bench/, not here)
        Random random = new Random(7);
        List<Applicant> applicants = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            applicants.add(new Applicant("a" + i, 1 + random.nextInt(4001) / 1000.0, Map.of(
                    "region", Set.of(REGIONS.get(random.nextInt(REGIONS.size()))),
                    "language", Set.of(List.of("en", "es", "fr", "ar", "zh", "ru").get(random.nextInt(6))),
                    "gender", Set.of(List.of("woman", "man", "non-binary", "prefer-not-to-say").get(random.nextInt(4))),
                    "experience", Set.of(List.of("new", "some", "experienced").get(random.nextInt(3))))));
        }
        var quotas = new ArrayList<Quota>();
        REGIONS.forEach(region -> quotas.add(new Quota("region", region, 1, 3)));
        quotas.add(new Quota("language", "ar", 1, null));
        quotas.add(new Quota("language", "en", null, 4));
        quotas.add(new Quota("gender", "man", null, 6));
        quotas.add(new Quota("experience", "new", 2, null));

        Panel panel = PanelSelection.select(applicants, 12, quotas);

        assertThat(panel.members()).hasSize(12);
        assertThat(panel.balanced()).isTrue();
        assertThat(panel.members().stream().map(member -> member.categories().get("region").iterator().next()).distinct())
                .containsExactlyInAnyOrderElementsOf(REGIONS);
        assertThat(panel.reserves()).hasSize(488);
    }

    @Test
    void aDeclinedSeatGoesToTheFirstReserveWhoKeepsTheBalance() {
        List<Applicant> applicants = List.of(from("ana", 5.0, "NWE"), from("ben", 4.9, "NWE"), from("eli", 3.2, "ESEAP"),
                from("dee", 4.7, "NWE"), from("fon", 3.0, "ESEAP"));
        List<Quota> quotas = List.of(new Quota("region", "ESEAP", 1, null));
        Panel panel = PanelSelection.select(applicants, 3, quotas);
        assertThat(panel.members()).extracting(Applicant::id).containsExactly("ana", "ben", "eli");
        assertThat(panel.reserves()).extracting(Applicant::id).containsExactly("dee", "fon");

        Applicant eli = panel.members().get(2);
        assertThat(PanelSelection.replacement(panel.members(), eli, panel.reserves(), quotas)).get().extracting(Applicant::id)
                .as("dee would leave ESEAP out").isEqualTo("fon");
        assertThat(PanelSelection.replacement(panel.members(), panel.members().get(0), panel.reserves(), quotas)).get()
                .extracting(Applicant::id).isEqualTo("dee");
        assertThat(PanelSelection.replacement(panel.members(), eli, List.of(panel.reserves().get(0)), quotas)).as("nobody keeps it").isEmpty();
    }

    @Test
    void theBalanceViewWeighsASwapInScoreAndQuotas() {
        List<Applicant> applicants = List.of(from("ana", 5.0, "NWE"), from("ben", 4.9, "NWE"), from("eli", 3.2, "ESEAP"),
                from("dee", 4.7, "NWE"));
        List<Quota> quotas = List.of(new Quota("region", "ESEAP", 1, null), new Quota("region", "NWE", null, 2));
        Panel panel = PanelSelection.select(applicants, 3, quotas);
        assertThat(PanelSelection.balance(panel.members(), quotas)).extracting(PanelSelection.Balance::members, PanelSelection.Balance::kept)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, true));

        PanelSelection.Swap swap = PanelSelection.swap(panel.members(), panel.members().get(2), applicants.get(3), quotas);

        assertThat(swap.scoreChange()).isCloseTo(1.5, within(1e-9));
        assertThat(swap.broken()).containsExactlyElementsOf(quotas).as("no ESEAP member, three from NWE");
        assertThat(swap.mended()).isEmpty();
    }

    /** A generated call: up to 10 applicants over three regions and two languages, up to 4 seats, random quotas. */
    record Call(List<Applicant> applicants, int seats, List<Quota> quotas) {
    }

    private static Gen<Call> calls() {
        return longs().all().zip(integers().between(2, 10), integers().between(1, 4), (seed, size, seats) -> {
            Random random = new Random(seed);
            List<Applicant> applicants = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                // scores in halves, so that ties are common
                applicants.add(new Applicant("a" + i, 1 + random.nextInt(9) / 2.0, Map.of(
                        "region", Set.of(List.of("Africa", "MENA", "NWE").get(random.nextInt(3))),
                        "language", random.nextBoolean() ? Set.of("en", "ar") : Set.of("en"))));
            }
            var quotas = new ArrayList<Quota>();
            for (String region : List.of("Africa", "MENA", "NWE")) {
                if (random.nextInt(3) == 0) {
                    quotas.add(new Quota("region", region, random.nextInt(3), random.nextBoolean() ? null : 1 + random.nextInt(2)));
                }
            }
            if (random.nextBoolean()) {
                quotas.add(new Quota("language", "ar", random.nextInt(3), null));
            }
            return new Call(applicants, seats, quotas);
        });
    }

    /** How far a panel (a bit set of applicants) falls short of the quotas, in members. */
    private static int shortfall(Call call, int set) {
        int total = 0;
        for (Quota quota : call.quotas()) {
            int with = 0;
            for (int i = 0; i < call.applicants().size(); i++) {
                if ((set & (1 << i)) != 0 && call.applicants().get(i).has(quota)) {
                    with++;
                }
            }
            total += quota.min() == null ? 0 : Math.max(0, quota.min() - with);
            total += quota.max() == null ? 0 : Math.max(0, with - quota.max());
        }
        return total;
    }

    private static double score(Call call, int set) {
        return IntStream.range(0, call.applicants().size()).filter(i -> (set & (1 << i)) != 0)
                .mapToDouble(i -> call.applicants().get(i).score()).sum();
    }

    private static Applicant from(String id, double score, String region) {
        return new Applicant(id, score, Map.of("region", Set.of(region)));
    }

    private static Applicant speaks(String id, double score, String... languages) {
        return new Applicant(id, score, Map.of("language", Set.of(languages)));
    }
}
