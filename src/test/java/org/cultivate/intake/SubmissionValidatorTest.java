package org.cultivate.intake;

import java.time.LocalDate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every component type and rule of a form, checked on the server as form-js checks it in the browser. */
class SubmissionValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    /** One field per rule; the table below sends values to it. */
    private static final FormSchema FORM = FormSchema.parse(json("""
            {"id": "everything", "components": [
              {"type": "text", "text": "# Every rule"},
              {"type": "textfield", "key": "name", "label": "Name", "validate": {"required": true, "minLength": 2, "maxLength": 5}},
              {"type": "textfield", "key": "code", "label": "Code", "validate": {"pattern": "^[A-Z]{3}$"}},
              {"type": "textfield", "key": "email", "label": "E-mail", "validate": {"validationType": "email"}},
              {"type": "textfield", "key": "phone", "label": "Phone", "validate": {"validationType": "phone"}},
              {"type": "textarea", "key": "story", "label": "Story", "validate": {"maxLength": 10}},
              {"type": "number", "key": "amount", "label": "Amount", "decimalDigits": 0, "validate": {"min": 500, "max": 5000}},
              {"type": "number", "key": "share", "label": "Share", "decimalDigits": 2},
              {"type": "number", "key": "count", "label": "Count", "serializeToString": true},
              {"type": "checkbox", "key": "agree", "label": "I agree", "validate": {"required": true}},
              {"type": "checkbox", "key": "newsletter", "label": "Newsletter"},
              {"type": "radio", "key": "region", "label": "Region", "values": [{"label": "Africa", "value": "africa"}, {"label": "Asia", "value": "asia"}]},
              {"type": "select", "key": "language", "label": "Language", "values": [{"label": "English", "value": "en"}]},
              {"type": "select", "key": "anyChoice", "label": "Dynamic", "valuesKey": "choices"},
              {"type": "checklist", "key": "topics", "label": "Topics", "validate": {"required": true}, "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}]},
              {"type": "taglist", "key": "tags", "label": "Tags", "values": [{"label": "X", "value": "x"}]},
              {"type": "datetime", "key": "day", "label": "Day", "subtype": "date", "dateConfig": {"disallowPassedDates": true}},
              {"type": "datetime", "key": "at", "label": "At", "subtype": "time"},
              {"type": "datetime", "key": "when", "label": "When", "subtype": "datetime"},
              {"type": "textfield", "key": "shownOnly", "label": "Shown only", "disabled": true},
              {"type": "group", "label": "Inside a group", "components": [
                {"type": "textfield", "key": "nested", "label": "Nested"}
              ]}
            ]}"""));

    private static final String VALID = """
            {"name": "Ana", "agree": true, "topics": ["a"]}""";

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments("minimal", "{}"),
                arguments("text at its limits", "{\"name\": \"Anabe\", \"story\": \"0123456789\"}"),
                arguments("pattern", "{\"code\": \"ABC\"}"),
                arguments("e-mail", "{\"email\": \"ana.b@example.org\"}"),
                arguments("phone", "{\"phone\": \"+34 612 345 678\"}"),
                arguments("whole number at min", "{\"amount\": 500}"),
                arguments("whole number at max", "{\"amount\": 5000}"),
                arguments("two decimals", "{\"share\": 12.25}"),
                arguments("number sent as text", "{\"count\": \"17\"}"),
                arguments("radio", "{\"region\": \"asia\"}"),
                arguments("select", "{\"language\": \"en\"}"),
                arguments("options from a variable", "{\"anyChoice\": \"whatever\"}"),
                arguments("checklist", "{\"topics\": [\"a\", \"b\"]}"),
                arguments("taglist", "{\"tags\": [\"x\"]}"),
                arguments("date today", "{\"day\": \"2026-11-27\"}"),
                arguments("time", "{\"at\": \"14:30\"}"),
                arguments("date and time", "{\"when\": \"2026-05-31T14:30\"}"),
                arguments("date and time with offset", "{\"when\": \"2026-05-31T14:30+02:00\"}"),
                arguments("field in a group", "{\"nested\": \"yes\"}"),
                arguments("empty optional text", "{\"code\": \"\"}"),
                arguments("tab and line breaks in a textarea", "{\"story\": \"a\\tb\\r\\nc\"}"),
                arguments("a character outside the BMP", "{\"name\": \"An\\ud83d\\ude00\"}"),
                arguments("expression syntax is only text", "{\"story\": \"${x} #{y}\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void accepted(String description, String overrides) {
        var result = SubmissionValidator.validate(FORM, merge(overrides), TODAY);
        assertThat(result.errors()).isEmpty();
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                arguments("required text missing", "{\"name\": null}", "name", "\"Name\" is required."),
                arguments("required text empty", "{\"name\": \"\"}", "name", "\"Name\" is required."),
                arguments("required text of spaces and line breaks", "{\"name\": \"  \\n \"}", "name", "\"Name\" is required."),
                arguments("text too short", "{\"name\": \"A\"}", "name", "\"Name\" must have at least 2 characters."),
                arguments("text too long", "{\"name\": \"Anabel\"}", "name", "\"Name\" must have at most 5 characters."),
                arguments("text that is a number", "{\"name\": 42}", "name", "\"Name\" must be text."),
                arguments("pattern", "{\"code\": \"abc\"}", "code", "\"Code\" does not have the expected format."),
                arguments("e-mail", "{\"email\": \"ana@\"}", "email", "\"E-mail\" must be an e-mail address."),
                arguments("phone", "{\"phone\": \"call me\"}", "phone", "\"Phone\" must be a phone number."),
                arguments("textarea too long", "{\"story\": \"01234567890\"}", "story", "\"Story\" must have at most 10 characters."),
                arguments("number below min", "{\"amount\": 499}", "amount", "\"Amount\" must be at least 500."),
                arguments("number above max", "{\"amount\": 5001}", "amount", "\"Amount\" must be at most 5000."),
                arguments("decimals in a whole number", "{\"amount\": 600.5}", "amount", "\"Amount\" must be a whole number."),
                arguments("too many decimals", "{\"share\": 1.125}", "share", "\"Share\" must have at most 2 decimal digits."),
                arguments("number as text not allowed", "{\"amount\": \"600\"}", "amount", "\"Amount\" must be a number."),
                arguments("number text that is no number", "{\"count\": \"many\"}", "count", "\"Count\" must be a number."),
                arguments("required checkbox unchecked", "{\"agree\": false}", "agree", "\"I agree\" must be checked."),
                arguments("checkbox not boolean", "{\"newsletter\": \"yes\"}", "newsletter", "\"Newsletter\" must be true or false."),
                arguments("radio outside options", "{\"region\": \"europe\"}", "region", "\"Region\" 'europe' is not one of the offered choices."),
                arguments("select outside options", "{\"language\": \"fr\"}", "language", "\"Language\" 'fr' is not one of the offered choices."),
                arguments("select given an object", "{\"language\": {}}", "language", "\"Language\" must be one of the offered choices."),
                arguments("required checklist empty", "{\"topics\": []}", "topics", "\"Topics\" is required."),
                arguments("checklist outside options", "{\"topics\": [\"c\"]}", "topics", "\"Topics\" 'c' is not one of the offered choices."),
                arguments("checklist twice the same", "{\"topics\": [\"a\", \"a\"]}", "topics", "\"Topics\" 'a' is chosen twice."),
                arguments("checklist not a list", "{\"topics\": \"a\"}", "topics", "\"Topics\" must be a list of choices."),
                arguments("taglist outside options", "{\"tags\": [\"y\"]}", "tags", "\"Tags\" 'y' is not one of the offered choices."),
                arguments("date in the past", "{\"day\": \"2026-11-26\"}", "day", "\"Day\" must not be in the past."),
                arguments("date malformed", "{\"day\": \"27/11/2026\"}", "day", "\"Day\" must be a date such as 2026-05-31."),
                arguments("time malformed", "{\"at\": \"25:00\"}", "at", "\"At\" must be a time such as 14:30."),
                arguments("date and time malformed", "{\"when\": \"2026-05-31\"}", "when", "\"When\" must be a date and time such as 2026-05-31T14:30."),
                arguments("date not text", "{\"day\": 20261127}", "day", "\"Day\" must be a date or time as text."),
                arguments("text of lone surrogates", "{\"story\": \"\\ud800\\ud800\"}", "story",
                        "\"Story\" contains a character that is not valid Unicode."),
                arguments("text with a lone low surrogate", "{\"name\": \"An\\udc00a\"}", "name",
                        "\"Name\" contains a character that is not valid Unicode."),
                arguments("text with a control character", "{\"story\": \"bell\\u0007\"}", "story",
                        "\"Story\" must not contain control characters."),
                arguments("text with a C1 control character", "{\"name\": \"An\\u0085a\"}", "name",
                        "\"Name\" must not contain control characters."),
                arguments("field the form does not have", "{\"admin\": true}", "admin", "This form has no field \"admin\"."),
                arguments("a disabled field, which is never submitted", "{\"shownOnly\": \"x\"}", "shownOnly",
                        "\"shownOnly\" is shown read-only in this form and cannot be changed here."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rejected(String description, String overrides, String field, String message) {
        var result = SubmissionValidator.validate(FORM, merge(overrides), TODAY);
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).isEqualTo(message);
        });
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        var result = SubmissionValidator.validate(FORM, json("{\"name\": \"A\", \"agree\": false, \"unknown\": 1}"), TODAY);
        assertThat(result.errors()).extracting(error -> error.field()).containsExactlyInAnyOrder("name", "agree", "topics", "unknown");
    }

    @Test
    void everyErrorNamesItsRuleAndLimitForClientsThatTranslate() {
        var result = SubmissionValidator.validate(FORM, json("{\"name\": \"A\", \"agree\": false, \"unknown\": 1}"), TODAY);
        assertThat(result.errors()).extracting(error -> error.field() + ":" + error.rule() + ":" + error.limit())
                .containsExactlyInAnyOrder("name:minLength:2", "agree:checked:null", "topics:required:null", "unknown:unknownField:null");
    }

    @Test
    void typesEveryFieldAndFillsTheEmptyOnesWithTypedNulls() {
        var result = SubmissionValidator.validate(FORM, merge(
                "{\"amount\": 1200, \"share\": 0.5, \"count\": \"3\", \"newsletter\": true, \"tags\": [\"x\"]}"), TODAY);
        assertThat(result.errors()).isEmpty();
        var variables = result.variables();
        assertThat(variables.keySet()).containsExactlyInAnyOrderElementsOf(FORM.fields().keySet());
        assertThat(typed(variables.getValueTyped("name"))).isEqualTo(ValueType.STRING);
        assertThat(variables.getValueTyped("amount").getValue()).isEqualTo(1200L);
        assertThat(variables.getValueTyped("share").getValue()).isEqualTo(0.5d);
        assertThat(variables.getValueTyped("count").getValue()).isEqualTo(3.0d);
        assertThat(variables.getValueTyped("newsletter").getValue()).isEqualTo(true);
        assertThat(typed(variables.getValueTyped("tags"))).isEqualTo(SpinValueType.JSON);
        assertThat(typed(variables.getValueTyped("code"))).isEqualTo(ValueType.STRING);
        assertThat(variables.getValueTyped("code").getValue()).isNull();
        assertThat(typed(variables.getValueTyped("amount"))).isEqualTo(ValueType.LONG);
    }

    /** Cultivate's rules that form-js has no setting for: a word limit, and a date's span in months after another date. */
    private static final FormSchema PROJECT = FormSchema.parse(json("""
            {"id": "project", "components": [
              {"type": "textarea", "key": "summary", "label": "Summary", "properties": {"cultivate.maxWords": "3"}},
              {"type": "datetime", "key": "startDate", "label": "Start date", "subtype": "date"},
              {"type": "datetime", "key": "endDate", "label": "End date", "subtype": "date",
               "properties": {"cultivate.after": "startDate", "cultivate.minMonths": "1", "cultivate.maxMonths": "12"}}
            ]}"""));

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void wordLimitsAndSpansOfMonths(String what, String submission, String refusedField, String rule) {
        var result = SubmissionValidator.validate(PROJECT, json(submission), TODAY);
        if (refusedField == null) {
            assertThat(result.errors()).isEmpty();
        } else {
            assertThat(result.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(refusedField);
                assertThat(error.rule()).isEqualTo(rule);
            });
        }
    }

    static Stream<Arguments> wordLimitsAndSpansOfMonths() {
        return Stream.of(
                arguments("three words, spaces around", "{\"summary\": \"  one two\\n three \"}", null, null),
                arguments("four words", "{\"summary\": \"one two three four\"}", "summary", "maxWords"),
                arguments("exactly one month", "{\"startDate\": \"2027-01-31\", \"endDate\": \"2027-02-28\"}", null, null),
                arguments("a day short of a month", "{\"startDate\": \"2027-01-15\", \"endDate\": \"2027-02-14\"}", "endDate", "minMonths"),
                arguments("exactly twelve months", "{\"startDate\": \"2027-01-15\", \"endDate\": \"2028-01-15\"}", null, null),
                arguments("a day past twelve months", "{\"startDate\": \"2027-01-15\", \"endDate\": \"2028-01-16\"}", "endDate", "maxMonths"),
                arguments("an end before the start", "{\"startDate\": \"2027-01-15\", \"endDate\": \"2026-12-15\"}", "endDate", "minMonths"),
                arguments("no start date: nothing to measure from", "{\"endDate\": \"2027-01-15\"}", null, null));
    }

    @Test
    void theSpanMessageNamesTheOtherFieldByItsLabel() {
        var result = SubmissionValidator.validate(PROJECT, json("{\"startDate\": \"2027-01-15\", \"endDate\": \"2029-01-15\"}"), TODAY);
        assertThat(result.errors()).singleElement().extracting(error -> error.message())
                .isEqualTo("\"End date\" must be at most 12 months after \"Start date\".");
    }

    @Test
    void takesItsTitleFromTheFirstHeading() {
        assertThat(FORM.title()).isEqualTo("Every rule");
        assertThat(FORM.fields()).containsKey("nested");
    }

    private static ValueType typed(TypedValue value) {
        return value.getType();
    }

    private static JsonNode merge(String overrides) {
        var base = (com.fasterxml.jackson.databind.node.ObjectNode) json(VALID);
        json(overrides).fields().forEachRemaining(entry -> base.set(entry.getKey(), entry.getValue()));
        return base;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
