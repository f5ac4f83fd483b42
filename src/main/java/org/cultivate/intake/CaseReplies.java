package org.cultivate.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.cultivate.intake.CaseTrackingRepository.TrackedCase;
import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What the holder of a tracking code sends to their case: a reply to a question
 * ({@value #REPLY_MESSAGE}) or an appeal ({@value #APPEAL_MESSAGE}). Each is delivered as a
 * message with the text in {@value #TEXT} and the holder in {@value #FROM}; a process that asks
 * waits for the message, with a timer beside it, since people may never answer.
 */
@Service
class CaseReplies {

    static final String REPLY_MESSAGE = "tracking-reply";
    static final String APPEAL_MESSAGE = "tracking-appeal";
    static final String TEXT = "holderMessage";
    static final String FROM = "holderMessageFrom";
    static final int MAX_LENGTH = 5000;

    private final RuntimeService runtimeService;

    CaseReplies(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    void deliver(TrackedCase tracked, String message, String text) {
        if (text == null || text.isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Empty message", "Write your message in \"text\".");
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Message too long", "A message may have at most " + MAX_LENGTH + " characters.");
        }
        boolean waiting = runtimeService.createExecutionQuery()
                .processInstanceBusinessKey(tracked.reference())
                .messageEventSubscriptionName(message)
                .count() > 0;
        if (!waiting) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Nothing to answer",
                    message.equals(APPEAL_MESSAGE) ? "This case is not open for an appeal." : "Nobody is waiting for an answer from you right now.");
        }
        runtimeService.createMessageCorrelation(message)
                .processInstanceBusinessKey(tracked.reference())
                .setVariable(TEXT, Variables.stringValue(text))
                .setVariable(FROM, Variables.stringValue(tracked.holder()))
                .correlate();
    }
}
