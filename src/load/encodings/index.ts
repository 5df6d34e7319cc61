// Placeholder with the agreed signatures; the encodings branch replaces this file whole.
export type LegacyEncoding = "tcvn3" | "vni";

/** Which legacy encoding a font implies (`.VnTime` → tcvn3, `.VnTimeH` → tcvn3 upper case, `VNI-Times` → vni). */
export function encodingOfFont(_fontName: string): { encoding: LegacyEncoding; upperCase: boolean } | null {
  return null;
}

/** Converts text typed in a legacy encoding (read as Latin-1/1252 characters) to Unicode NFC. */
export function decodeLegacy(text: string, _encoding: LegacyEncoding, _options: { upperCase?: boolean } = {}): string {
  return text;
}

/** Which legacy encoding a string is in, by character statistics; null for ordinary Unicode. */
export function detectLegacyEncoding(_text: string): LegacyEncoding | null {
  return null;
}
