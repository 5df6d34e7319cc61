/**
 * Words as a legacy reading sees them: runs of ASCII letters and of every code unit from U+00A1
 * up, since TCVN3 writes letters with codes that Latin-1 calls punctuation (`¬` ơ, `×` ì, the
 * soft hyphen ư). General punctuation (U+2000–U+206F: curly quotes, dashes) separates words.
 */
function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c <= 0xa0) return false;
  return !(c >= 0x2000 && c <= 0x206f) && c !== 0xfeff && c !== 0x3000;
}

/**
 * Up to `limit` words that hold a code unit U+0080–U+00FF: the only words whose reading differs
 * between Unicode and the 8-bit encodings, so the only ones that can tell them apart.
 */
export function eightBitWords(text: string, limit: number): string[] {
  const words: string[] = [];
  let start = -1;
  let eightBit = false;
  for (let i = 0; i <= text.length && words.length < limit; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (isWordUnit(c)) {
      if (start < 0) start = i;
      if (c >= 0x80 && c <= 0xff) eightBit = true;
      continue;
    }
    if (start >= 0 && eightBit) words.push(text.slice(start, i));
    start = -1;
    eightBit = false;
  }
  return words;
}
