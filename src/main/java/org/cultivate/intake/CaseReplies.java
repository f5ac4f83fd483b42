package org.cultivate.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Replies from the holder of a tracking code, delivered to their case as the message
 * {@value #MESSAGE} with the variable {@value #REPLY}. A process that asks a reporter something
 * waits for this message (with a timer beside it, since reporters may never answer).
 */
@Service
class CaseReplies {

    static final String MESSAGE = "tracking-reply";
    static final String REPLY = "reporterReply";
    static final int MAX_LENGTH = 5000;

    private final RuntimeService runtimeService;

    CaseReplies(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    void deliver(String reference, String text) {
        if (text == null || text.isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Empty reply", "Write your answer in \"text\".");
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Reply too long", "A reply may have at most " + MAX_LENGTH + " characters.");
        }
        var waiting = runtimeService.createExecutionQuery()
                .processInstanceBusinessKey(reference)
                .messageEventSubscriptionName(MESSAGE)
                .list();
        if (waiting.isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "No question to answer",
                    "The committee is not waiting for an answer from you right now.");
        }
        runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(reference)
                .setVariable(REPLY, Variables.stringValue(text))
                .correlate();
    }
}
