import { substitutionCodec } from "./codec.js";
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

export const tcvn3 = substitutionCodec(letters, capitalsAsLowerCase);

/**
 * Text set in an "H" font (`.VnTimeH`, `.VnArialH` …) shows every letter, ASCII ones included,
 * as a capital whatever code it holds, so the decoded text is upper-cased whole.
 */
export const upperCaseAsHFont = (decoded: string): string => decoded.toUpperCase();
