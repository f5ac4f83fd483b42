package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.cultivate.taskforce.ReviewerAssignment.Application;
import org.cultivate.taskforce.ReviewerAssignment.Assignment;
import org.cultivate.taskforce.ReviewerAssignment.Reviewer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Reviewers for a call's applications: exactly k, loads within one, never the applicant nor the conflicted, their language first. */
class ReviewerAssignmentTest {

    private static final List<Reviewer> COMMITTEE = List.of(new Reviewer("eve", Set.of("en", "fr")), new Reviewer("kofi", Set.of("en", "ar")),
            new Reviewer("lena", Set.of("en", "es")), new Reviewer("omar", Set.of("ar", "fr")));

    @Test
    void eachApplicationGetsKReviewersWhoReadItsLanguageWhereTheLoadsAllowIt() {
        List<Application> applications = List.of(new Application("A1", Set.of("ar"), Set.of()), new Application("A2", Set.of("es"), Set.of()),
                new Application("A3", Set.of("fr"), Set.of()), new Application("A4", Set.of("ar"), Set.of()));

        Assignment assignment = ReviewerAssignment.assign(applications, COMMITTEE, 2);

        // 8 reviews, 2 each; the most reviews by a reader of the language is 6 (the two Arabic readers cannot take all four Arabic slots and French too)
        int matches = 0;
        for (Application application : applications) {
            List<String> assigned = assignment.reviewers().get(application.id());
            assertThat(assigned).hasSize(2);
            long readers = COMMITTEE.stream().filter(reviewer -> assigned.contains(reviewer.id())
                    && reviewer.languages().stream().anyMatch(application.languages()::contains)).count();
            assertThat(readers).as("%s has a reader of its language", application.id()).isPositive();
            matches += (int) readers;
        }
        assertThat(matches).isEqualTo(6);
        assertThat(COMMITTEE).extracting(reviewer -> assignment.load(reviewer.id())).containsOnly(2);
        assertThat(assignment.shortOfReviewers()).isEmpty();
    }

    @Test
    void aReviewerConflictedOnOneApplicationStillReviewsTheOthersAndTheApplicantNeverReviewsTheirOwn() {
        List<Application> applications = List.of(new Application("A1", Set.of("en"), Set.of("eve")),
                new Application("A2", Set.of("en"), Set.of("kofi")), new Application("A3", Set.of("en"), Set.of()));

        Assignment assignment = ReviewerAssignment.assign(applications, COMMITTEE, 3);

        assertThat(assignment.reviewers().get("A1")).doesNotContain("eve").hasSize(3);
        assertThat(assignment.reviewers().get("A2")).doesNotContain("kofi").hasSize(3);
        assertThat(assignment.reviewers().get("A2")).contains("eve");
        assertThat(assignment.reviewers().get("A1")).contains("kofi");
    }

    @Test
    void anApplicationWithFewerThanKEligibleReviewersGetsThemAllAndIsNamedForTheEscalation() {
        List<Application> applications = List.of(new Application("A1", Set.of("en"), Set.of("eve", "kofi", "lena")),
                new Application("A2", Set.of("en"), Set.of()));

        Assignment assignment = ReviewerAssignment.assign(applications, COMMITTEE, 2);

        assertThat(assignment.reviewers().get("A1")).containsExactly("omar");
        assertThat(assignment.reviewers().get("A2")).hasSize(2);
        assertThat(assignment.shortOfReviewers()).containsExactly("A1");
    }

    @Test
    void aReviewerConflictedOnEverythingDoesNotPileTheWorkOnAnother() {
        List<Reviewer> committee = List.of(new Reviewer("r0", Set.of("es")), new Reviewer("r1", Set.of("es")), new Reviewer("r2", Set.of("en")));
        List<Application> applications = new ArrayList<>();
        for (int a = 0; a < 6; a++) {
            applications.add(new Application("A" + a, Set.of("es"), Set.of("r0")));
        }

        Assignment assignment = ReviewerAssignment.assign(applications, committee, 1);

        assertThat(committee).extracting(reviewer -> assignment.load(reviewer.id())).containsExactly(0, 3, 3);
    }

    @Test
    void generatedCallsGetExactlyKEligibleReviewersAndLoadsWithinOne() {
        qt().withFixedSeed(20261204L).withExamples(60).forAll(calls()).checkAssert(call -> {
            Assignment assignment = ReviewerAssignment.assign(call.applications(), call.reviewers(), call.k());
            for (Application application : call.applications()) {
                List<String> assigned = assignment.reviewers().get(application.id());
                assertThat(assigned).as("reviewers of %s", application).hasSize(call.k()).doesNotHaveDuplicates()
                        .noneMatch(application.excluded()::contains);
            }
            var loads = call.reviewers().stream().mapToInt(reviewer -> assignment.load(reviewer.id())).summaryStatistics();
            // one exclusion per application at most, and at least k + 1 reviewers: an even spread always exists
            assertThat(loads.getMax() - loads.getMin()).as("loads of %s", call).isLessThanOrEqualTo(1);
        });
    }

    @Test
    void aLargeCallIsAssigned() {
        // 500 applications, 15 reviewers, 3 each, a conflict on one in ten (timed in bench/selection.sh, not here)
        Random random = new Random(11);
        List<String> languages = List.of("en", "ar", "fr", "es", "zh", "ru");
        List<Reviewer> reviewers = new ArrayList<>();
        for (int r = 0; r < 15; r++) {
            reviewers.add(new Reviewer("r" + r, Set.copyOf(List.of("en", languages.get(random.nextInt(6))))));
        }
        List<Application> applications = new ArrayList<>();
        for (int a = 0; a < 500; a++) {
            applications.add(new Application("A" + a, Set.of(languages.get(random.nextInt(6))),
                    a % 10 == 0 ? Set.of("r" + random.nextInt(15)) : Set.of()));
        }

        Assignment assignment = ReviewerAssignment.assign(applications, reviewers, 3);

        assertThat(assignment.reviewers().values()).allSatisfy(assigned -> assertThat(assigned).hasSize(3));
        assertThat(reviewers).extracting(reviewer -> assignment.load(reviewer.id())).containsOnly(100);
    }

    record Call(List<Application> applications, List<Reviewer> reviewers, int k) {
    }

    private static Gen<Call> calls() {
        return longs().all().zip(integers().between(1, 30), integers().between(1, 3), (seed, size, k) -> {
            Random random = new Random(seed);
            List<String> languages = List.of("en", "ar", "fr", "es");
            List<Reviewer> reviewers = new ArrayList<>();
            int committee = k + 1 + random.nextInt(5);
            for (int r = 0; r < committee; r++) {
                reviewers.add(new Reviewer("r" + r, Set.copyOf(List.of(languages.get(random.nextInt(4)), languages.get(random.nextInt(4))))));
            }
            List<Application> applications = new ArrayList<>();
            for (int a = 0; a < size; a++) {
                Set<String> excluded = new HashSet<>();
                if (random.nextInt(3) == 0) {
                    excluded.add("r" + random.nextInt(committee));
                }
                applications.add(new Application("A" + a, Set.of(languages.get(random.nextInt(4))), excluded));
            }
            return new Call(applications, reviewers, k);
        });
    }
}
