/**
 * Diacritic-insensitive comparison, for the places where we mean it: matching headings and
 * vocabulary against text typed with old tone placement (hoá/hóa, uỷ/ủy), missing marks or OCR
 * slips. Output text is never folded.
 */
export function fold(s: string): string {
  const short = s.length <= 40;
  let key = short ? SHORT_FOLD_CACHE.get(s) : undefined;
  if (key === undefined) {
    key = foldByTable(s) ?? foldWhole(s);
    if (short) remember(SHORT_FOLD_CACHE, s, key);
  }
  return key;
}

/** The definition of folding; `foldByTable` gives the same answer letter by letter, faster. */
export function foldWhole(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

/**
 * Folding long lines was the largest single cost of citations. Per character it is a table
 * look-up, exact wherever folding the whole string equals folding each character: not for
 * combining marks (NFD reorders them), surrogates, Σ (lower case depends on the next letter) or
 * characters that fold to other than one character. Such a string returns null and takes
 * `foldWhole`. The table fills on first sight of each character; 0 = not yet seen.
 */
const FOLDED_CHAR = new Uint16Array(0x10000);
const NOT_PER_CHAR = 0xffff;
const COMBINING = /\p{M}/u;
let foldBuffer = new Uint16Array(1024);
const UTF16 = new TextDecoder("utf-16le");

function foldedChar(code: number): number {
  const ch = String.fromCharCode(code);
  const folded = foldWhole(ch);
  const exact = folded.length === 1 && !COMBINING.test(ch) && !(code >= 0xd800 && code <= 0xdfff) && code !== 0x03a3 && code !== NOT_PER_CHAR;
  return (FOLDED_CHAR[code] = exact ? folded.charCodeAt(0) : NOT_PER_CHAR);
}

function foldByTable(s: string): string | null {
  const n = s.length;
  if (foldBuffer.length < n) foldBuffer = new Uint16Array(Math.max(n, foldBuffer.length * 2));
  const out = foldBuffer;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    let folded: number;
    if (code < 0x80) folded = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    else {
      folded = FOLDED_CHAR[code]!;
      if (folded === 0) folded = foldedChar(code);
      if (folded === NOT_PER_CHAR) return null;
    }
    out[i] = folded;
  }
  return UTF16.decode(out.subarray(0, n));
}

/**
 * fold(s).slice(0, end), folding only that far where folding is letter by letter: the rest of a
 * long line need not be folded, only looked at. Where any character of `s` does not fold by
 * itself (see foldByTable), the whole of `s` is folded, as fold does.
 */
export function foldPrefix(s: string, end: number): string {
  if (end >= s.length || s.length <= 40) return fold(s).slice(0, end);
  for (let i = end; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x80 && (FOLDED_CHAR[code] || foldedChar(code)) === NOT_PER_CHAR) return fold(s).slice(0, end);
  }
  return foldByTable(s.slice(0, end)) ?? fold(s).slice(0, end);
}

/** Folds and collapses every run of non-letters/digits to one space: "I. MỤC ĐÍCH, YÊU CẦU:" -> "i muc dich yeu cau". */
export function foldWords(s: string): string {
  let key = FOLD_CACHE.get(s);
  if (key === undefined) {
    key = fold(s)
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    remember(FOLD_CACHE, s, key);
  }
  return key;
}

/** True when the folded words of `phrase` occur as whole words in the folded words of `text`. */
export function containsFolded(text: string, phrase: string): boolean {
  return ` ${foldWords(text)} `.includes(` ${foldWords(phrase)} `);
}

/** Old ("hoá", "uỷ") tone placement, keyed to the new one ("hóa", "ủy"). */
const OLD_TO_NEW: Readonly<Record<string, string>> = {
  oà: "òa", oá: "óa", oả: "ỏa", oã: "õa", oạ: "ọa",
  oè: "òe", oé: "óe", oẻ: "ỏe", oẽ: "õe", oẹ: "ọe",
  uỳ: "ùy", uý: "úy", uỷ: "ủy", uỹ: "ũy", uỵ: "ụy",
};
const OLD_PLACEMENT = /(?<![\p{L}])(\p{L}*?)(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}])/gu;

/**
 * Lower case with one tone placement: the comparison key for vocabulary. Unlike `fold` it keeps
 * every diacritic, so "bổ sung" never matches "bộ" and "số" never matches "sở".
 */
export function canon(s: string): string {
  let key = CANON_CACHE.get(s);
  if (key === undefined) {
    key = s
      .normalize("NFC")
      .toLowerCase()
      .replace(OLD_PLACEMENT, (word, onset: string, pair: string) =>
        onset.endsWith("q") || onset.endsWith("g") ? word : onset + (OLD_TO_NEW[pair] ?? pair),
      );
    remember(CANON_CACHE, s, key);
  }
  return key;
}

/** Words repeat across documents: a bounded memo keeps the hot comparisons cheap. */
const CANON_CACHE = new Map<string, string>();
const FOLD_CACHE = new Map<string, string>();
const SHORT_FOLD_CACHE = new Map<string, string>();
const MEMO_LIMIT = 50_000;
function remember(cache: Map<string, string>, from: string, to: string): void {
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(from, to);
}
