package org.cultivate.intake;

import java.util.List;
import java.util.Map;

import org.cultivate.system.ApiProblem.FieldError;

/**
 * What a form's JSON cannot say about its values, such as "this call takes applications now": a
 * feature implements it for its forms, and every door applies it after the form's own rules, so
 * that a refused submission starts or completes nothing. The values are checked and typed already.
 */
public interface FormRules {

    /** Whether these rules are about the form with this id. */
    boolean appliesTo(String formId);

    /** One entry per field that breaks a rule; none when the submission may go ahead. */
    List<FieldError> check(String formId, Map<String, Object> values);
}
