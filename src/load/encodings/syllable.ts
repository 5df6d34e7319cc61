import { STOPPED_TONES, TONE_PARTS } from "./letters.js";
import { CLOSABLE_RHYMES, CODAS, ONSETS, OPEN_RHYMES, STOPPED_CODAS } from "./syllable-table.js";

const alternatives = (parts: readonly string[]): string => parts.join("|");

/** One test per word, on the word without its tone. */
const TONELESS_SYLLABLE = new RegExp(
  `^(?:${alternatives(ONSETS)})?(?:${alternatives(OPEN_RHYMES)}|(?:${alternatives(CLOSABLE_RHYMES)})(?:${alternatives(CODAS)})?)$`,
);

/**
 * Whether a word (any case) is a well-formed Vietnamese syllable: onset, rhyme and coda from the
 * syllable table, at most one tone, and only sắc or nặng on a syllable closed by -c, -ch, -p, -t.
 */
export function isVietnameseSyllable(word: string): boolean {
  const lower = word.normalize("NFC").toLowerCase();
  let toneless = "";
  let tone = 0;
  for (const char of lower) {
    const parts = TONE_PARTS.get(char);
    if (parts === undefined) {
      toneless += char;
      continue;
    }
    if (parts.tone !== 0) {
      if (tone !== 0) return false;
      tone = parts.tone;
    }
    toneless += parts.base;
  }
  if (!TONELESS_SYLLABLE.test(toneless)) return false;
  return tone === 0 || STOPPED_TONES.has(tone) || !STOPPED_CODAS.some((coda) => toneless.endsWith(coda));
}
