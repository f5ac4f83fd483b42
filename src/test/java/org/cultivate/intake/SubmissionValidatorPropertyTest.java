package org.cultivate.intake;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.cultivate.intake.FormSchema.Field;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad values against the validator, with every real form of {@code forms/}: a bad value
 * is refused with an error on its own field, any JSON at all is answered with errors rather than
 * an exception, and text that passes is kept as it came, expression syntax included.
 */
class SubmissionValidatorPropertyTest {

    private static final List<FormSchema> FORMS = MalformedValues.realForms();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    record Malformed(FormSchema form, String field, JsonNode value) {
        @Override
        public String toString() {
            return form.id() + "." + field + " = " + value;
        }
    }

    record Submission(FormSchema form, ObjectNode values) {
        @Override
        public String toString() {
            return form.id() + " " + values;
        }
    }

    record Text(FormSchema form, Field field, String text) {
        @Override
        public String toString() {
            return form.id() + "." + field.key() + " = " + text;
        }
    }

    @Property(tries = 400, seed = "20261202")
    void aMalformedValueIsRefusedWithAnErrorOnItsField(@ForAll("malformedValues") Malformed malformed) {
        ObjectNode submission = JsonNodeFactory.instance.objectNode().set(malformed.field(), malformed.value());

        var result = SubmissionValidator.validate(malformed.form(), submission, TODAY);

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).anySatisfy(error -> assertThat(error.field()).isEqualTo(malformed.field()));
    }

    @Property(tries = 300, seed = "20261202")
    void anyJsonAtAllGetsErrorsThatNameItsFieldsOrTypedVariablesOfPlainText(@ForAll("anySubmissions") Submission submission) {
        var result = SubmissionValidator.validate(submission.form(), submission.values(), TODAY);

        var named = new HashSet<>(submission.form().fields().keySet());
        submission.values().fieldNames().forEachRemaining(named::add);
        assertThat(result.errors()).allSatisfy(error -> {
            assertThat(named).contains(error.field());
            assertThat(error.message()).isNotBlank();
            assertThat(error.rule()).isNotBlank();
        });
        if (result.valid()) {
            assertThat(result.variables().keySet()).containsExactlyInAnyOrderElementsOf(submission.form().fields().keySet());
            assertThat(result.variables().values()).allSatisfy(value -> {
                if (value instanceof String text) {
                    assertThat(text.codePoints()).noneMatch(c -> Character.getType(c) == Character.SURROGATE
                            || (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r'));
                }
            });
        }
    }

    @Property(tries = 200, seed = "20261202")
    void textThatPassesIsKeptVerbatimExpressionSyntaxIncluded(@ForAll("plainTexts") Text text) {
        ObjectNode submission = JsonNodeFactory.instance.objectNode().put(text.field().key(), text.text());

        var result = SubmissionValidator.validate(text.form(), submission, TODAY);

        assertThat(result.errors()).noneSatisfy(error -> assertThat(error.field()).isEqualTo(text.field().key()));
        assertThat(result.variables().getValue(text.field().key(), String.class)).isEqualTo(text.text());
    }

    @Provide
    Arbitrary<Malformed> malformedValues() {
        Arbitrary<Malformed> byField = fields().flatMap(field -> MalformedValues.forField(field.field())
                .map(value -> new Malformed(field.form(), field.field().key(), value)));
        Arbitrary<Malformed> unknownField = Combinators.combine(Arbitraries.of(FORMS), MalformedValues.anyText(0, 20), MalformedValues.anyJson())
                .as(Malformed::new)
                .filter(malformed -> !malformed.form().fields().containsKey(malformed.field()));
        return Arbitraries.frequencyOf(Tuple.of(9, byField), Tuple.of(1, unknownField));
    }

    @Provide
    Arbitrary<Submission> anySubmissions() {
        return Arbitraries.of(FORMS).flatMap(form -> {
            Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(List.copyOf(form.fields().keySet())), MalformedValues.anyText(0, 10));
            return Arbitraries.maps(names, MalformedValues.anyJson()).ofMaxSize(6).map(values -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                values.forEach(object::set);
                return new Submission(form, object);
            });
        });
    }

    /** Texts of words, other scripts and expression syntax, within a free text field's lengths. */
    @Provide
    Arbitrary<Text> plainTexts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8),
                Arbitraries.of(" ", "\n", "\t", "ñ", "é", "漢字", "😀", "'", "\"", "\\", "<b>", "%s", "{{codeName}}"),
                Arbitraries.of("${execution.setVariable('x', 1)}", "#{execution.setVariable('y', 2)}", "${", "#{", "}",
                        "${caseTracking.update(execution, 'closed', null)}", "#{systemProperties['user.home']}"));
        return fields().filter(field -> field.field().type().startsWith("text")
                        && field.field().pattern().isEmpty() && field.field().validationType().isEmpty())
                .flatMap(field -> pieces.list().ofMinSize(1).ofMaxSize(12).map(list -> String.join("", list))
                        .filter(candidate -> fits(field.field(), candidate))
                        .map(candidate -> new Text(field.form(), field.field(), candidate)));
    }

    record FormField(FormSchema form, Field field) {
    }

    private static Arbitrary<FormField> fields() {
        return Arbitraries.of(FORMS.stream().flatMap(form -> form.fields().values().stream().map(field -> new FormField(form, field))).toList());
    }

    private static boolean fits(Field field, String text) {
        int length = text.codePointCount(0, text.length());
        return length >= field.minLength().orElse(1) && length <= field.maxLength().orElse(Integer.MAX_VALUE);
    }
}
