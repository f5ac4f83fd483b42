package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cultivate.taskforce.PanelSelection.Applicant;
import org.cultivate.taskforce.PanelSelection.Quota;
import org.cultivate.taskforce.TaskForceCalls.Application;
import org.springframework.stereotype.Service;

import static org.cultivate.taskforce.TaskForceProcess.*;

/**
 * A call's panel from the selection to the announcement, kept in the call's variables: the
 * candidates as the selection weighed them ({@value #CANDIDATES}), the panel and the reserves in
 * order, the offers waiting and the seats accepted. The committee's swaps, the offers, a declined
 * seat's replacement and the announcement all change these, and only these.
 */
@Service
class SeatOffers {

    /** Each reviewed application as the selection weighed it: reference, score, spread, reviews, categories. */
    static final String CANDIDATES = "candidates";
    static final String MEMBER = "member";
    static final String RESERVE = "reserve";
    static final String NOT_SELECTED = "not-selected";

    private final TaskForceCalls calls;
    private final RuntimeService runtimeService;

    SeatOffers(TaskForceCalls calls, RuntimeService runtimeService) {
        this.calls = calls;
        this.runtimeService = runtimeService;
    }

    /** The selection: the best panel within the quotas, or within their smallest relaxation. */
    void select(DelegateExecution call) {
        List<Application> reviewed = calls.reviewed(call.getProcessBusinessKey());
        List<Applicant> applicants = reviewed.stream().map(SeatOffers::applicant).toList();
        int seats = ((Number) call.getVariable(SEATS)).intValue();
        var panel = PanelSelection.select(applicants, seats, quotas(call.getVariables()));
        var candidates = new ArrayList<Map<String, Object>>();
        for (Application application : reviewed) {
            var candidate = new LinkedHashMap<String, Object>();
            candidate.put("reference", application.reference());
            candidate.put(SCORE, application.score());
            candidate.put(SCORE_SPREAD, application.spread());
            candidate.put(REVIEW_COUNT, application.reviewCount());
            application.categories().forEach((category, values) -> candidate.put(category, new ArrayList<>(values)));
            candidates.add(candidate);
        }
        call.setVariable(CANDIDATES, candidates);
        call.setVariable(PANEL, new ArrayList<>(panel.members().stream().map(Applicant::id).toList()));
        call.setVariable(RESERVES, new ArrayList<>(panel.reserves().stream().map(Applicant::id).toList()));
        call.setVariable(RELAXATIONS, new ArrayList<>(panel.relaxations().stream().map(PanelSelection.Relaxation::words).toList()));
        call.setVariable(SELECTION_SUMMARY, summary(call.getVariables()));
    }

    /** The balance view in words, for the confirmation task. */
    static String summary(Map<String, Object> call) {
        Map<String, Applicant> candidates = candidates(call);
        List<Applicant> panel = references(call, PANEL).stream().map(candidates::get).toList();
        var text = new StringBuilder();
        List<String> relaxations = references(call, RELAXATIONS);
        text.append(relaxations.isEmpty() ? "The panel keeps every quota." : "No panel keeps every quota; the smallest relaxation is: "
                + String.join("; ", relaxations) + ".");
        text.append(String.format(Locale.ROOT, "\nPanel (%d, total score %.2f):", panel.size(),
                panel.stream().mapToDouble(Applicant::score).sum()));
        panel.forEach(member -> text.append("\n- ").append(line(member, call)));
        text.append("\nQuotas:");
        for (var balance : PanelSelection.balance(panel, quotas(call))) {
            Quota quota = balance.quota();
            text.append(String.format(Locale.ROOT, "\n- %s %s: %d (least %s, most %s)%s", quota.category(), quota.value(), balance.members(),
                    quota.min() == null ? "-" : quota.min(), quota.max() == null ? "-" : quota.max(), balance.kept() ? "" : " NOT KEPT"));
        }
        text.append("\nReserves, in order:");
        references(call, RESERVES).forEach(reference -> text.append("\n- ").append(line(candidates.get(reference), call)));
        return text.toString();
    }

    private static String line(Applicant applicant, Map<String, Object> call) {
        Map<String, Object> candidate = candidateMaps(call).get(applicant.id());
        return String.format(Locale.ROOT, "%s: %.2f (%s reviews, spread %.2f) — %s", applicant.id(), applicant.score(),
                candidate.get(REVIEW_COUNT), ((Number) candidate.get(SCORE_SPREAD)).doubleValue(),
                applicant.categories().entrySet().stream().filter(entry -> !entry.getValue().isEmpty()).sorted(Map.Entry.comparingByKey())
                        .map(entry -> entry.getKey() + " " + String.join("/", entry.getValue().stream().sorted().toList()))
                        .collect(Collectors.joining(", ")));
    }

