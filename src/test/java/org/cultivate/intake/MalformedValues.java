package org.cultivate.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.cultivate.intake.FormSchema.Field;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of values that no field of a form may take, by the field's type: the wrong JSON type,
 * text that is not Unicode or carries control characters, too long, deeply nested, a choice that
 * is not offered. Shared by the validator's properties and the HTTP ones, as QuickTheories
 * generators ({@link Gen}), with the few combinators that QuickTheories leaves out.
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
    static Gen<JsonNode> forField(Field field) {
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
                if (field.yesNo()) {
                    // a yes-or-no choice takes true and false, and nothing else
                    choices.addAll(List.of(numbers(), words(1, 12)));
                } else if (!field.options().isEmpty()) {
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
        return oneOf(choices);
    }

    /** Any JSON at all, a few levels deep, with any characters in its texts and keys. */
    static Gen<JsonNode> anyJson() {
        return anyJson(3);
    }

    /** JSON at most this many levels of arrays and objects deep: a leaf at 0. */
    private static Gen<JsonNode> anyJson(int depth) {
        List<Gen<JsonNode>> choices = new ArrayList<>(List.of(
                pick(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false)),
                numbers(),
                anyText(0, 30).map(NODES::textNode)));
        if (depth > 0) {
            Gen<JsonNode> inner = anyJson(depth - 1);
            choices.add(listsOf(inner, 0, 3).map(items -> NODES.arrayNode().addAll(items)));
            choices.add(mapsOf(anyText(0, 8), inner, 3).map(fields -> {
                var object = NODES.objectNode();
                fields.forEach(object::set);
                return object;
            }));
        }
        return oneOf(choices);
    }

    /** Text of any UTF-16 code units: lone surrogates, controls and noncharacters included. */
    static Gen<String> anyText(int minLength, int maxLength) {
        return text(chars('\u0000', '\uffff'), minLength, maxLength);
    }

    /** Arrays nested this deep: {@code [[[…]]]}. */
    static Gen<JsonNode> deeplyNested(int minDepth, int maxDepth) {
        return Generate.range(minDepth, maxDepth, minDepth).map(depth -> {
            ArrayNode outer = NODES.arrayNode();
            ArrayNode inner = outer;
            for (int level = 1; level < depth; level++) {
                inner = inner.addArray();
            }
            return outer;
        });
    }

    /** Any long, or any finite double. */
    static Gen<JsonNode> numbers() {
        Gen<JsonNode> longs = Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE, 0).map(NODES::numberNode);
        Gen<JsonNode> doubles = Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE, 0).map(Double::longBitsToDouble)
                .map(value -> Double.isFinite(value) ? value : 0.0).map(NODES::numberNode);
        return Generate.oneOf(longs, doubles);
    }

    static Gen<JsonNode> booleans() {
        return pick(NODES.booleanNode(true), NODES.booleanNode(false));
    }

    private static Gen<JsonNode> objects() {
        return mapsOf(words(1, 8).map(word -> word.asText()), numbers(), 2).map(fields -> {
            var object = NODES.objectNode();
            fields.forEach(object::set);
            return object;
        });
    }

    private static Gen<JsonNode> nonEmptyArrays() {
        return listsOf(Generate.oneOf(numbers(), words(1, 8)), 1, 3).map(items -> NODES.arrayNode().addAll(items));
    }

    private static Gen<JsonNode> words(int minLength, int maxLength) {
        return letters(minLength, maxLength).map(NODES::textNode);
    }

    private static Gen<JsonNode> notOffered(Field field) {
        return anyText(1, 20).assuming(choice -> !field.options().contains(choice)).map(NODES::textNode);
    }

    /** A lone high or low surrogate, or a run of high ones: {@code "\ud800\ud800…"}. */
    private static Gen<String> loneSurrogates() {
        return Generate.oneOf(
                chars('\ud800', '\udfff').map(unit -> String.valueOf(unit.charValue())),
                text(chars('\ud800', '\udbff'), 2, 12));
    }

    /** C0 and C1 controls, less tab, CR and LF, which text may hold. */
    private static Gen<String> controlCharacters() {
        return Generate.oneOf(chars('\u0000', '\u0008'), chars('\u000b', '\u000c'), chars('\u000e', '\u001f'), chars('\u007f', '\u009f'))
                .map(unit -> String.valueOf(unit.charValue()));
    }

    /** Letters around the given bad part, so that nothing else about the text is wrong. */
    private static Gen<JsonNode> textAround(Gen<String> bad) {
        Gen<String> letters = letters(5, 10);
        return letters.zip(bad, letters, (before, part, after) -> NODES.textNode(before + part + after));
    }

    /** An address with a header after it, as a mail header would take it if the address reached one as it is. */
    private static Gen<JsonNode> headerInjections() {
        return pick("\r\n", "\n", "\r", "%0d%0a").zip(pick("Bcc", "Subject", "Content-Type"),
                (newline, header) -> NODES.textNode("reporter@example.org" + newline + header + ": victim@example.org"));
    }

    // What QuickTheories has no short form of. Every one draws all its randomness from the source it
    // is given, so that a run is the seed's alone and a failure shrinks.

    /** One of the given values, shrinking towards the first. */
    @SafeVarargs
    static <T> Gen<T> pick(T... values) {
        return Generate.pick(List.of(values));
    }

    /** A value of one of the given generators, each as likely, shrinking towards the first. */
    static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> generators) {
        List<Gen<? extends T>> all = List.copyOf(generators);
        Gen<Integer> index = Generate.range(0, all.size() - 1, 0);
        return in -> all.get(index.generate(in)).generate(in);
    }

    /** A UTF-16 code unit in this range, whether or not it is a character on its own. */
    static Gen<Character> chars(char first, char last) {
        return Generate.range(first, last, first).map(unit -> (char) unit.intValue());
    }

    /** Text of these many code units, each from the given generator. */
    static Gen<String> text(Gen<Character> units, int minLength, int maxLength) {
        return listsOf(units, minLength, maxLength).map(list -> {
            var text = new StringBuilder(list.size());
            list.forEach(text::append);
            return text.toString();
        });
    }

    /** ASCII letters, as many as asked. */
    static Gen<String> letters(int minLength, int maxLength) {
        return text(Generate.oneOf(chars('a', 'z'), chars('A', 'Z')), minLength, maxLength);
    }

    /** Lists of these many items, shrinking towards the shortest. */
    static <T> Gen<List<T>> listsOf(Gen<T> items, int minSize, int maxSize) {
        Gen<Integer> sizes = Generate.range(minSize, maxSize, minSize);
        return in -> {
            int size = sizes.generate(in);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(items.generate(in));
            }
            return list;
        };
    }

    /**
     * Maps of at most this many entries, in the order drawn; a key drawn twice keeps its last value.
     * (QuickTheories' own maps draw keys until they have enough distinct ones, which never ends
     * while a shrunk source keeps giving the same key.)
     */
    static <K, V> Gen<Map<K, V>> mapsOf(Gen<K> keys, Gen<V> values, int maxSize) {
        return listsOf(keys.zip(values, Map::entry), 0, maxSize).map(entries -> {
            Map<K, V> map = new LinkedHashMap<>();
            entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
            return map;
        });
    }
}
