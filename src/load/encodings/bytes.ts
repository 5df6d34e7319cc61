import { latin1, windows1252FromLatin1, windows1258FromLatin1 } from "./codepages.js";
import { detectLegacyEncoding, MIN_VALID_SHARE, scoreReadings } from "./detect.js";
import { decodeLegacy } from "./legacy.js";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258" | "tcvn3" | "vni";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Bytes looked at to recognise UTF-16 without a byte-order mark. */
const UTF16_SAMPLE_BYTES = 4096;
/**
 * UTF-16 of Vietnamese is mostly ASCII (spaces, consonants, digits), so one byte of most code
 * units is NUL, always on the same side; the other side is almost never NUL (U+xx00 is rare).
 */
const UTF16_MIN_NUL_SHARE = 0.3;
const UTF16_MAX_OTHER_NUL_SHARE = 0.05;

function strict(encoding: "utf-8" | "utf-16le" | "utf-16be", bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function byByteOrderMark(bytes: Uint8Array): { text: string | null; encoding: "utf-8" | "utf-16le" | "utf-16be" } | null {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { text: strict("utf-8", bytes), encoding: "utf-8" };
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  return null;
}

function utf16ByNuls(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE_BYTES) / 2);
  if (pairs < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const mostly = (nuls: number): boolean => nuls >= pairs * UTF16_MIN_NUL_SHARE;
  const hardly = (nuls: number): boolean => nuls <= pairs * UTF16_MAX_OTHER_NUL_SHARE;
  if (mostly(oddNuls) && hardly(evenNuls)) return "utf-16le";
  if (mostly(evenNuls) && hardly(oddNuls)) return "utf-16be";
  return null;
}

/** A Unicode text may still be TCVN3 or VNI saved as the Unicode of its Latin-1 characters. */
function legacyInside(text: string, transport: "utf-8" | "utf-16le" | "utf-16be"): DecodedText {
  const { encoding } = detectLegacyEncoding(text);
  return encoding === "unicode" ? { text, encoding: transport } : { text: decodeLegacy(text, encoding, { upperCase: "guess" }), encoding };
}

/** Readings of Latin-1 code units; TCVN3 guesses its H-font lines only for the whole text. */
const EIGHT_BIT_READINGS = [
  { encoding: "windows-1258", read: windows1258FromLatin1 },
  { encoding: "tcvn3", read: (text: string, whole = false) => decodeLegacy(windows1252FromLatin1(text), "tcvn3", { upperCase: whole && "guess" }) },
  { encoding: "vni", read: (text: string) => decodeLegacy(windows1252FromLatin1(text), "vni") },
] as const;

/**
 * Bytes that are no UTF-8: Windows-1258, TCVN3 or VNI, whichever turns the most words into
 * Vietnamese syllables (Windows-1258 on a tie: it alone is a standard code page). Null when none
 * turns at least half of them: the bytes are not Vietnamese text.
 */
function eightBit(bytes: Uint8Array): DecodedText | null {
  const text = latin1(bytes);
  const scores = scoreReadings(
    text,
    EIGHT_BIT_READINGS.map(({ read }) => (word: string) => read(word)),
  );
  let best = 0;
  scores.valid.forEach((valid, i) => {
    if (valid > scores.valid[best]!) best = i;
  });
  if (scores.words > 0 && scores.valid[best]! < scores.words * MIN_VALID_SHARE) return null;
  const reading = EIGHT_BIT_READINGS[best]!;
  return { text: reading.read(text, true), encoding: reading.encoding };
}

/**
 * Decodes a plain-text file: UTF-8 (BOM or not), UTF-16 LE/BE (BOM, or recognised by where its
 * NUL bytes fall), Windows-1258, TCVN3 or VNI (as bytes, or as Unicode of their Latin-1
 * characters). Null when the bytes are no text in any of these.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText | null {
  const marked = byByteOrderMark(bytes);
  if (marked !== null) return marked.text === null ? null : legacyInside(marked.text, marked.encoding);
  const utf16 = utf16ByNuls(bytes);
  if (utf16 !== null) {
    const text = strict(utf16, bytes);
    if (text !== null) return legacyInside(text, utf16);
  }
  if (bytes.includes(0)) return null;
  const utf8 = strict("utf-8", bytes);
  return utf8 === null ? eightBit(bytes) : legacyInside(utf8, "utf-8");
}
