package org.cultivate.taskforce;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.taskforce.TaskForceProcess.PANEL;

/** The committee confirmed the panel: each member is offered a seat. */
@Component("offerTaskForceSeatsDelegate")
class OfferTaskForceSeatsDelegate implements JavaDelegate {

    private final SeatOffers offers;

    OfferTaskForceSeatsDelegate(SeatOffers offers) {
        this.offers = offers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        offers.offer(execution, SeatOffers.references(execution.getVariables(), PANEL));
    }
}
