import { Buffer } from "node:buffer";
import { TONE_MARKS, TONE_PARTS } from "./letters.js";
import { WINDOWS_1252_C1, WINDOWS_1258_HIGH } from "./codepage-tables.js";

type CodePage = Uint16Array;

function codePage(differences: readonly (readonly [number, number])[]): CodePage {
  const page = new Uint16Array(256).map((_, byte) => byte);
  for (const [byte, codePoint] of differences) page[byte] = codePoint;
  return page;
}

const WINDOWS_1252 = codePage(WINDOWS_1252_C1);
const WINDOWS_1258 = codePage(WINDOWS_1258_HIGH);

/** Each byte as the code unit of the same number: the view legacy tables are written against. */
export const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

function fromCodePage(latin1Text: string, page: CodePage): string {
  const units = new Uint16Array(latin1Text.length);
  for (let i = 0; i < latin1Text.length; i++) {
    const c = latin1Text.charCodeAt(i);
    units[i] = c <= 0xff ? page[c]! : c;
  }
  return Buffer.from(units.buffer).toString("utf16le");
}

/** Latin-1 code units → Windows-1252 (only 0x80–0x9F change: curly quotes, dashes, …). */
export const windows1252FromLatin1 = (latin1Text: string): string => fromCodePage(latin1Text, WINDOWS_1252);

/** Latin-1 code units → Windows-1258, tone marks composed (NFC). */
export const windows1258FromLatin1 = (latin1Text: string): string => fromCodePage(latin1Text, WINDOWS_1258).normalize("NFC");

function reverse(page: CodePage): Map<number, number> {
  const bytes = new Map<number, number>();
  page.forEach((codePoint, byte) => {
    if (!bytes.has(codePoint)) bytes.set(codePoint, byte);
  });
  return bytes;
}

const WINDOWS_1252_BYTES = reverse(WINDOWS_1252);
const WINDOWS_1258_BYTES = reverse(WINDOWS_1258);

const unencodable = (char: string, encoding: string): RangeError =>
  new RangeError(`${JSON.stringify(char)} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}) has no ${encoding} code`);

/** Code units of a legacy string (TCVN3 or VNI output, Windows-1252 punctuation) → bytes. */
export function windows1252Bytes(text: string, encoding: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = WINDOWS_1252_BYTES.get(text.charCodeAt(i));
    if (byte === undefined) throw unencodable(text[i]!, encoding);
    bytes[i] = byte;
  }
  return bytes;
}

/** Unicode → Windows-1258: a letter the page lacks precomposed is its vowel byte and a tone byte. */
export function windows1258Bytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text.normalize("NFC")) {
    const direct = WINDOWS_1258_BYTES.get(char.charCodeAt(0));
    if (direct !== undefined && char.length === 1) {
      bytes.push(direct);
      continue;
    }
    const parts = TONE_PARTS.get(char);
    const base = parts === undefined ? undefined : WINDOWS_1258_BYTES.get(parts.base.charCodeAt(0));
    const tone = parts === undefined ? undefined : WINDOWS_1258_BYTES.get(TONE_MARKS[parts.tone]!.charCodeAt(0));
    if (base === undefined || tone === undefined) throw unencodable(char, "windows-1258");
    bytes.push(base, tone);
  }
  return Uint8Array.from(bytes);
}
