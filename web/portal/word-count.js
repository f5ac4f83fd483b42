// Words as a form's word limit (cultivate.maxWords) counts them, in any script, exactly as the
// server does (intake/WordCount.java; WordCountTest checks that both agree): each Chinese
// character or kana is a word, elsewhere a run of letters, marks and digits joined by an
// apostrophe or a hyphen.
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}])+(?:['’-](?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}])+)*/gu;

export function countWords(text) {
  return typeof text === 'string' ? (text.match(WORD) ?? []).length : 0;
}
