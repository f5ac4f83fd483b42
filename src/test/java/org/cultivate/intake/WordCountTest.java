package org.cultivate.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Word limits count words in any script, and the portal (web/portal/word-count.js) counts as the server does. */
class WordCountTest {

    record Case(String text, int words) {
        @Override
        public String toString() {
            return text.replace("\n", "\\n").replace("\t", "\\t") + " -> " + words;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("", 0),
            new Case("   ", 0),
            new Case("Hello, world!", 2),
            new Case("don't stop — co-op members", 4),
            new Case("first\tsecond\nthird\r\nfourth", 4),
            new Case("2026 was the year", 4),
            new Case("— … !!!", 0),
            // Arabic, with and without vowel marks: words between spaces
            new Case("نحن نحتاج إلى هذه الورشة", 5),
            new Case("مُجْتَمَعٌ قَوِيٌّ", 2),
            // Chinese and Japanese: each character a word, as word processors count them
            new Case("我们需要这个工作坊", 9),
            new Case("コミュニティ", 6),
            new Case("Python 社区 meetup", 4),
            // Korean writes spaces between words: each spaced run is one
            new Case("우리는 이 워크숍이 필요합니다", 4),
            new Case("Ελληνικά και русский язык", 4));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void counts(Case example) {
        assertThat(WordCount.of(example.text())).isEqualTo(example.words());
    }

    @Test
    void thePortalCountsTheSame() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String module = Path.of("web/portal/word-count.js").toAbsolutePath().toUri().toString();
        Process node = new ProcessBuilder("node", "--input-type=module", "-e",
                "import { countWords } from '" + module + "';"
                        + "console.log(JSON.stringify(JSON.parse(process.argv[1]).map(countWords)));",
                json.writeValueAsString(CASES.stream().map(Case::text).toList())).redirectErrorStream(true).start();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String answer = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(node.exitValue()).as(answer).isZero();
        assertThat(json.readValue(answer, int[].class)).containsExactly(CASES.stream().mapToInt(Case::words).toArray());
    }
}
