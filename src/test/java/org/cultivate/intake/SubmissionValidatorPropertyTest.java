package org.cultivate.intake;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cultivate.intake.FormSchema.Field;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Generated bad values against the validator, with every real form of {@code forms/}: a bad value
 * is refused with an error on its own field, any JSON at all is answered with errors rather than
 * an exception, and text that passes is kept as it came, expression syntax included. Each
 * property runs with QuickTheories under a fixed seed, so a run is the sources' alone, and a
 * failure names its smallest case.
 */
class SubmissionValidatorPropertyTest {

    private static final long SEED = 20261202L;

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

    @Test
    void aMalformedValueIsRefusedWithAnErrorOnItsField() {
        qt().withFixedSeed(SEED).withExamples(400).forAll(malformedValues()).checkAssert(malformed -> {
            ObjectNode submission = JsonNodeFactory.instance.objectNode().set(malformed.field(), malformed.value());

            var result = SubmissionValidator.validate(malformed.form(), submission, TODAY);

            assertThat(result.valid()).isFalse();
            assertThat(result.errors()).anySatisfy(error -> assertThat(error.field()).isEqualTo(malformed.field()));
        });
    }

    @Test
    void anyJsonAtAllGetsErrorsThatNameItsFieldsOrTypedVariablesOfPlainText() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(anySubmissions()).checkAssert(SubmissionValidatorPropertyTest::namesItsFieldsOrHoldsPlainText);
    }

    private static void namesItsFieldsOrHoldsPlainText(Submission submission) {
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

    @Test
    void textThatPassesIsKeptVerbatimExpressionSyntaxIncluded() {
        // more tries than the default 10 at a text that fits its field: pieces may add up past a short field's maximum
        qt().withFixedSeed(SEED).withExamples(200).withGenerateAttempts(1_000).forAll(plainTexts()).checkAssert(text -> {
            ObjectNode submission = JsonNodeFactory.instance.objectNode().put(text.field().key(), text.text());

            var result = SubmissionValidator.validate(text.form(), submission, TODAY);

            assertThat(result.errors()).noneSatisfy(error -> assertThat(error.field()).isEqualTo(text.field().key()));
            assertThat(result.variables().getValue(text.field().key(), String.class)).isEqualTo(text.text());
        });
    }

    /** Nine in ten a bad value for one of a form's fields, else any JSON under a name that is no field of the form. */
    private static Gen<Malformed> malformedValues() {
        Gen<Malformed> byField = fields().flatMap(field -> MalformedValues.forField(field.field())
                .map(value -> new Malformed(field.form(), field.field().key(), value)));
        Gen<Malformed> unknownField = Generate.pick(FORMS).zip(MalformedValues.anyText(0, 20), MalformedValues.anyJson(), Malformed::new)
                .assuming(malformed -> !malformed.form().fields().containsKey(malformed.field()));
        return Generate.frequency(Pair.of(9, byField), Pair.of(1, unknownField));
    }

    private static Gen<Submission> anySubmissions() {
        return Generate.pick(FORMS).flatMap(form -> {
            Gen<String> names = Generate.oneOf(Generate.pick(List.copyOf(form.fields().keySet())), MalformedValues.anyText(0, 10));
            return MalformedValues.mapsOf(names, MalformedValues.anyJson(), 6).map(values -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                values.forEach(object::set);
                return new Submission(form, object);
            });
        });
    }

    /** Texts of words, other scripts and expression syntax, within a free text field's lengths, for a field always asked. */
    private static Gen<Text> plainTexts() {
        Gen<String> pieces = MalformedValues.oneOf(List.of(
                MalformedValues.text(Generate.oneOf(MalformedValues.chars('a', 'z'), MalformedValues.chars('A', 'Z'),
                        MalformedValues.chars('0', '9')), 1, 8),
                MalformedValues.pick(" ", "\n", "\t", "ñ", "é", "漢字", "😀", "'", "\"", "\\", "<b>", "%s", "{{codeName}}"),
                MalformedValues.pick("${execution.setVariable('x', 1)}", "#{execution.setVariable('y', 2)}", "${", "#{", "}",
                        "${caseTracking.update(execution, 'closed', null)}", "#{systemProperties['user.home']}")));
        List<FormField> freeText = FORMS.stream().flatMap(form -> form.fields().values().stream().map(field -> new FormField(form, field)))
                // a field that a condition hides refuses text under answers that hide it, as this lone text may be
                .filter(field -> field.field().type().startsWith("text") && field.field().hiddenWhen().isEmpty()
                        && field.field().pattern().isEmpty() && field.field().validationType().isEmpty())
                .toList();
        return Generate.pick(freeText).flatMap(field -> MalformedValues.listsOf(pieces, 1, 12).map(list -> String.join("", list))
                .assuming(candidate -> fits(field.field(), candidate))
                .map(candidate -> new Text(field.form(), field.field(), candidate)));
    }

    record FormField(FormSchema form, Field field) {
    }

    private static Gen<FormField> fields() {
        return Generate.pick(FORMS.stream().flatMap(form -> form.fields().values().stream().map(field -> new FormField(form, field))).toList());
    }

    /** Within the field's lengths, and not of spaces alone: such a text says nothing, and the validator takes it as empty. */
    private static boolean fits(Field field, String text) {
        int length = text.codePointCount(0, text.length());
        return !text.isBlank() && length >= field.minLength().orElse(1) && length <= field.maxLength().orElse(Integer.MAX_VALUE);
    }
}
