package org.cultivate.taskforce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.cultivate.system.PublicFigures;
import org.springframework.stereotype.Service;

import static org.cultivate.taskforce.TaskForceProcess.*;

/**
 * What the portal shows of a call, open or long closed: its page (with the members who agreed to
 * be listed once it is announced) and its statistics, every count under
 * {@value PublicFigures#SMALLEST_PUBLIC_COUNT} suppressed. Read from the engine's history, which
 * holds ended calls as well as running ones.
 */
@Service
class TaskForcePages {

    private final HistoryService historyService;

    TaskForcePages(HistoryService historyService) {
        this.historyService = historyService;
    }

    /** A call's public page: {@code state} is scheduled, open, closed (reviewing and selecting) or announced. */
    record CallPage(String reference, String name, String purpose, int seats, LocalDate opensOn, LocalDate closesOn,
            List<String> languages, Map<String, Map<String, String>> translations, String state, List<String> members) {
    }

    /** Applications by region, language, gender and experience; a suppressed count is null, never left out. */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    record Statistics(String call, Integer applications, Map<String, List<Count>> by, Integer reviewsDone, int smallestCountShown) {
    }

    /** How many applications have this value; null when too few to show. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Count(String value, Integer count) {
    }

    Optional<CallPage> page(String reference, String state) {
        return call(reference).map(call -> {
            var names = new ArrayList<>(callTexts());
            names.addAll(List.of(SEATS, OPENS_ON, CLOSES_ON, CALL_LANGUAGES, ANNOUNCED_MEMBERS));
            Map<String, Object> v = variables(call.getId(), names);
            boolean announced = v.containsKey(ANNOUNCED_MEMBERS);
            return new CallPage(reference, (String) v.get(TASK_FORCE_NAME), (String) v.get(PURPOSE), ((Number) v.get(SEATS)).intValue(),
                    LocalDate.parse((String) v.get(OPENS_ON)), LocalDate.parse((String) v.get(CLOSES_ON)),
                    TaskForceCalls.strings(v.get(CALL_LANGUAGES)), translations(v), announced ? "announced" : state,
                    announced ? TaskForceCalls.strings(v.get(ANNOUNCED_MEMBERS)) : List.of());
        });
    }

    Optional<Statistics> statistics(String reference) {
        return call(reference).map(call -> {
            String[] applications = historyService.createHistoricVariableInstanceQuery().variableValueEquals(CALL_REFERENCE, reference).list()
                    .stream().map(HistoricVariableInstance::getProcessInstanceId).distinct().toArray(String[]::new);
            var by = new LinkedHashMap<String, Map<String, Integer>>();
            for (String category : List.of(REGION, LANGUAGES, GENDER, EXPERIENCE)) {
                by.put(category.equals(LANGUAGES) ? "language" : category, new TreeMap<>());
            }
            int reviews = 0;
            if (applications.length > 0) {
                for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(applications)
                        .variableNameIn(REGION, LANGUAGES, GENDER, EXPERIENCE).list()) {
                    String category = variable.getName().equals(LANGUAGES) ? "language" : variable.getName();
                    for (String value : variable.getName().equals(LANGUAGES) ? TaskForceCalls.strings(variable.getValue())
                            : variable.getValue() == null ? List.<String>of() : List.of(variable.getValue().toString())) {
                        by.get(category).merge(value, 1, Integer::sum);
                    }
                }
                reviews = (int) historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(applications)
                        .variableNameLike(REVIEW_PREFIX + "%").count();
            }
            int threshold = PublicFigures.threshold(false);
            var shown = new LinkedHashMap<String, List<Count>>();
            by.forEach((category, counts) -> shown.put(category, counts.entrySet().stream()
                    .map(count -> new Count(count.getKey(), PublicFigures.suppress(count.getValue(), threshold))).toList()));
            return new Statistics(reference, PublicFigures.suppress(applications.length, threshold), shown,
                    PublicFigures.suppress(reviews, threshold), threshold);
        });
    }

    private Optional<HistoricProcessInstance> call(String reference) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CALL_PROCESS_KEY).processInstanceBusinessKey(reference)
                .list().stream().findFirst();
    }

    private Map<String, Object> variables(String caseId, List<String> names) {
        var values = new LinkedHashMap<String, Object>();
        historyService.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableNameIn(names.toArray(String[]::new)).list()
                .forEach(variable -> values.put(variable.getName(), variable.getValue()));
        return values;
    }
}
