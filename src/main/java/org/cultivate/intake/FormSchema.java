package org.cultivate.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The input fields of a Camunda Form (form-js JSON), read from the very JSON the browser renders,
 * so that the server can check a submission by the same rules.
 */
record FormSchema(String id, String title, Map<String, Field> fields, Set<String> readOnly) {

    /** form-js types that show something but take no input. */
    private static final Set<String> DISPLAY_ONLY = Set.of(
            "text", "html", "image", "spacer", "separator", "button", "iframe", "table");
    /** form-js types that only lay out the components inside them. */
    private static final Set<String> CONTAINERS = Set.of("group");
    // Cultivate's rules that form-js has no setting for, as custom properties of a component
    /** A textarea's or textfield's word limit, for prose. */
    static final String MAX_WORDS = "cultivate.maxWords";
    /** A date's span after another date field: its key, and the least and most whole months between them. */
    static final String AFTER = "cultivate.after";
    static final String MIN_MONTHS = "cultivate.minMonths";
    static final String MAX_MONTHS = "cultivate.maxMonths";
    static final Set<String> INPUT_TYPES = Set.of(
            "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "taglist", "datetime");

    static FormSchema parse(JsonNode form) {
        String id = text(form, "id").orElseThrow(() -> new IllegalArgumentException("a form without an id"));
        var fields = new LinkedHashMap<String, Field>();
        var readOnly = new LinkedHashSet<String>();
        collect(id, form.path("components"), List.of(), fields, readOnly);
        return new FormSchema(id, titleOf(form).orElse(id), fields, Set.copyOf(readOnly));
    }

    /**
     * @param hiddenWhen the {@code conditional.hide} expressions of the groups around these
     *                   components: a field is hidden when any of them, or its own, is true
     */
    private static void collect(String formId, JsonNode components, List<String> hiddenWhen,
            Map<String, Field> fields, Set<String> readOnly) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (DISPLAY_ONLY.contains(type)) {
                continue;
            }
            var conditions = new ArrayList<>(hiddenWhen);
            hideExpression(component).ifPresent(conditions::add);
            if (CONTAINERS.contains(type)) {
                collect(formId, component.path("components"), List.copyOf(conditions), fields, readOnly);
                continue;
            }
            // a disabled field shows a value and is never submitted (form-js leaves it out), so it takes no input
            if (component.path("disabled").asBoolean(false)) {
                text(component, "key").ifPresent(readOnly::add);
                continue;
            }
            if (!INPUT_TYPES.contains(type)) {
                throw new IllegalArgumentException("form " + formId + ": components of type '" + type + "' are not supported for submissions");
            }
            Field field = Field.of(type, component, List.copyOf(conditions));
            if (fields.put(field.key(), field) != null) {
                throw new IllegalArgumentException("form " + formId + ": the key '" + field.key() + "' is used twice");
            }
        }
    }

    /** A form-js {@code conditional.hide}: a FEEL expression, written with a leading {@code =}. */
    private static Optional<String> hideExpression(JsonNode component) {
        return text(component.path("conditional"), "hide").map(hide -> hide.startsWith("=") ? hide.substring(1) : hide);
    }

    /** The form's first heading ({@code # Report an incident}) names it in the catalogue. */
    private static Optional<String> titleOf(JsonNode form) {
        for (JsonNode component : form.path("components")) {
            if ("text".equals(component.path("type").asText())) {
                for (String line : component.path("text").asText().split("\n")) {
                    if (line.startsWith("#")) {
                        return Optional.of(line.replaceFirst("^#+\\s*", "").trim());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<Double> number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(value.asDouble());
    }

    /**
     * One input of the form with its rules. {@code options} is empty when the form gives no fixed
     * list (values from a variable or an expression): then any text is taken. {@code yesNo}: a
     * choice whose values are {@code true} and {@code false}, which the case gets as a boolean.
     */
    record Field(String key, String type, String label, boolean required, Optional<Integer> minLength,
            Optional<Integer> maxLength, Optional<Pattern> pattern, Optional<String> validationType,
            Optional<Double> min, Optional<Double> max, Optional<Integer> decimalDigits, Set<String> options,
            String subtype, boolean disallowPassedDates, boolean numberAsString, List<String> hiddenWhen,
            Optional<Integer> maxWords, Optional<DateSpan> span, boolean yesNo) {

        static Field of(String type, JsonNode component, List<String> hiddenWhen) {
            String key = text(component, "key").orElseThrow(
                    () -> new IllegalArgumentException("a " + type + " field without a key"));
            JsonNode validate = component.path("validate");
            var options = new LinkedHashSet<String>();
            boolean yesNo = component.path("values").size() > 0;
            for (JsonNode option : component.path("values")) {
                options.add(option.path("value").asText());
                yesNo &= option.path("value").isBoolean();
            }
            return new Field(key, type,
                    text(component, "label").orElse(key),
                    validate.path("required").asBoolean(false),
                    number(validate, "minLength").map(Double::intValue),
                    number(validate, "maxLength").map(Double::intValue),
                    text(validate, "pattern").map(Pattern::compile),
                    text(validate, "validationType"),
                    number(validate, "min"),
                    number(validate, "max"),
                    number(component, "decimalDigits").map(Double::intValue),
                    Set.copyOf(options),
                    text(component, "subtype").orElse("date"),
                    component.path("dateConfig").path("disallowPassedDates").asBoolean(false)
                            || component.path("disallowPassedDates").asBoolean(false),
                    component.path("serializeToString").asBoolean(false),
                    hiddenWhen,
                    number(component.path("properties"), MAX_WORDS).map(Double::intValue),
                    text(component.path("properties"), AFTER).map(after -> new DateSpan(after,
                            number(component.path("properties"), MIN_MONTHS).map(Double::intValue),
                            number(component.path("properties"), MAX_MONTHS).map(Double::intValue))),
                    yesNo);
        }
    }

    /**
     * A date that must come {@code minMonths} to {@code maxMonths} after the date in the field
     * {@code after} (a project's end after its start).
     */
    record DateSpan(String after, Optional<Integer> minMonths, Optional<Integer> maxMonths) {
    }
}
