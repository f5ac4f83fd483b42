package org.cultivate.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.cultivate.intake.FormSchema.Field;
import org.cultivate.system.ApiProblem.FieldError;

/**
 * Checks submitted values against a form's rules, the ones form-js applies in the browser, and
 * turns them into typed process variables. Every field of the form becomes a variable (a typed
 * null when left empty) unless the case already has it, so that expressions in the BPMN never
 * meet an unknown name. A field that the form's {@code conditional.hide} hides, given the values
 * submitted and those the case already has, is neither required nor accepted, as in form-js.
 */
final class SubmissionValidator {

    // the same checks as form-js's validationType
    private static final Pattern EMAIL = Pattern.compile(
            "^[^<>()\\[\\]\\\\.,;:\\s@\"]+(\\.[^<>()\\[\\]\\\\.,;:\\s@\"]+)*@([a-zA-Z\\-0-9]+\\.)+[a-zA-Z]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()./-]{5,24}$");

    private SubmissionValidator() {
    }

    /** The outcome: typed variables when {@code errors} is empty. */
    record Result(VariableMap variables, List<FieldError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    /** A start form's submission: nothing exists yet. */
    static Result validate(FormSchema form, JsonNode submission, LocalDate today) {
        return validate(form, submission, Map.of(), today);
    }

    /**
     * @param current the values the case already has (for a task: the variables it sees), which
     *                conditions read and which satisfy a required field the submission leaves out
     */
    static Result validate(FormSchema form, JsonNode submission, Map<String, Object> current, LocalDate today) {
        var errors = new ArrayList<FieldError>();
        VariableMap variables = Variables.createVariables();
        for (Iterator<String> names = submission.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (form.readOnly().contains(name)) {
                errors.add(new FieldError(name, "\"" + name + "\" is shown read-only in this form and cannot be changed here.", "readOnly", null));
            } else if (!form.fields().containsKey(name)) {
                errors.add(new FieldError(name, "This form has no field \"" + name + "\".", "unknownField", null));
            }
        }
        Map<String, Object> seen = FormValues.context(current, submission);
        for (Field field : form.fields().values()) {
            JsonNode value = submission.get(field.key());
            try {
                if (field.hiddenWhen().stream().anyMatch(condition -> FormConditions.holds(condition, seen))) {
                    if (!isEmpty(value)) {
                        throw new Invalid("hidden", "is not asked for with these answers; leave it empty.");
                    }
                    if (!current.containsKey(field.key())) {
                        variables.putValueTyped(field.key(), emptyValue(field));
                    }
                } else if (value == null && current.containsKey(field.key())) {
                    // left out of this submission: the case's value stands, and must meet the rules
                    if (field.required() && isEmpty(FormValues.json(current.get(field.key())))) {
                        throw new Invalid("required", "is required.");
                    }
                } else {
                    variables.putValueTyped(field.key(), typed(field, value, today));
                    if (!isEmpty(value)) {
                        field.span().ifPresent(span -> span(form, field, span, value.asText(), seen));
                    }
                }
            } catch (Invalid invalid) {
                errors.add(new FieldError(field.key(), "\"" + field.label() + "\" " + invalid.getMessage(), invalid.rule, invalid.limit));
            }
        }
        return new Result(variables, List.copyOf(errors));
    }

    /** Typed nulls for the form's fields that {@code present} lacks: a case started with only some values. */
    static VariableMap emptyValues(FormSchema form, Set<String> present) {
        VariableMap variables = Variables.createVariables();
        form.fields().values().stream()
                .filter(field -> !present.contains(field.key()))
                .forEach(field -> variables.putValueTyped(field.key(), emptyValue(field)));
        return variables;
    }

    /** Empty as a required field sees it: a text of spaces alone (which form-js lets through) says nothing. */
    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull()
                || (value.isTextual() && value.asText().isBlank())
                || (value.isArray() && value.isEmpty());
    }

