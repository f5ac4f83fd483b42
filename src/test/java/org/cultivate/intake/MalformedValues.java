package org.cultivate.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.cultivate.intake.FormSchema.Field;

/**
 * Generators of values that no field of a form may take, by the field's type: the wrong JSON type,
 * text that is not Unicode or carries control characters, too long, deeply nested, a choice that
 * is not offered. Shared by the validator's properties and the HTTP ones.
 */
final class MalformedValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MalformedValues() {
    }

    /** The forms of the repository's {@code forms/}, as the server reads them. */
    static List<FormSchema> realForms() {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(file -> file.toString().endsWith(".form")).sorted().map(MalformedValues::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FormSchema read(Path file) {
        try {
            return FormSchema.parse(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value that this field must refuse, whatever the other fields say. */
    static Arbitrary<JsonNode> forField(Field field) {
        var choices = new ArrayList<>(List.of(deeplyNested(2, 200), objects()));
        switch (field.type()) {
            case "textfield", "textarea" -> {
                choices.addAll(List.of(numbers(), booleans(), nonEmptyArrays(), textAround(loneSurrogates()), textAround(controlCharacters())));
                field.maxLength().ifPresent(max -> choices.add(words(max + 1, max + 40)));
                if (field.validationType().filter("email"::equals).isPresent()) {
                    choices.add(headerInjections());
                }
            }
            case "number" -> choices.addAll(List.of(booleans(), nonEmptyArrays(), words(1, 12).map(text -> NODES.textNode("x" + text.asText()))));
            case "checkbox" -> choices.addAll(List.of(numbers(), words(1, 12), nonEmptyArrays()));
            case "radio", "select" -> {
                choices.add(nonEmptyArrays());
                if (!field.options().isEmpty()) {
                    choices.addAll(List.of(notOffered(field), textAround(loneSurrogates()), numbers(), booleans()));
                }
            }
            case "checklist", "taglist" -> {
                choices.addAll(List.of(numbers(), booleans(), words(1, 12), objects().map(object -> NODES.arrayNode().add(object))));
                if (!field.options().isEmpty()) {
                    choices.add(notOffered(field).map(choice -> NODES.arrayNode().add(choice)));
                }
            }
            case "datetime" -> choices.addAll(List.of(numbers(), booleans(), nonEmptyArrays(), words(1, 12).map(text -> NODES.textNode("x" + text.asText()))));
            default -> throw new IllegalArgumentException("no malformed values for " + field.type());
        }
        return Arbitraries.oneOf(choices);
    }

    /** Any JSON at all, a few levels deep, with any characters in its texts and keys. */
    static Arbitrary<JsonNode> anyJson() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false)),
                MalformedValues::numbers,
                () -> anyText(0, 30).map(NODES::textNode),
                () -> anyJson().list().ofMaxSize(3).map(items -> NODES.arrayNode().addAll(items)),
                () -> Arbitraries.maps(anyText(0, 8), anyJson()).ofMaxSize(3).map(fields -> {
                    var object = NODES.objectNode();
                    fields.forEach(object::set);
                    return object;
                }));
    }

    /** Text of any UTF-16 code units: lone surrogates, controls and noncharacters included. */
    static Arbitrary<String> anyText(int minLength, int maxLength) {
        return Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMinLength(minLength).ofMaxLength(maxLength);
    }

    /** Arrays nested this deep: {@code [[[…]]]}. */
    static Arbitrary<JsonNode> deeplyNested(int minDepth, int maxDepth) {
        return Arbitraries.integers().between(minDepth, maxDepth).map(depth -> {
            ArrayNode outer = NODES.arrayNode();
            ArrayNode inner = outer;
            for (int level = 1; level < depth; level++) {
                inner = inner.addArray();
            }
            return outer;
        });
    }

    static Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(Arbitraries.longs().map(NODES::numberNode), Arbitraries.doubles().map(NODES::numberNode));
    }

    static Arbitrary<JsonNode> booleans() {
        return Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false));
    }

    private static Arbitrary<JsonNode> objects() {
        return Arbitraries.maps(words(1, 8).map(JsonNode::asText), numbers()).ofMaxSize(2).map(fields -> {
            var object = NODES.objectNode();
            fields.forEach(object::set);
            return object;
        });
    }

    private static Arbitrary<JsonNode> nonEmptyArrays() {
        return Arbitraries.oneOf(numbers(), words(1, 8)).list().ofMinSize(1).ofMaxSize(3).map(items -> NODES.arrayNode().addAll(items));
    }

    private static Arbitrary<JsonNode> words(int minLength, int maxLength) {
        return Arbitraries.strings().alpha().ofMinLength(minLength).ofMaxLength(maxLength).map(NODES::textNode);
    }

    private static Arbitrary<JsonNode> notOffered(Field field) {
        return anyText(1, 20).filter(choice -> !field.options().contains(choice)).map(NODES::textNode);
    }

    /** A lone high or low surrogate, or a run of high ones: {@code "\ud800\ud800…"}. */
    private static Arbitrary<String> loneSurrogates() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf),
                Arbitraries.chars().range('\ud800', '\udbff').list().ofMinSize(2).ofMaxSize(12)
                        .map(highs -> highs.stream().map(String::valueOf).reduce("", String::concat)));
    }

    /** C0 and C1 controls, less tab, CR and LF, which text may hold. */
    private static Arbitrary<String> controlCharacters() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u0008'), Arbitraries.chars().range('\u000b', '\u000c'),
                        Arbitraries.chars().range('\u000e', '\u001f'), Arbitraries.chars().range('\u007f', '\u009f'))
                .map(String::valueOf);
    }

    /** Letters around the given bad part, so that nothing else about the text is wrong. */
    private static Arbitrary<JsonNode> textAround(Arbitrary<String> bad) {
        Arbitrary<String> letters = Arbitraries.strings().alpha().ofMinLength(5).ofMaxLength(10);
        return Combinators.combine(letters, bad, letters).as((before, part, after) -> NODES.textNode(before + part + after));
    }

    /** An address with a header after it, as a mail header would take it if the address reached one as it is. */
    private static Arbitrary<JsonNode> headerInjections() {
        return Combinators.combine(Arbitraries.of("\r\n", "\n", "\r", "%0d%0a"), Arbitraries.of("Bcc", "Subject", "Content-Type"))
                .as((newline, header) -> NODES.textNode("reporter@example.org" + newline + header + ": victim@example.org"));
    }
}
