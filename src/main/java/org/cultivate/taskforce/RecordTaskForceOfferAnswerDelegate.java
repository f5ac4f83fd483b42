package org.cultivate.taskforce;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An applicant answered an offer, or gave a seat back. */
@Component("recordTaskForceOfferAnswerDelegate")
class RecordTaskForceOfferAnswerDelegate implements JavaDelegate {

    private final SeatOffers offers;

    RecordTaskForceOfferAnswerDelegate(SeatOffers offers) {
        this.offers = offers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        offers.answer(execution);
    }
}