    private static TypedValue typed(Field field, JsonNode value, LocalDate today) {
        boolean empty = isEmpty(value);
        if (empty || (field.type().equals("checkbox") && value.isBoolean() && !value.asBoolean())) {
            if (field.required()) {
                throw field.type().equals("checkbox") ? new Invalid("checked", "must be checked.") : new Invalid("required", "is required.");
            }
            return empty ? emptyValue(field) : Variables.booleanValue(false);
        }
        return switch (field.type()) {
            case "textfield", "textarea" -> Variables.stringValue(text(field, value));
            case "number" -> number(field, value);
            case "checkbox" -> Variables.booleanValue(bool(value));
            case "radio", "select" -> field.yesNo() ? Variables.booleanValue(yesOrNo(value)) : Variables.stringValue(option(field, value));
            case "checklist", "taglist" -> SpinValues.jsonValue(options(field, value).toString()).create();
            case "datetime" -> Variables.stringValue(dateTime(field, value, today));
            default -> throw new IllegalStateException("unsupported type " + field.type());
        };
    }

    private static TypedValue emptyValue(Field field) {
        return switch (field.type()) {
            case "number" -> wholeNumbers(field) ? Variables.longValue(null) : Variables.doubleValue(null);
            case "checkbox" -> Variables.booleanValue(null);
            case "radio", "select" -> field.yesNo() ? Variables.booleanValue(null) : Variables.stringValue(null);
            case "checklist", "taglist" -> SpinValues.jsonValue("[]").create();
            default -> Variables.stringValue(null);
        };
    }

    private static String text(Field field, JsonNode value) {
        if (!value.isTextual()) {
            throw new Invalid("type", "must be text.");
        }
        String text = value.asText();
        plainCharacters(text);
        int length = text.codePointCount(0, text.length());
        field.minLength().filter(min -> length < min).ifPresent(min -> {
            throw new Invalid("minLength", min, "must have at least " + min + " characters.");
        });
        field.maxLength().filter(max -> length > max).ifPresent(max -> {
            throw new Invalid("maxLength", max, "must have at most " + max + " characters.");
        });
        field.maxWords().filter(max -> WordCount.of(text) > max).ifPresent(max -> {
            throw new Invalid("maxWords", max, "must have at most " + max + " words.");
        });
        field.pattern().filter(pattern -> !pattern.matcher(text).find()).ifPresent(pattern -> {
            throw new Invalid("pattern", "does not have the expected format.");
        });
        field.validationType().ifPresent(type -> {
            if (type.equals("email") && !EMAIL.matcher(text).matches()) {
                throw new Invalid("email", "must be an e-mail address.");
            }
            if (type.equals("phone") && !PHONE.matcher(text).matches()) {
                throw new Invalid("phone", "must be a phone number.");
            }
        });
        return text;
    }

