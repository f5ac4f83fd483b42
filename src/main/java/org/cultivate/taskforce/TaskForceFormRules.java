package org.cultivate.taskforce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cultivate.intake.FormRules;
import org.cultivate.system.ApiProblem.FieldError;
import org.springframework.stereotype.Component;

import static org.cultivate.taskforce.TaskForceProcess.*;

/**
 * What the two task-force forms cannot say themselves: an application goes to a call that takes
 * applications now, and a call closes after it opens and asks for a balance the selection can read.
 */
@Component
class TaskForceFormRules implements FormRules {

    private final TaskForceCalls calls;

    TaskForceFormRules(TaskForceCalls calls) {
        this.calls = calls;
    }

    @Override
    public boolean appliesTo(String formId) {
        return APPLICATION_FORM.equals(formId) || CALL_FORM.equals(formId);
    }

    @Override
    public List<FieldError> check(String formId, Map<String, Object> values) {
        return APPLICATION_FORM.equals(formId) ? application(values) : call(values);
    }

    private List<FieldError> application(Map<String, Object> values) {
        String reference = (String) values.get(CALL_REFERENCE);
        if (calls.openCall(reference).isPresent()) {
            return List.of();
        }
        String why = calls.runningCall(reference).isPresent()
                ? "The call " + reference + " does not take applications now: it has not opened yet, or it has closed."
                : "There is no call " + reference + ". The calls open now are listed on the portal's task-force page.";
        return List.of(new FieldError(CALL_REFERENCE, why, "openCall", null));
    }

    private List<FieldError> call(Map<String, Object> values) {
        var errors = new ArrayList<FieldError>();
        Object opens = values.get(OPENS_ON);
        Object closes = values.get(CLOSES_ON);
        if (opens instanceof String opensOn && closes instanceof String closesOn && !LocalDate.parse(closesOn).isAfter(LocalDate.parse(opensOn))) {
            errors.add(new FieldError(CLOSES_ON, "The call must close after the day it opens.", "after", OPENS_ON));
        }
        int seats = values.get(SEATS) instanceof Number number ? number.intValue() : 0;
        List<String> problems = BalanceRules.problems((String) values.get(BALANCE), Math.max(seats, 1));
        if (!problems.isEmpty()) {
            errors.add(new FieldError(BALANCE, String.join(" ", problems), "balance", null));
        }
        return errors;
    }
}
