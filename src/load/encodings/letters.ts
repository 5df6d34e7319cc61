/**
 * The Vietnamese vowels and tones, from which every legacy table is checked and every toned
 * letter is named: a converter table lists 12 vowels × 6 tones, in this tone order.
 */

/** Tone marks as Unicode combining characters, in the order of the VNI and TCVN3 tables. */
export const TONE_MARKS = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"] as const;

/** Tone names, index-aligned with TONE_MARKS: none, sắc, huyền, hỏi, ngã, nặng. */
export const TONE_NAMES = ["ngang", "sắc", "huyền", "hỏi", "ngã", "nặng"] as const;

/** The twelve vowels, each with its vowel-quality mark already applied. */
export const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;

/** Tone indices that a syllable closed by -c, -ch, -p, -t can carry (sắc, nặng). */
export const STOPPED_TONES: ReadonlySet<number> = new Set([1, 5]);

export interface ToneParts {
  /** The vowel without its tone, in the letter's case (`ế` → `ê`, `Ấ` → `Â`). */
  readonly base: string;
  /** Index into TONE_MARKS. */
  readonly tone: number;
}

/** The letter for a vowel and a tone, precomposed (`ê` + 1 → `ế`). */
export const tonedLetter = (vowel: string, tone: number): string => (vowel + (TONE_MARKS[tone] ?? "")).normalize("NFC");

function tonePartsOf(): Map<string, ToneParts> {
  const parts = new Map<string, ToneParts>();
  for (const vowel of VOWELS) {
    for (const base of [vowel, vowel.toUpperCase()]) {
      for (let tone = 0; tone < TONE_MARKS.length; tone++) parts.set(tonedLetter(base, tone), { base, tone });
    }
  }
  return parts;
}

/** Every vowel letter, lower and upper case, toned or not, to its vowel and tone. */
export const TONE_PARTS: ReadonlyMap<string, ToneParts> = tonePartsOf();

/** Every Vietnamese letter outside ASCII, lower then upper case: the toned and marked vowels and đ/Đ. */
export const VIETNAMESE_LETTERS: readonly string[] = [...TONE_PARTS.keys(), "đ", "Đ"].filter((letter) => letter.charCodeAt(0) > 0x7f);
