package org.cultivate.taskforce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Chooses a task force: at most {@code seats} applicants who keep every quota (at least and at most
 * so many members with a region, a language, a gender, an experience level) with the highest total
 * score. An integer program solved by ojAlgo, in three rounds: the smallest relaxation of the
 * quotas that makes them feasible (none when they are), the highest total score within them, and
 * among the panels with that score the one whose members' application positions add up least
 * (earlier applications first), so that equal scores are broken the same way every time.
 */
final class PanelSelection {

    /** Scores are compared to a thousandth: a weighted mean of 1–5 needs no more. */
    private static final int SCORE_SCALE = 1000;

    private PanelSelection() {
    }

    /**
     * One applicant, in the order they applied: their score, and for each category (region,
     * language, …) the values they have; an applicant may have several (the languages they speak).
     */
    record Applicant(String id, double score, Map<String, Set<String>> categories) {

        boolean has(Quota quota) {
            return categories.getOrDefault(quota.category(), Set.of()).contains(quota.value());
        }
    }

    /** At least {@code min} and at most {@code max} members with this value of this category; either may be absent. */
    record Quota(String category, String value, Integer min, Integer max) {
    }

    /** How far a quota had to give for any panel to exist: {@code fewer} members than its minimum, or {@code more} than its maximum. */
    record Relaxation(Quota quota, int fewer, int more) {

        /** In the committee's words: "one fewer member with region ESEAP than the minimum of 2". */
        String words() {
            String what = " with " + quota.category() + " " + quota.value() + " than the ";
            return fewer > 0 ? count(fewer) + " fewer " + members(fewer) + what + "minimum of " + quota.min()
                    : count(more) + " more " + members(more) + what + "maximum of " + quota.max();
        }
    }

    /** The members in order of score, the reserves in order, the panel's total score, and what gave. */
    record Panel(List<Applicant> members, List<Applicant> reserves, double totalScore, List<Relaxation> relaxations) {

        boolean balanced() {
            return relaxations.isEmpty();
        }
    }

    static Panel select(List<Applicant> applicants, int seats, List<Quota> quotas) {
        if (seats < 1) {
            throw new IllegalArgumentException("A task force has at least one seat");
        }
        int n = applicants.size();
        // round 1: the least the quotas must give
        Model relaxing = new Model(applicants, seats, quotas);
        relaxing.slackWeights(1);
        Optimisation.Result least = relaxing.model.minimise();
        require(least, "relaxing the quotas");
        long slack = Math.round(least.getValue());
        // round 2: the best score within that
        Model scoring = new Model(applicants, seats, quotas);
        scoring.slackAtMost(slack);
        for (int i = 0; i < n; i++) {
            scoring.chosen[i].weight(scaled(applicants.get(i).score()));
        }
        Optimisation.Result best = scoring.model.maximise();
        require(best, "maximising the score");
        long score = Math.round(best.getValue());
        // round 3: among the best, the smallest sum of application positions
        Model breaking = new Model(applicants, seats, quotas);
        breaking.slackAtMost(slack);
        Expression atBest = breaking.model.addExpression("best").lower(score);
        for (int i = 0; i < n; i++) {
            atBest.set(breaking.chosen[i], scaled(applicants.get(i).score()));
            breaking.chosen[i].weight(n - i);
        }
        Optimisation.Result earliest = breaking.model.maximise();
        require(earliest, "breaking ties");

        Comparator<Integer> byScore = Comparator.<Integer>comparingDouble(i -> -applicants.get(i).score()).thenComparing(i -> i);
        List<Applicant> members = IntStream.range(0, n).filter(i -> earliest.get(i).compareTo(BigDecimal.valueOf(0.5)) > 0).boxed()
                .sorted(byScore).map(applicants::get).toList();
        List<Applicant> reserves = IntStream.range(0, n).filter(i -> !members.contains(applicants.get(i))).boxed().sorted(byScore)
                .map(applicants::get).toList();
        List<Relaxation> relaxations = balance(members, quotas).stream().filter(balance -> !balance.kept())
                .map(balance -> new Relaxation(balance.quota(),
                        balance.quota().min() == null ? 0 : Math.max(0, balance.quota().min() - balance.members()),
                        balance.quota().max() == null ? 0 : Math.max(0, balance.members() - balance.quota().max())))
                .toList();
        return new Panel(members, reserves, members.stream().mapToDouble(Applicant::score).sum(), relaxations);
    }

    /** Where a panel stands against one quota: how many members have the value, and whether that keeps it. */
    record Balance(Quota quota, int members, boolean kept) {
    }

