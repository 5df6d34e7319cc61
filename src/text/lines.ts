import { foldWords } from "./fold.js";

/**
 * A line in capitals (two letters or more): an agency line, a type line, a heading or a
 * signature line, never the middle of a sentence.
 */
export function isCapitalsLine(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase() && /\p{L}.*\p{L}/su.test(text);
}

/** Quốc hiệu and tiêu ngữ, state or Party: header furniture, never the issuer. */
export function isQuocHieu(text: string): boolean {
  return /^(?:cong hoa xa hoi chu nghia|doc lap tu do hanh phuc|dang cong san viet nam)/.test(foldWords(text));
}
