package org.cultivate.conduct;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

import static org.cultivate.conduct.ConductIncidentProcess.TIMER_ACKNOWLEDGE_DEADLINE;

/**
 * {@code cultivate.conduct.acknowledgements.missed}: how many reports were not acknowledged within
 * the triage table's deadline (as far back as the history is kept).
 */
@Component
class ConductMetrics {

    ConductMetrics(HistoryService historyService, MeterRegistry registry) {
        Gauge.builder("cultivate.conduct.acknowledgements.missed", historyService, history -> history
                        .createHistoricActivityInstanceQuery()
                        // the timer's id is this process's own; no other Cultivate process uses it
                        .activityId(TIMER_ACKNOWLEDGE_DEADLINE)
                        .count())
                .description("Code-of-conduct reports whose acknowledgement deadline passed before anyone acknowledged them")
                .register(registry);
    }
}
