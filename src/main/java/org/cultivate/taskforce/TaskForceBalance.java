package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cultivate.system.ApiProblem;
import org.cultivate.taskforce.PanelSelection.Applicant;
import org.cultivate.taskforce.PanelSelection.Quota;
import org.cultivate.taskforce.TaskForceCalls.Application;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import static org.cultivate.taskforce.TaskForceProcess.*;

/**
 * The committee's balance view of a proposed panel, and its swaps: the panel against each quota,
 * the reserves in order, each with score, spread and categories, and what every swap of a member
 * for a reserve costs in score and in quotas. A member recused from an application sees it as a
 * reference only, and cannot swap it.
 */
@Service
class TaskForceBalance {

    static final String CONFIRMATION = "UserTask_ConfirmPanel";

    private final TaskForceCalls calls;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    TaskForceBalance(TaskForceCalls calls, RuntimeService runtimeService, TaskService taskService) {
        this.calls = calls;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    record Entry(String reference, boolean recused, Double score, Double spread, Integer reviews, Map<String, List<String>> categories) {
    }

    record QuotaView(String category, String value, Integer min, Integer max, int members, boolean kept) {
    }

    record SwapView(String out, String in, double scoreChange, List<String> breaks, List<String> mends) {
    }

    record View(String call, boolean confirmable, List<String> relaxations, List<QuotaView> quotas, List<Entry> panel, List<Entry> reserves,
            List<SwapView> swaps) {
    }

    View view(String reference, String user) {
        ProcessInstance call = proposed(reference);
        Map<String, Object> variables = runtimeService.getVariables(call.getId());
        Set<String> recused = recusedFrom(reference, user);
        Map<String, Applicant> candidates = SeatOffers.candidates(variables);
        Map<String, Map<String, Object>> details = SeatOffers.candidateMaps(variables);
        List<String> panel = SeatOffers.references(variables, PANEL);
        List<String> reserves = SeatOffers.references(variables, RESERVES);
        List<Quota> quotas = SeatOffers.quotas(variables);
        List<Applicant> members = panel.stream().map(candidates::get).toList();
        var swaps = new ArrayList<SwapView>();
        for (String out : panel) {
            for (String in : reserves) {
                if (!recused.contains(out) && !recused.contains(in)) {
                    var swap = PanelSelection.swap(members, candidates.get(out), candidates.get(in), quotas);
                    swaps.add(new SwapView(out, in, Math.round(swap.scoreChange() * 1000) / 1000.0, words(swap.broken()), words(swap.mended())));
                }
            }
        }
        swaps.sort(Comparator.comparingDouble(SwapView::scoreChange).reversed());
        return new View(reference, waitsForConfirmation(call), SeatOffers.references(variables, RELAXATIONS),
                PanelSelection.balance(members, quotas).stream().map(balance -> new QuotaView(balance.quota().category(),
                        balance.quota().value(), balance.quota().min(), balance.quota().max(), balance.members(), balance.kept())).toList(),
                panel.stream().map(entry -> entry(entry, details, recused)).toList(),
                reserves.stream().map(entry -> entry(entry, details, recused)).toList(), swaps);
    }

    /** The committee takes {@code out} off the proposed panel and puts {@code in}, a reserve, in its place. */
    View swap(String reference, String user, String out, String in) {
        ProcessInstance call = proposed(reference);
        if (!waitsForConfirmation(call)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Panel confirmed", "The panel of " + reference + " is confirmed; it changes no more.");
        }
        Map<String, Object> variables = runtimeService.getVariables(call.getId());
        List<String> panel = new ArrayList<>(SeatOffers.references(variables, PANEL));
        List<String> reserves = new ArrayList<>(SeatOffers.references(variables, RESERVES));
        Set<String> recused = recusedFrom(reference, user);
        if (out == null || in == null || !panel.contains(out) || !reserves.contains(in) || recused.contains(out) || recused.contains(in)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid swap",
                    "A swap takes a member of the proposed panel out (\"out\") and a reserve in (\"in\"), by their references.");
        }
        panel.set(panel.indexOf(out), in);
        reserves.remove(in);
        reserves.add(out);
        Map<String, Applicant> candidates = SeatOffers.candidates(variables);
        Comparator<String> byScore = Comparator.comparingDouble(candidate -> -candidates.get(candidate).score());
        reserves.sort(byScore);
        variables.put(PANEL, panel);
        variables.put(RESERVES, reserves);
        runtimeService.setVariable(call.getId(), PANEL, panel);
        runtimeService.setVariable(call.getId(), RESERVES, reserves);
        runtimeService.setVariable(call.getId(), SELECTION_SUMMARY, SeatOffers.summary(variables));
        return view(reference, user);
    }

    private ProcessInstance proposed(String reference) {
        ProcessInstance call = calls.runningCall(reference).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "No such call",
                "There is no running call " + reference + "."));
        if (!runtimeService.getVariables(call.getId(), List.of(SeatOffers.CANDIDATES)).containsKey(SeatOffers.CANDIDATES)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "No panel yet", "The call " + reference + " has no proposed panel yet: it is selected after the reviews.");
        }
        return call;
    }

    private boolean waitsForConfirmation(ProcessInstance call) {
        return taskService.createTaskQuery().processInstanceId(call.getId()).taskDefinitionKey(CONFIRMATION).count() > 0;
    }

    private Set<String> recusedFrom(String reference, String user) {
        return calls.applications(reference).stream().filter(application -> application.recusedMembers().contains(user))
                .map(Application::reference).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(String reference, Map<String, Map<String, Object>> details, Set<String> recused) {
        if (recused.contains(reference)) {
            return new Entry(reference, true, null, null, null, Map.of());
        }
        Map<String, Object> candidate = details.get(reference);
        var categories = new LinkedHashMap<String, List<String>>();
        CATEGORIES.forEach(category -> categories.put(category, (List<String>) candidate.get(category)));
        return new Entry(reference, false, ((Number) candidate.get(SCORE)).doubleValue(), ((Number) candidate.get(SCORE_SPREAD)).doubleValue(),
                ((Number) candidate.get(REVIEW_COUNT)).intValue(), categories);
    }

    private static List<String> words(List<Quota> quotas) {
        return quotas.stream().map(quota -> quota.category() + " " + quota.value()).toList();
    }
}
