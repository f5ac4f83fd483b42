package org.cultivate.intake;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.cultivate.system.ApiProblem;
import org.cultivate.system.ApiProblem.FieldError;
import org.springframework.http.HttpStatus;

/**
 * Values that the form of a task or start event does not allow. The engine's own kind of form
 * validation error, which {@code /engine-rest} and so Tasklist answer with 400 and the message:
 * every field's sentence. Nothing changes.
 */
class InvalidFormSubmission extends FormFieldValidationException {

    private final transient List<FieldError> errors;

    InvalidFormSubmission(String formId, List<FieldError> errors) {
        super(formId, summary(errors) + " " + errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }

    /** The same answer for Cultivate's own API: problem+json with one entry per field. */
    ApiProblem asProblem() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid submission", summary(errors), errors);
    }

    static String summary(List<FieldError> errors) {
        return errors.size() == 1 ? "One field needs attention." : errors.size() + " fields need attention.";
    }
}
