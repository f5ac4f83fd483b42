package org.cultivate.intake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * form-js conditions ({@code conditional.hide}) evaluated by the engine's own FEEL engine
 * (feel-scala), so that the server hides exactly the fields the browser hides.
 */
final class FormConditions {

    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
    /** Forms are few and fixed per deployment: each expression is parsed once. */
    private static final Map<String, ParseResult> PARSED = new ConcurrentHashMap<>();

    private FormConditions() {
    }

    /**
     * Whether the expression is {@code true} for these values. Like form-js, an expression that
     * does not parse or fails to evaluate hides nothing, so the field's rules still apply.
     */
    static boolean holds(String expression, Map<String, Object> values) {
        ParseResult parsed = PARSED.computeIfAbsent(expression, FEEL::parseExpression);
        if (!parsed.isSuccess()) {
            return false;
        }
        ParsedExpression expressionTree = parsed.parsedExpression();
        var result = FEEL.evaluate(expressionTree, values);
        return result.isSuccess() && Boolean.TRUE.equals(result.result());
    }
}
