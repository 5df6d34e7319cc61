import type { SubstitutionCodec } from "./codec.js";
import { windows1252Bytes, windows1258Bytes } from "./codepages.js";
import { restoreLostCapitals, tcvn3, upperCaseAsHFont, upperCaseHFontLines } from "./tcvn3.js";
import { vni } from "./vni.js";

/** The 8-bit font encodings whose text reaches us as Latin-1 characters. */
export type LegacyEncoding = "tcvn3" | "vni";

export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ["tcvn3", "vni"];

export const CODECS: Readonly<Record<LegacyEncoding, SubstitutionCodec>> = { tcvn3, vni };

export interface DecodeLegacyOptions {
  /**
   * `true`: the text was set in a TCVN3 "H" font (`.VnTimeH`), which shows every letter as a
   * capital. `"guess"`: fonts unknown (a plain-text file); upper-case the lines that look typed
   * for an H font. Absent or `false`: decode the codes as they are.
   */
  upperCase?: boolean | "guess";
}

/** Legacy text, as the Latin-1/Windows-1252 characters a program shows for its bytes → Unicode (NFC). */
export function decodeLegacy(text: string, encoding: LegacyEncoding, options: DecodeLegacyOptions = {}): string {
  const decoded = CODECS[encoding].decode(text);
  if (options.upperCase === true) return upperCaseAsHFont(decoded);
  return options.upperCase === "guess" && encoding === "tcvn3" ? restoreLostCapitals(upperCaseHFontLines(decoded)) : decoded;
}

/**
 * Unicode → legacy text as Latin-1 characters. TCVN3 has no toned capitals: they become the
 * lower-case codes, as typed for an "H" font (decode with `upperCase` to get them back).
 */
export const encodeLegacy = (text: string, encoding: LegacyEncoding): string => CODECS[encoding].encode(text);

/** Unicode → the bytes of a legacy file. Throws a RangeError on a character the encoding lacks. */
export function encodeLegacyBytes(text: string, encoding: LegacyEncoding | "windows-1258"): Uint8Array {
  return encoding === "windows-1258" ? windows1258Bytes(text) : windows1252Bytes(encodeLegacy(text, encoding), encoding);
}
