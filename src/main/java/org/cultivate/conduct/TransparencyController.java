package org.cultivate.conduct;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.cultivate.conduct.TransparencyReport.CaseFigures;
import org.cultivate.identity.Groups;
import org.cultivate.identity.StaffCredentials;
import org.cultivate.system.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.cultivate.conduct.ConductIncidentProcess.FINAL_OUTCOME;
import static org.cultivate.conduct.ConductIncidentProcess.PROCESS_KEY;
import static org.cultivate.conduct.ConductIncidentProcess.SEVERITY;
import static org.cultivate.conduct.ConductIncidentProcess.TASK_ACKNOWLEDGE;

/**
 * {@code GET /api/conduct/transparency?from=2026-01-01&to=2026-06-30}: the transparency report of
 * the reports received in that period (the last twelve months by default). Anyone gets the public
 * variant; a member of the conduct committee (or an administrator) who signs in with HTTP Basic
 * gets every figure.
 */
@RestController
class TransparencyController {

    private static final String DECIDED_EVENT = "Event_Decided";

    private final HistoryService historyService;
    private final StaffCredentials staff;

    TransparencyController(HistoryService historyService, StaffCredentials staff) {
        this.historyService = historyService;
        this.staff = staff;
    }

    @GetMapping("/api/conduct/transparency")
    TransparencyReport report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate until = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        LocalDate since = from != null ? from : until.minusYears(1);
        if (since.isAfter(until)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid period", "\"from\" must not be after \"to\".");
        }
        boolean full = staff.signedInMemberOf(Groups.CONDUCT_COMMITTEE, Groups.ADMINS);
        return TransparencyReport.of(since, until, figures(since, until), full);
    }

    private List<CaseFigures> figures(LocalDate since, LocalDate until) {
        List<HistoricProcessInstance> cases = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .startedAfter(Date.from(since.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .startedBefore(Date.from(until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .list();
        if (cases.isEmpty()) {
            return List.of();
        }
        String[] ids = cases.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        Map<String, String> severities = latest(ids, SEVERITY);
        Map<String, String> outcomes = latest(ids, FINAL_OUTCOME);
        Date start = Date.from(since.atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<String, Date> acknowledged = ended(ids, TASK_ACKNOWLEDGE, start);
        Map<String, Date> decided = ended(ids, DECIDED_EVENT, start);
        return cases.stream().map(instance -> new CaseFigures(
                severities.get(instance.getId()),
                outcomes.get(instance.getId()),
                between(instance.getStartTime(), acknowledged.get(instance.getId())),
                between(instance.getStartTime(), decided.get(instance.getId())))).toList();
    }

    private Map<String, String> latest(String[] caseIds, String variable) {
        var values = new HashMap<String, String>();
        historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(caseIds).variableName(variable).list()
                .forEach(value -> values.put(value.getProcessInstanceId(), (String) value.getValue()));
        return values;
    }

    /** When each case first finished the activity; only activities since the period began can belong to its cases. */
    private Map<String, Date> ended(String[] caseIds, String activityId, Date since) {
        Set<String> wanted = Set.of(caseIds);
        var times = new HashMap<String, Date>();
        for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                .activityId(activityId).startedAfter(since).finished().list()) {
            // the first time counts: a case acknowledged once, decided once
            if (wanted.contains(activity.getProcessInstanceId())) {
                times.merge(activity.getProcessInstanceId(), activity.getEndTime(), (a, b) -> a.before(b) ? a : b);
            }
        }
        return times;
    }

    private static Duration between(Date start, Date end) {
        return start == null || end == null ? null : Duration.between(start.toInstant(), end.toInstant());
    }
}
