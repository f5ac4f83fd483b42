package org.cultivate.intake;

import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Values as they reach the engine (typed values from {@code /engine-rest}, plain Java objects from
 * code) turned into the JSON a form submits, so that one validator checks every door alike.
 */
final class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormValues() {
    }

    /** Thrown for a value that no form field can hold (a file, a serialized Java object, bytes). */
    static final class NotFormValue extends RuntimeException {
        NotFormValue(String message) {
            super(message, null, false, false);
        }
    }

    static ObjectNode json(Map<String, ?> values) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        values.forEach((name, value) -> node.set(name, json(value)));
        return node;
    }

    static JsonNode json(Object value) {
        Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
        if (plain instanceof JsonNode node) {
            return node;
        }
        if (plain == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (plain instanceof SpinJsonNode spin) {
            return parse(spin.toString());
        }
        if (plain instanceof String || plain instanceof Number || plain instanceof Boolean) {
            return JSON.valueToTree(plain);
        }
        if (plain instanceof Date) {
            throw new NotFormValue("must be a date as text, such as 2026-05-31.");
        }
        throw new NotFormValue("is not a value a form can hold.");
    }

    /**
     * What the form's conditions see: the case's values with the submitted ones over them, as
     * plain Java values (FEEL reads strings, numbers, booleans, lists and maps). A value that no
     * form holds is left out here; the validator reports it on its field.
     */
    static Map<String, Object> context(Map<String, Object> current, JsonNode submission) {
        var values = new HashMap<String, Object>();
        current.forEach((name, value) -> {
            try {
                values.put(name, JSON.convertValue(json(value), Object.class));
            } catch (NotFormValue e) {
                // not readable by a condition
            }
        });
        for (Iterator<Map.Entry<String, JsonNode>> fields = submission.fields(); fields.hasNext(); ) {
            var field = fields.next();
            values.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
        }
        return values;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NotFormValue("is not valid JSON.");
        }
    }
}
