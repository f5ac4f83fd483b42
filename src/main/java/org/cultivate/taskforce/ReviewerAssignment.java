package org.cultivate.taskforce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Gives each application of a call exactly {@code k} reviewers of the selection committee: never
 * the applicant themself nor a reviewer who declared a conflict on that application, with loads as
 * even as they can be (they differ by at most one whenever the conflicts allow it), and within
 * that, as many reviewers who read the application's language as possible. An application with
 * fewer than {@code k} eligible reviewers gets all of them and is named for the escalation. An
 * integer program solved by ojAlgo: the most language matches within the evenest loads.
 */
final class ReviewerAssignment {

    private ReviewerAssignment() {
    }

    /** An application, with the languages it is written in, and who may not review it (the applicant, the conflicted). */
    record Application(String id, Set<String> languages, Set<String> excluded) {
    }

    /** A member of the selection committee and the languages they read. */
    record Reviewer(String id, Set<String> languages) {
    }

    /** The reviewers of each application (in the committee's order), and the applications short of {@code k} eligible reviewers. */
    record Assignment(Map<String, List<String>> reviewers, List<String> shortOfReviewers) {

        int load(String reviewer) {
            return (int) reviewers.values().stream().filter(assigned -> assigned.contains(reviewer)).count();
        }
    }

    static Assignment assign(List<Application> applications, List<Reviewer> reviewers, int k) {
        if (k < 1 || reviewers.isEmpty()) {
            throw new IllegalArgumentException("Each application needs at least one reviewer, of a committee with members");
        }
        int reviews = applications.stream().mapToInt(application -> Math.min(k, eligible(application, reviewers).size())).sum();
        int even = reviews / reviewers.size();
        int evenUp = (reviews + reviewers.size() - 1) / reviewers.size();
        // loads as even as the reviews allow, widened one step at a time while the conflicts forbid it
        for (int widen = 0; widen <= reviews; widen++) {
            Model model = new Model(applications, reviewers, k, Math.max(0, even - widen), evenUp + widen);
            Optimisation.Result result = model.model.maximise();
            if (result.getState().isOptimal()) {
                return model.assignment(result, shortOfReviewers(applications, reviewers, k));
            }
        }
        throw new IllegalStateException("No assignment of " + reviews + " reviews to " + reviewers.size() + " reviewers");
    }

    private static List<String> shortOfReviewers(List<Application> applications, List<Reviewer> reviewers, int k) {
        return applications.stream().filter(application -> eligible(application, reviewers).size() < k).map(Application::id).toList();
    }

    private static boolean reads(Reviewer reviewer, Application application) {
        return application.languages().stream().anyMatch(reviewer.languages()::contains);
    }

    private static List<Reviewer> eligible(Application application, List<Reviewer> reviewers) {
        return reviewers.stream().filter(reviewer -> !application.excluded().contains(reviewer.id())).toList();
    }

    private record Pair(Application application, Reviewer reviewer) {
    }

    /**
     * One 0/1 variable per eligible pair, weighted 1 where the reviewer reads the application's
     * language; each application's reviewers; each reviewer's load within the bounds. A bipartite
     * transportation problem with interval bounds: its linear relaxation is already integral, so
     * the solver needs no branching.
     */
    private static final class Model {

        final ExpressionsBasedModel model = new ExpressionsBasedModel();
        private final List<Pair> pairs = new ArrayList<>();
        private final List<Application> applications;

        Model(List<Application> applications, List<Reviewer> reviewers, int k, int lowest, int highest) {
            this.applications = applications;
            Map<Reviewer, Expression> loads = new LinkedHashMap<>();
            reviewers.forEach(reviewer -> loads.put(reviewer, model.addExpression("load-" + reviewer.id()).lower(lowest).upper(highest)));
            for (Application application : applications) {
                List<Reviewer> eligible = eligible(application, reviewers);
                Expression count = model.addExpression("reviewers-" + application.id()).level(Math.min(k, eligible.size()));
                for (Reviewer reviewer : eligible) {
                    Variable pair = model.addVariable(application.id() + "/" + reviewer.id()).binary()
                            .weight(reads(reviewer, application) ? 1 : 0);
                    pairs.add(new Pair(application, reviewer));
                    count.set(pair, 1);
                    loads.get(reviewer).set(pair, 1);
                }
            }
        }

        Assignment assignment(Optimisation.Result result, List<String> shortOf) {
            Map<String, List<String>> assigned = new LinkedHashMap<>();
            applications.forEach(application -> assigned.put(application.id(), new ArrayList<>()));
            for (int i = 0; i < pairs.size(); i++) {
                if (result.get(i).compareTo(BigDecimal.valueOf(0.5)) > 0) {
                    assigned.get(pairs.get(i).application().id()).add(pairs.get(i).reviewer().id());
                }
            }
            assigned.replaceAll((id, list) -> Collections.unmodifiableList(list));
            return new Assignment(Collections.unmodifiableMap(assigned), shortOf);
        }
    }
}
