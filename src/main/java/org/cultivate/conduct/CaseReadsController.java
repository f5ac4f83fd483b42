package org.cultivate.conduct;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.cultivate.identity.CaseReadLog;
import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/conduct/cases/{reference}/reads}: who among the staff read a case's data, and
 * when. The engine looks the case up as the caller, so a member recused from it gets the same
 * 404 as for a case that does not exist.
 */
@RestController
class CaseReadsController {

    private final HistoryService historyService;
    private final CaseReadLog caseReadLog;

    CaseReadsController(HistoryService historyService, CaseReadLog caseReadLog) {
        this.historyService = historyService;
        this.caseReadLog = caseReadLog;
    }

    @GetMapping("/api/conduct/cases/{reference}/reads")
    List<CaseReadLog.Read> reads(@PathVariable String reference) {
        HistoricProcessInstance found = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ConductIncidentProcess.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
        if (found == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "No such case", "There is no case " + reference + " that you may see.");
        }
        return caseReadLog.readsOf(found.getId());
    }
}
