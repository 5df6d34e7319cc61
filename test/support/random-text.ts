/**
 * Deterministic strings for tests that compare a fast path with its definition: the characters
 * the fast paths treat specially (combining marks, Σ, surrogate pairs, parentheses) mixed with
 * ordinary Vietnamese text.
 */
const ALPHABET = [
  ..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY0123456789",
  ..."àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ",
  ..."ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ",
  ..." ,;:.()+–-&/\"“”…§",
  " ", " ", " ", "\u00a0", "\u0301", "\u0323", "\u05b0", "Σ", "ΟΣ", "İ", "ǅ", "ﬁ", "😀", "\ud800", "가", "Ω",
];

export function randomTexts(count: number, maxLength: number, seed = 1): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = "";
    const length = next(maxLength) + 1;
    for (let i = 0; i < length; i++) s += ALPHABET[next(ALPHABET.length)]!;
    out.push(s);
  }
  return out;
}
