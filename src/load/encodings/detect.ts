import { VIETNAMESE_LETTERS } from "./letters.js";
import { CODECS, LEGACY_ENCODINGS, type LegacyEncoding } from "./legacy.js";
import { isVietnameseSyllable } from "./syllable.js";
import { eightBitWords } from "./words.js";

/** Words sampled: enough to decide, few enough to keep detection cheap on a long document. */
export const SAMPLE_WORDS = 500;

/** Share of the sampled words that must read as Vietnamese syllables under the chosen encoding. */
export const MIN_VALID_SHARE = 0.5;

/** Share of the sampled words by which a legacy reading must beat reading the text as it is. */
export const MIN_LEAD_SHARE = 0.2;

/**
 * Legacy text read as Latin-1 holds no Vietnamese letter beyond U+00FF (ă đ ơ ư ạ ấ …); Unicode
 * Vietnamese holds about as many of those as of Latin-1 ones (à á â …). Beyond this ratio of the
 * first to the second the text is Unicode, without reading a word.
 */
export const UNICODE_LETTER_RATIO = 0.25;

/** Vietnamese letters beyond U+00FF (U+0102 ă … U+1EF9 ỹ), as a lookup by code unit: countUnits runs on every PDF page. */
const BEYOND_LATIN1 = new Uint8Array(0x1f00);
for (const letter of VIETNAMESE_LETTERS) {
  const c = letter.charCodeAt(0);
  if (c > 0xff && c < BEYOND_LATIN1.length) BEYOND_LATIN1[c] = 1;
}

export interface ReadingScores {
  /** Words sampled: those holding a code unit U+0080–U+00FF. */
  words: number;
  /** Of those, how many are Vietnamese syllables under each reading, index-aligned with the readings. */
  valid: number[];
}

/** How many of the text's 8-bit words each reading turns into Vietnamese syllables. */
export function scoreReadings(text: string, readings: readonly ((word: string) => string)[]): ReadingScores {
  const words = eightBitWords(text, SAMPLE_WORDS);
  const valid = readings.map((read) => words.filter((word) => isVietnameseSyllable(read(word))).length);
  return { words: words.length, valid };
}

export type TextReading = "unicode" | LegacyEncoding;

export interface LegacyDetection {
  encoding: TextReading;
  /** Latin-1 letters and symbols (U+00A1–U+00FF) in the text: the legacy encodings' code units. */
  latin1Units: number;
  /** Vietnamese letters beyond U+00FF, which no legacy text read as Latin-1 holds. */
  unicodeLetters: number;
  /** Words sampled and, per reading, how many read as Vietnamese syllables (empty when not read). */
  words: number;
  valid: Partial<Record<TextReading, number>>;
}

function countUnits(text: string): { latin1Units: number; unicodeLetters: number } {
  let latin1Units = 0;
  let unicodeLetters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xa1 && c <= 0xff) latin1Units++;
    else if (c > 0xff && BEYOND_LATIN1[c] === 1) unicodeLetters++;
  }
  return { latin1Units, unicodeLetters };
}

/**
 * Whether a string (a text file already decoded, a DOCX run, a PDF text item) is TCVN3 or VNI
 * read as Latin-1, or ordinary Unicode. Decided by the text alone, never a file or font name:
 * Unicode unless a legacy reading turns at least half the sampled words into Vietnamese syllables
 * and beats the text as it stands by a fifth of them.
 */
export function detectLegacyEncoding(text: string): LegacyDetection {
  const units = countUnits(text);
  if (units.latin1Units === 0 || units.unicodeLetters >= units.latin1Units * UNICODE_LETTER_RATIO) {
    return { encoding: "unicode", ...units, words: 0, valid: {} };
  }
  const readings: TextReading[] = ["unicode", ...LEGACY_ENCODINGS];
  const scores = scoreReadings(
    text,
    readings.map((reading) => (reading === "unicode" ? (word: string) => word : CODECS[reading].decode)),
  );
  const valid = Object.fromEntries(readings.map((reading, i) => [reading, scores.valid[i] ?? 0])) as Record<TextReading, number>;
  const wins = (legacy: LegacyEncoding): boolean =>
    valid[legacy] >= scores.words * MIN_VALID_SHARE &&
    valid[legacy] - valid.unicode >= Math.max(1, scores.words * MIN_LEAD_SHARE);
  // A stable sort: on a tie TCVN3, listed first, is kept.
  const encoding = LEGACY_ENCODINGS.filter(wins).sort((a, b) => valid[b] - valid[a])[0] ?? "unicode";
  return { encoding, ...units, words: scores.words, valid };
}

/** The legacy encoding a text is in, or null for Unicode: detectLegacyEncoding's verdict alone. */
export function legacyEncodingOf(text: string): LegacyEncoding | null {
  const { encoding } = detectLegacyEncoding(text);
  return encoding === "unicode" ? null : encoding;
}
