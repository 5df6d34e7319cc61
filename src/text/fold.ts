/**
 * Diacritic-insensitive comparison, for the places where we mean it: matching headings and
 * vocabulary against text typed with old tone placement (hoá/hóa, uỷ/ủy), missing marks or OCR
 * slips. Output text is never folded.
 */
export function fold(s: string): string {
  const short = s.length <= 40;
  let key = short ? SHORT_FOLD_CACHE.get(s) : undefined;
  if (key === undefined) {
    key = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
    if (short) remember(SHORT_FOLD_CACHE, s, key);
  }
  return key;
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
