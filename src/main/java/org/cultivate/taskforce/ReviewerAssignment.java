package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem.MinimumCostFlowProblemImpl;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm.MinimumCostFlow;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;

/**
 * Gives each application of a call exactly {@code k} reviewers of the selection committee: never
 * the applicant themself nor a reviewer who declared a conflict on that application, with loads as
 * even as they can be (they differ by at most one whenever the conflicts allow it), and within
 * that, as many reviewers who read the application's language as possible. An application with
 * fewer than {@code k} eligible reviewers gets all of them and is named for the escalation.
 *
 * <p>A minimum-cost flow (JGraphT's capacity scaling), exact and fast at any call size: from the
 * source each application takes its reviews, each review goes to one eligible reviewer (cheaper
 * when the reviewer reads the application), and each reviewer passes on between the lowest and the
 * highest load to the sink. The loads' bounds start as even as the reviews allow and widen one step
 * at a time while the conflicts forbid them.
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
        // the narrowest band of loads the conflicts allow, tried at every place around the even load: a
        // reviewer conflicted on everything pulls the lowest load down without pushing the highest up
        for (int spread = evenUp - even; spread <= reviews; spread++) {
            for (int lowest = even; lowest >= Math.max(0, evenUp - spread); lowest--) {
                Map<String, List<String>> assigned = flow(applications, reviewers, k, reviews, lowest, lowest + spread);
                if (assigned != null) {
                    List<String> shortOf = applications.stream().filter(application -> eligible(application, reviewers).size() < k)
                            .map(Application::id).toList();
                    return new Assignment(Collections.unmodifiableMap(assigned), shortOf);
                }
            }
        }
        throw new IllegalStateException("No assignment of " + reviews + " reviews to " + reviewers.size() + " reviewers");
    }

    /** One arc of the flow: its bounds and cost, and the pair it stands for when it joins an application to a reviewer. */
    private record Arc(int lower, int upper, double cost, Application application, Reviewer reviewer) {
    }

    /** The reviewers of each application, or null when no flow keeps every load within the bounds. */
    private static Map<String, List<String>> flow(List<Application> applications, List<Reviewer> reviewers, int k, int reviews,
            int lowest, int highest) {
        // the algorithm reads each arc's cost as the graph's edge weight
        Graph<String, Arc> graph = new DefaultDirectedWeightedGraph<>(null, null);
        String source = "source";
        String sink = "sink";
        graph.addVertex(source);
        graph.addVertex(sink);
        for (Reviewer reviewer : reviewers) {
            graph.addVertex("reviewer:" + reviewer.id());
            add(graph, "reviewer:" + reviewer.id(), sink, new Arc(lowest, highest, 0, null, reviewer));
        }
        for (Application application : applications) {
            String node = "application:" + application.id();
            graph.addVertex(node);
            List<Reviewer> eligible = eligible(application, reviewers);
            int count = Math.min(k, eligible.size());
            add(graph, source, node, new Arc(count, count, 0, application, null));
            for (Reviewer reviewer : eligible) {
                add(graph, node, "reviewer:" + reviewer.id(), new Arc(0, 1, reads(reviewer, application) ? 0 : 1, application, reviewer));
            }
        }
        Map<String, Integer> supply = new HashMap<>(Map.of(source, reviews, sink, -reviews));
        MinimumCostFlow<Arc> flow;
        try {
            flow = new CapacityScalingMinimumCostFlow<String, Arc>().getMinimumCostFlow(new MinimumCostFlowProblemImpl<>(graph,
                    vertex -> supply.getOrDefault(vertex, 0), Arc::upper, Arc::lower, Arc::cost));
        } catch (IllegalArgumentException | IllegalStateException infeasible) {
            return null;
        }
        Map<String, List<String>> assigned = new LinkedHashMap<>();
        applications.forEach(application -> assigned.put(application.id(), new ArrayList<>()));
        for (Reviewer reviewer : reviewers) {
            for (Application application : applications) {
                Arc pair = graph.getEdge("application:" + application.id(), "reviewer:" + reviewer.id());
                if (pair != null && flow.getFlow(pair) > 0.5) {
                    assigned.get(application.id()).add(reviewer.id());
                }
            }
        }
        assigned.replaceAll((id, list) -> Collections.unmodifiableList(list));
        return assigned;
    }

    private static void add(Graph<String, Arc> graph, String from, String to, Arc arc) {
        graph.addEdge(from, to, arc);
        graph.setEdgeWeight(arc, arc.cost());
    }

    private static boolean reads(Reviewer reviewer, Application application) {
        return application.languages().stream().anyMatch(reviewer.languages()::contains);
    }

    private static List<Reviewer> eligible(Application application, List<Reviewer> reviewers) {
        return reviewers.stream().filter(reviewer -> !application.excluded().contains(reviewer.id())).toList();
    }
}
