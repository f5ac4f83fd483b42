package org.cultivate.taskforce;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The panel is complete: every applicant still waiting hears their outcome. */
@Component("announceTaskForcePanelDelegate")
class AnnounceTaskForcePanelDelegate implements JavaDelegate {

    private final SeatOffers offers;

    AnnounceTaskForcePanelDelegate(SeatOffers offers) {
        this.offers = offers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        offers.announce(execution);
    }
}
