package org.cultivate.intake;

import java.util.List;
import java.util.Map;

import org.cultivate.system.ApiProblem.FieldError;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The features' {@link FormRules}, asked at every door. Found lazily: the rules read the engine,
 * and the engine's doors are built before it.
 */
@Component
class FeatureFormRules {

    private final ObjectProvider<FormRules> rules;

    FeatureFormRules(ObjectProvider<FormRules> rules) {
        this.rules = rules;
    }

    List<FieldError> check(String formId, Map<String, Object> values) {
        return rules.orderedStream().filter(rule -> rule.appliesTo(formId)).flatMap(rule -> rule.check(formId, values).stream())
                .toList();
    }
}
