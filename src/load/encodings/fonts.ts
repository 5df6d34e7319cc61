import { decodeLegacy, type LegacyEncoding } from "./legacy.js";

export interface FontEncoding {
  encoding: LegacyEncoding;
  /** A TCVN3 "H" font (`.VnTimeH`): every letter shows as a capital, whatever its code. */
  upperCase: boolean;
}

/** PDF subset tag (`ABCDEF+.VnTime`). */
const SUBSET_TAG = /^[A-Z]{6}\+/;
/** Style after the family (`VNI-Times,Bold`, `.VnTimeH-BoldItalic`, `.VnArial Bold`). */
const STYLE = /(?:,.*|[-\s]?(?:Bold|Italic|Oblique|Regular|Normal|BoldItalic|BoldOblique))$/i;
/** VNI fonts: `VNI-Times`, `VNI-Helve`, `VNI-Helve-Condense`, `VNI Times`. */
const VNI_FONT = /^VNI[-_ ]/i;
/** TCVN3 fonts: `.VnTime`, `.VnArial Narrow`, and the dot-less PostScript names (`VnTime`). */
const TCVN3_FONT = /^(?:[._][Vv][Nn]|Vn(?=[A-Z]))/;

/**
 * The legacy encoding a font implies, for DOCX runs and PDF text items that name their font;
 * null for a Unicode (or unknown) font.
 */
export function encodingOfFont(fontName: string): FontEncoding | null {
  let family = fontName.trim().replace(SUBSET_TAG, "");
  for (let previous = ""; previous !== family; ) {
    previous = family;
    family = family.replace(STYLE, "");
  }
  if (VNI_FONT.test(family)) return { encoding: "vni", upperCase: false };
  if (TCVN3_FONT.test(family)) return { encoding: "tcvn3", upperCase: family.endsWith("H") };
  return null;
}

/**
 * A DOCX run or PDF text item in Unicode, read by its font: text in a TCVN3 or VNI font is
 * decoded (capitals for an H font), any other is returned as it is. Text whose font says nothing
 * may still be legacy: `detectLegacyEncoding` on the document's text decides that.
 */
export function decodeByFont(text: string, fontName: string): string {
  const font = encodingOfFont(fontName);
  return font === null ? text : decodeLegacy(text, font.encoding, { upperCase: font.upperCase });
}