    /** Offers a seat to each of these applications. */
    void offer(VariableScope call, List<String> references) {
        List<String> pending = new ArrayList<>(references(call.getVariables(), PENDING_OFFERS));
        for (String reference : references) {
            runtimeService.createMessageCorrelation(MESSAGE_OFFER).processInstanceBusinessKey(reference).correlate();
            pending.add(reference);
        }
        call.setVariable(PENDING_OFFERS, pending);
        if (!call.hasVariable(ACCEPTED)) {
            call.setVariable(ACCEPTED, new ArrayList<String>());
        }
    }

    /**
     * An application's answer: an accepted seat is kept; a declined or lapsed one, or one given back
     * by a withdrawal, goes to the first reserve with whom the panel keeps every quota it kept.
     */
    void answer(DelegateExecution execution) {
        Map<String, Object> call = execution.getVariables();
        String reference = (String) call.get(ANSWERING_APPLICATION);
        boolean accepted = Boolean.TRUE.equals(call.get(TellTaskForceCallDelegate.OFFER_ACCEPTED));
        List<String> pending = new ArrayList<>(references(call, PENDING_OFFERS));
        List<String> taken = new ArrayList<>(references(call, ACCEPTED));
        pending.remove(reference);
        execution.setVariable(PENDING_OFFERS, pending);
        if (accepted) {
            taken.add(reference);
            execution.setVariable(ACCEPTED, taken);
            return;
        }
        taken.remove(reference);
        execution.setVariable(ACCEPTED, taken);
        Map<String, Applicant> candidates = candidates(call);
        List<String> panel = new ArrayList<>(references(call, PANEL));
        if (!panel.contains(reference)) {
            return;
        }
        Set<String> stillWaiting = calls.reviewed(execution.getProcessBusinessKey()).stream().map(Application::reference)
                .collect(Collectors.toSet());
        List<Applicant> reserves = references(call, RESERVES).stream().filter(stillWaiting::contains).map(candidates::get).toList();
        Optional<Applicant> next = PanelSelection.replacement(panel.stream().map(candidates::get).toList(), candidates.get(reference), reserves,
                quotas(call));
        panel.remove(reference);
        next.ifPresent(replacement -> {
            panel.add(replacement.id());
            List<String> left = new ArrayList<>(references(call, RESERVES));
            left.remove(replacement.id());
            execution.setVariable(RESERVES, left);
        });
        execution.setVariable(PANEL, panel);
        next.ifPresent(replacement -> offer(execution, List.of(replacement.id())));
    }

    /** Everyone still waiting hears once; the members who consented are listed on the call's page. */
    void announce(DelegateExecution call) {
        List<String> taken = references(call.getVariables(), ACCEPTED);
        int seats = ((Number) call.getVariable(SEATS)).intValue();
        List<String> reserves = references(call.getVariables(), RESERVES).stream().limit(seats).toList();
        var listed = new ArrayList<String>();
        for (Application application : calls.applications(call.getProcessBusinessKey())) {
            String outcome = taken.contains(application.reference()) ? MEMBER : reserves.contains(application.reference()) ? RESERVE : NOT_SELECTED;
            if (MEMBER.equals(outcome) && application.listConsent()) {
                listed.add(application.name());
            }
            runtimeService.createMessageCorrelation(MESSAGE_ANNOUNCEMENT).processInstanceId(application.caseId())
                    .setVariable(FINAL_OUTCOME, outcome).correlateAll();
        }
        call.setVariable(ANNOUNCED_MEMBERS, listed);
    }

    static Applicant applicant(Application application) {
        return new Applicant(application.reference(), application.score(), application.categories());
    }

    static List<Quota> quotas(Map<String, Object> call) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> quotas = (List<Map<String, Object>>) call.get(QUOTAS);
        return quotas == null ? List.of() : quotas.stream().map(BalanceRules::fromVariable).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> candidateMaps(Map<String, Object> call) {
        var byReference = new LinkedHashMap<String, Map<String, Object>>();
        for (Map<String, Object> candidate : (List<Map<String, Object>>) call.get(CANDIDATES)) {
            byReference.put((String) candidate.get("reference"), candidate);
        }
        return byReference;
    }

    /** The candidates as the selection's applicants, by reference. */
    static Map<String, Applicant> candidates(Map<String, Object> call) {
        var applicants = new LinkedHashMap<String, Applicant>();
        candidateMaps(call).forEach((reference, candidate) -> {
            var categories = new LinkedHashMap<String, Set<String>>();
            for (String category : CATEGORIES) {
                categories.put(category, Set.copyOf(TaskForceCalls.strings(candidate.get(category))));
            }
            applicants.put(reference, new Applicant(reference, ((Number) candidate.get(SCORE)).doubleValue(), categories));
        });
        return applicants;
    }

    static List<String> references(Map<String, Object> call, String variable) {
        return TaskForceCalls.strings(call.get(variable));
    }
}
