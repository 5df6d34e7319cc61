import { substitutionCodec, type SubstitutionCodec } from "./codec.js";
import { isVietnameseSyllable } from "./syllable.js";
import { TCVN3_TABLE } from "./tcvn3-table.js";

const letters = TCVN3_TABLE.map(([byte, letter]) => [String.fromCharCode(byte), letter] as const);
const coded = new Set(letters.map(([, letter]) => letter));

/**
 * Toned capitals have no TCVN3 code: typists wrote the lower-case code in an "H" font, which
 * draws it as the capital. Encoding does the same, so `ỦY BAN` → `ñY BAN`, read back with
 * `upperCase` (the H font) as `ỦY BAN`.
 */
const capitalsAsLowerCase = letters
  .filter(([, letter]) => !coded.has(letter.toUpperCase()))
  .map(([legacy, letter]) => [letter.toUpperCase(), legacy] as const);

const codec = substitutionCodec(letters, capitalsAsLowerCase);

/**
 * A PDF text layer resolves TCVN3 codes through the font's glyph names, and two of them come out
 * as mathematical signs: 0xAD (ư, drawn by the soft-hyphen slot's glyph) as U+2212 minus and 0xB7
 * (ã) as U+2219 bullet operator. Next to a letter they are that letter; between digits or spaces
 * (`5 − 3`) a minus is a minus.
 */
const PDF_GLYPHS: ReadonlyMap<string, string> = new Map([
  ["\u2212", "\u00ad"],
  ["\u2219", "\u00b7"],
]);
const PDF_GLYPH = /[\u2212\u2219]/g;
const LETTER = /\p{L}/u;

function restorePdfGlyphs(text: string): string {
  if (!text.includes("\u2212") && !text.includes("\u2219")) return text;
  return text.replace(PDF_GLYPH, (glyph, at: number) =>
    LETTER.test(text[at - 1] ?? "") || LETTER.test(text[at + 1] ?? "") ? (PDF_GLYPHS.get(glyph) ?? glyph) : glyph,
  );
}

export const tcvn3: SubstitutionCodec = {
  decode: (text) => codec.decode(restorePdfGlyphs(text)),
  encode: codec.encode,
};

/**
 * Text set in an "H" font (`.VnTimeH`, `.VnArialH` …) shows every letter, ASCII ones included,
 * as a capital whatever code it holds, so the decoded text is upper-cased whole.
 */
export const upperCaseAsHFont = (decoded: string): string => decoded.toUpperCase();

const ASCII_LOWER_CASE = /[a-z]/;
const NOT_LETTERS = /[^\p{L}]+/u;
const LOWER_CASE = /\p{Ll}/u;
const INNER_CAPITAL = /\p{L}\p{Lu}/u;
const CAPITALISED = /^\p{Lu}/u;
/** Column gaps, table bars, bold marks: a header line has a capitals column and a normal one. */
const COLUMNS = /(\s{2,}|\t|\||\*\*)/;

/**
 * Whether a decoded stretch of a line was typed for an H font, where toned capitals come back as
 * lower-case letters among capitals. It has no lower-case ASCII letter, and either a word with a
 * capital after a lower-case letter (`HOạCH`, `ủY`), or only capitalised syllables (`Sở Y Tế`,
 * `Bí THƯ`); `Số: 89/KH-MNHL` and `Sở VHTTDL` are normal text with abbreviations.
 */
function typedForHFont(stretch: string): boolean {
  if (ASCII_LOWER_CASE.test(stretch)) return false;
  const words = stretch.split(NOT_LETTERS).filter((word) => word !== "");
  const mixed = words.filter((word) => LOWER_CASE.test(word));
  if (mixed.length === 0) return false;
  if (mixed.some((word) => INNER_CAPITAL.test(word))) return true;
  return words.length >= 2 && words.every((word) => CAPITALISED.test(word) && isVietnameseSyllable(word));
}

/**
 * For TCVN3 text whose fonts are unknown (a plain-text file): upper-cases the stretches of lines
 * that look typed for an H font, so `KÕ HO¹CH` reads `KẾ HOẠCH`, not `Kế HOạCH`.
 */
export const upperCaseHFontLines = (decoded: string): string =>
  decoded
    .split("\n")
    .map((line) =>
      line
        .split(COLUMNS)
        .map((stretch) => (typedForHFont(stretch) ? upperCaseAsHFont(stretch) : stretch))
        .join(""),
    )
    .join("\n");

/** Lower-case toned vowels whose capital TCVN3 cannot hold: in normal text the capital is lost. */
const UNCODED_CAPITAL_INITIAL = new Set(capitalsAsLowerCase.map(([capital]) => capital.toLowerCase()));
/** Where Vietnamese writing always capitalises: a line's start (after a list label) or a sentence's. */
const SENTENCE_START = /(^|[.!?:]\s+|^\s*(?:[-+•]|\(?[0-9IVXivx]{1,4}(?:\.[0-9]{1,2})*[.)-]|\(?[a-zđ]\)|\(\d{1,2}\)\.?)\s+)(\p{Ll})/gmu;
/** Agency names the genre always capitalises, wherever they stand (`của ủy ban nhân dân` → `Ủy ban`). */
const CAPITALISED_NAMES = /(?<!\p{L})(ủy|uỷ)(?= ban(?!\p{L}))/gu;

/**
 * For TCVN3 text typed in a normal font with no H-font runs for its toned capitals (a plain-text
 * file): puts back the capitals Vietnamese writing requires at a sentence's or list item's
 * start and on agency names, where the lower-case code stands for a capital that had no code.
 */
export function restoreLostCapitals(decoded: string): string {
  return decoded
    .replace(SENTENCE_START, (whole, before: string, letter: string) =>
      UNCODED_CAPITAL_INITIAL.has(letter) ? before + letter.toUpperCase() : whole,
    )
    .replace(CAPITALISED_NAMES, (word: string) => word.charAt(0).toUpperCase() + word.slice(1));
}
