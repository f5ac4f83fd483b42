package org.cultivate.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words as a form's word limit ({@code cultivate.maxWords}) counts them, in any script: each
 * Chinese character, kana or Hangul syllable block written without spaces is a word of its own (as
 * word processors count them), and elsewhere a word is a run of letters, marks and digits, joined
 * by an apostrophe or a hyphen ("don't", "co-op", Arabic with its vowel marks). Punctuation and
 * symbols alone are no words. The portal counts the same way as you type.
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
