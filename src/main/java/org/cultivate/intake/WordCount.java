package org.cultivate.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words as a form's word limit ({@code cultivate.maxWords}) counts them, in any script: each
 * Chinese character or kana is a word of its own (as word processors count them), and elsewhere a
 * word is a run of letters, marks and digits, joined by an apostrophe or a hyphen ("don't",
 * "co-op", Arabic with its vowel marks, Korean between its spaces). Punctuation and symbols alone
 * are no words. The portal counts the same way as you type (web/portal/word-count.js); characters
 * newer than Java 17's Unicode 13 may count in a browser and not here.
 */
final class WordCount {

    private static final Pattern WORD = Pattern.compile(
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]|[\\p{L}\\p{M}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]+"
                    + "(?:['’\\-][\\p{L}\\p{M}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]+)*");

    private WordCount() {
    }

    static int of(String text) {
        Matcher words = WORD.matcher(text);
        int count = 0;
        while (words.find()) {
            count++;
        }
        return count;
    }
}
