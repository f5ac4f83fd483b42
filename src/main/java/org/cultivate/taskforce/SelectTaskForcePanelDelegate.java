package org.cultivate.taskforce;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The selection of the panel (taskforce.PanelSelection), kept for the committee's confirmation. */
@Component("selectTaskForcePanelDelegate")
class SelectTaskForcePanelDelegate implements JavaDelegate {

    private final SeatOffers offers;

    SelectTaskForcePanelDelegate(SeatOffers offers) {
        this.offers = offers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        offers.select(execution);
    }
}