    /** A panel's members against each quota, as the committee's balance view shows them. */
    static List<Balance> balance(List<Applicant> members, List<Quota> quotas) {
        return quotas.stream().map(quota -> {
            int with = (int) members.stream().filter(member -> member.has(quota)).count();
            boolean kept = (quota.min() == null || with >= quota.min()) && (quota.max() == null || with <= quota.max());
            return new Balance(quota, with, kept);
        }).toList();
    }

    /** What a swap does: the score it costs (negative) or gains, and the quotas the panel keeps no longer, or now keeps. */
    record Swap(double scoreChange, List<Quota> broken, List<Quota> mended) {
    }

    /** The committee's swap of a member for someone else, weighed before it is made. */
    static Swap swap(List<Applicant> members, Applicant out, Applicant in, List<Quota> quotas) {
        if (!members.contains(out) || members.contains(in)) {
            throw new IllegalArgumentException("A swap takes a member out and someone not on the panel in");
        }
        List<Applicant> after = new ArrayList<>(members);
        after.set(after.indexOf(out), in);
        List<Balance> before = balance(members, quotas);
        List<Balance> now = balance(after, quotas);
        var broken = new ArrayList<Quota>();
        var mended = new ArrayList<Quota>();
        for (int q = 0; q < quotas.size(); q++) {
            if (before.get(q).kept() && !now.get(q).kept()) {
                broken.add(quotas.get(q));
            } else if (!before.get(q).kept() && now.get(q).kept()) {
                mended.add(quotas.get(q));
            }
        }
        return new Swap(in.score() - out.score(), broken, mended);
    }

    /**
     * Who takes a seat a member declined: the first reserve, in order, with whom the panel keeps
     * every quota it kept; none when no reserve does (the committee decides).
     */
    static Optional<Applicant> replacement(List<Applicant> members, Applicant declined, List<Applicant> reserves,
            List<Quota> quotas) {
        List<Balance> before = balance(members, quotas);
        for (Applicant reserve : reserves) {
            List<Applicant> after = new ArrayList<>(members);
            after.set(after.indexOf(declined), reserve);
            List<Balance> now = balance(after, quotas);
            boolean keeps = IntStream.range(0, quotas.size()).allMatch(q -> !before.get(q).kept() || now.get(q).kept());
            if (keeps) {
                return Optional.of(reserve);
            }
        }
        return Optional.empty();
    }

    private static long scaled(double score) {
        return Math.round(score * SCORE_SCALE);
    }

    private static void require(Optimisation.Result result, String step) {
        if (!result.getState().isOptimal()) {
            throw new IllegalStateException("The selection solver found no optimum " + step + ": " + result.getState());
        }
    }

    /** The shared part of every round: one 0/1 variable per applicant, the seats, and each quota with its slack. */
    private static final class Model {

        final ExpressionsBasedModel model = new ExpressionsBasedModel();
        final Variable[] chosen;
        final List<Variable> slacks = new ArrayList<>();

        Model(List<Applicant> applicants, int seats, List<Quota> quotas) {
            chosen = new Variable[applicants.size()];
            Expression seated = model.addExpression("seats").upper(seats);
            for (int i = 0; i < chosen.length; i++) {
                chosen[i] = model.addVariable("applicant-" + i).binary();
                seated.set(chosen[i], 1);
            }
            for (int q = 0; q < quotas.size(); q++) {
                Quota quota = quotas.get(q);
                if (quota.min() != null) {
                    // members with the value, plus how many fewer are allowed, reach the minimum
                    Variable fewer = model.addVariable("fewer-" + q).integer().lower(0).upper(quota.min());
                    Expression atLeast = model.addExpression("min-" + q).lower(quota.min());
                    atLeast.set(fewer, 1);
                    with(applicants, quota, atLeast);
                    slacks.add(fewer);
                }
                if (quota.max() != null) {
                    Variable more = model.addVariable("more-" + q).integer().lower(0).upper(seats);
                    Expression atMost = model.addExpression("max-" + q).upper(quota.max());
                    atMost.set(more, -1);
                    with(applicants, quota, atMost);
                    slacks.add(more);
                }
            }
        }

        private void with(List<Applicant> applicants, Quota quota, Expression expression) {
            for (int i = 0; i < chosen.length; i++) {
                if (applicants.get(i).has(quota)) {
                    expression.set(chosen[i], 1);
                }
            }
        }

        void slackWeights(int weight) {
            slacks.forEach(slack -> slack.weight(weight));
        }

        void slackAtMost(long total) {
            Expression relaxed = model.addExpression("relaxed").upper(total);
            slacks.forEach(slack -> relaxed.set(slack, 1));
        }
    }

    private static String count(int n) {
        return n < NUMBERS.length ? NUMBERS[n] : Integer.toString(n);
    }

    private static String members(int n) {
        return n == 1 ? "member" : "members";
    }

    private static final String[] NUMBERS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
}