    /**
     * Refuses what nobody types: a lone UTF-16 surrogate, which a JSON escape can carry but which
     * is not Unicode (mail, logs and the database mangle it), and control characters other than
     * tab and line breaks.
     */
    private static void plainCharacters(String text) {
        text.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.SURROGATE) {
                throw new Invalid("unicode", "contains a character that is not valid Unicode.");
            }
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                throw new Invalid("controlCharacter", "must not contain control characters.");
            }
        });
    }

    private static TypedValue number(Field field, JsonNode value) {
        BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual() && field.numberAsString()) {
            try {
                number = new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                throw new Invalid("number", "must be a number.");
            }
        } else {
            throw new Invalid("number", "must be a number.");
        }
        field.decimalDigits().filter(digits -> number.stripTrailingZeros().scale() > digits).ifPresent(digits -> {
            throw new Invalid("decimalDigits", digits, digits == 0 ? "must be a whole number." : "must have at most " + digits + " decimal digits.");
        });
        field.min().filter(min -> number.compareTo(BigDecimal.valueOf(min)) < 0).ifPresent(min -> {
            throw new Invalid("min", min, "must be at least " + plain(min) + ".");
        });
        field.max().filter(max -> number.compareTo(BigDecimal.valueOf(max)) > 0).ifPresent(max -> {
            throw new Invalid("max", max, "must be at most " + plain(max) + ".");
        });
        if (wholeNumbers(field)) {
            try {
                return Variables.longValue(number.longValueExact());
            } catch (ArithmeticException e) {
                throw new Invalid("number", "is too large.");
            }
        }
        return Variables.doubleValue(number.doubleValue());
    }

    /** A number field takes whole numbers (a Long variable) when the form allows no decimal digits. */
    private static boolean wholeNumbers(Field field) {
        return field.decimalDigits().map(digits -> digits == 0).orElse(false);
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    private static boolean bool(JsonNode value) {
        if (!value.isBoolean()) {
            throw new Invalid("type", "must be true or false.");
        }
        return value.asBoolean();
    }

    /** A yes-or-no choice: its values are JSON booleans, as form-js sends them. */
    private static boolean yesOrNo(JsonNode value) {
        if (!value.isBoolean()) {
            throw new Invalid("option", "must be one of the offered choices (true or false).");
        }
        return value.asBoolean();
    }

    private static String option(Field field, JsonNode value) {
        if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
            throw new Invalid("option", "must be one of the offered choices.");
        }
        String choice = value.asText();
        if (!field.options().isEmpty() && !field.options().contains(choice)) {
            throw new Invalid("option", "'" + abbreviate(choice) + "' is not one of the offered choices.");
        }
        return choice;
    }

    private static JsonNode options(Field field, JsonNode value) {
        if (!value.isArray()) {
            throw new Invalid("type", "must be a list of choices.");
        }
        var seen = new HashSet<String>();
        for (JsonNode item : value) {
            String choice = option(field, item);
            if (!seen.add(choice)) {
                throw new Invalid("option", "'" + abbreviate(choice) + "' is chosen twice.");
            }
        }
        return value;
    }

    private static String dateTime(Field field, JsonNode value, LocalDate today) {
        if (!value.isTextual()) {
            throw new Invalid("type", "must be a date or time as text.");
        }
        String text = value.asText();
        try {
            LocalDate date = switch (field.subtype()) {
                case "time" -> {
                    parseTime(text);
                    yield null;
                }
                case "datetime" -> parseDateTime(text);
                default -> LocalDate.parse(text);
            };
            if (date != null && field.disallowPassedDates() && date.isBefore(today)) {
                throw new Invalid("pastDate", "must not be in the past.");
            }
        } catch (DateTimeParseException e) {
            throw new Invalid(field.subtype(), switch (field.subtype()) {
                case "time" -> "must be a time such as 14:30.";
                case "datetime" -> "must be a date and time such as 2026-05-31T14:30.";
                default -> "must be a date such as 2026-05-31.";
            });
        }
        return text;
    }

    /** A date field's span after another date of the form ({@code cultivate.after}): checked once both are dates. */
    private static void span(FormSchema form, Field field, FormSchema.DateSpan span, String text, Map<String, Object> seen) {
        Object other = seen.get(span.after());
        if (other == null || !field.subtype().equals("date")) {
            return;
        }
        LocalDate from;
        try {
            from = LocalDate.parse(other.toString());
        } catch (DateTimeParseException e) {
            return;
        }
        LocalDate date = LocalDate.parse(text);
        Field start = form.fields().get(span.after());
        String after = "\"" + (start == null ? span.after() : start.label()) + "\"";
        span.minMonths().filter(min -> date.isBefore(from.plusMonths(min))).ifPresent(min -> {
            throw new Invalid("minMonths", min, "must be at least " + months(min) + " after " + after + ".");
        });
        span.maxMonths().filter(max -> date.isAfter(from.plusMonths(max))).ifPresent(max -> {
            throw new Invalid("maxMonths", max, "must be at most " + months(max) + " after " + after + ".");
        });
    }

    private static String months(int months) {
        return months == 1 ? "one month" : months + " months";
    }

    private static void parseTime(String text) {
        try {
            LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            OffsetTime.parse(text);
        }
    }

    private static LocalDate parseDateTime(String text) {
        try {
            return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toLocalDate();
        }
    }

    /** Echoes a bad value only briefly: it may be long, and it goes back to the client. */
    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** Why one field is not acceptable; caught per field so that every bad field is reported. */
    private static final class Invalid extends RuntimeException {
        private final String rule;
        private final Object limit;

        Invalid(String rule, String message) {
            this(rule, null, message);
        }

        Invalid(String rule, Object limit, String message) {
            super(message, null, false, false);
            this.rule = rule;
            this.limit = limit;
        }
    }
}
