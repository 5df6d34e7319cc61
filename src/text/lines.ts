import { foldWords } from "./fold.js";

/**
 * A line in capitals (two letters or more): an agency line, a type line, a heading or a
 * signature line, never the middle of a sentence.
 */
export function isCapitalsLine(text: string): boolean {
  // Most lines are sentences, with a lower-case ASCII letter within the first word: no need to
  // upper-case the whole line to see it. (Upper-casing keeps a string only if it keeps every
  // character, and it never keeps a-z.)
  if (ASCII_LOWER.test(text)) return false;
  return text === text.toUpperCase() && text !== text.toLowerCase() && /\p{L}.*\p{L}/su.test(text);
}

const ASCII_LOWER = /[a-z]/;

/** Quốc hiệu and tiêu ngữ, state or Party: header furniture, never the issuer. */
export function isQuocHieu(text: string): boolean {
  return /^(?:cong hoa xa hoi chu nghia|doc lap tu do hanh phuc|dang cong san viet nam)/.test(foldWords(text));
}
