/**
 * The place of the date line ("Cẩm Phả, ngày 11 tháng 5 năm 2021") checked against the names of
 * administrative units the document itself writes ("trên địa bàn thành phố Cẩm Phả", "UBND
 * THÀNH PHỐ CẨM PHẢ"). OCR misreads a mark or a vowel of a name it has no word for ("Cẩm Phỏ"),
 * and seldom the same way twice: where the date line's place is written nowhere else but one
 * unit name differs from it only in the marks and vowels of one syllable, that name is the place.
 * No list of names is needed, and a name the document does not write is never put in.
 */

/** How far from the top the date line can be: below the header, the body begins. */
const HEADER_LINES = 15;

/** "Cẩm Phả, ngày …", "TP. Hồ Chí Minh, ngày …": a place of one to five words before the date. */
const DATE_LINE = /^(?<place>\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,4}),\s*ngày\b/u;

/** A unit's kind before its name, any case: thành phố Cẩm Phả, TỈNH QUẢNG NINH, TP. Huế. */
// The kind in either case, spelt out: with the i flag \p{Lu} would take lower-case words too ("xã hội chủ nghĩa").
const UNIT = /(?<![\p{L}])(?:[Tt]hành\s+[Pp]hố|THÀNH\s+PHỐ|[Tt]ỉnh|TỈNH|[Hh]uyện|HUYỆN|[Tt]hị\s+[Xx]ã|THỊ\s+XÃ|[Qq]uận|QUẬN|[Xx]ã|XÃ|[Pp]hường|PHƯỜNG|[Tt]hị\s+[Tt]rấn|THỊ\s+TRẤN|[Tt][Pp]\.?)\s+(?<name>\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,4})/gu;

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const VOWELS = /[aăâeêioôơuưy]/gu;

/** A syllable's consonants, vowels as one class and no tone: "phả" and "phỏ" are both "phV". */
function skeleton(syllable: string): string {
  return syllable.normalize("NFD").replace(TONE_MARKS, "").normalize("NFC").replace(VOWELS, "V");
}

/** A syllable with its tone mark moved to its end, so that old and new tone placement (hoá, hóa) spell one name. */
function toneKey(syllable: string): string {
  const nfd = syllable.normalize("NFD");
  return nfd.replace(TONE_MARKS, "") + (nfd.match(TONE_MARKS) ?? []).join("");
}

/** One spelling of a name for both tone placements: "thanh hoá" and "thanh hóa" are one. */
export function sameName(a: string, b: string): boolean {
  const as = a.split(/\s+/u);
  const bs = b.split(/\s+/u);
  return as.length === bs.length && as.every((s, i) => toneKey(s) === toneKey(bs[i]!));
}

/**
 * Whether `read` can be an OCR slip of `name` (both lower case): as many syllables, the same
 * consonants in each, and only the vowels and marks of one syllable different.
 */
export function slipOfName(read: string, name: string): boolean {
  const a = read.split(/\s+/u);
  const b = name.split(/\s+/u);
  if (a.length !== b.length || sameName(read, name)) return false;
  let differing = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (skeleton(a[i]!) !== skeleton(b[i]!) || a[i]!.length !== b[i]!.length) return false;
    differing++;
  }
  return differing === 1;
}

/** `name`'s letters in `model`'s case, letter by letter: "CẨM PHẢ" as "Cẩm Phỏ" is written gives "Cẩm Phả". */
function inCaseOf(name: string, model: string): string {
  const letters = [...name.toLowerCase()];
  const shape = [...model];
  return letters.map((c, i) => (shape[i] !== undefined && shape[i] !== shape[i]!.toLowerCase() ? c.toUpperCase() : c)).join("");
}

export interface PlaceCorrection {
  /** Index of the date line in the lines given. */
  line: number;
  wrong: string;
  right: string;
}

/** The date line's place put right from the document's own unit names (see above), or null. */
export function placeFromMentions(lines: readonly string[]): PlaceCorrection | null {
  const at = lines.slice(0, HEADER_LINES).findIndex((l) => DATE_LINE.test(l));
  if (at < 0) return null;
  const place = DATE_LINE.exec(lines[at]!)!.groups!.place!;
  const read = place.toLowerCase().replace(/\s+/gu, " ");
  const names = new Set<string>();
  for (const [i, line] of lines.entries()) {
    if (i === at) continue;
    for (const m of line.matchAll(UNIT)) {
      const words = m.groups!.name!.toLowerCase().split(/\s+/u);
      // The unit's name is as long as the place: "thành phố Cẩm Phả, Phòng" is cut at the comma by the class.
      names.add(words.slice(0, read.split(" ").length).join(" "));
    }
  }
  if ([...names].some((n) => sameName(read, n))) return null;
  const near = [...names].filter((n) => slipOfName(read, n));
  if (near.length !== 1) return null;
  return { line: at, wrong: place, right: inCaseOf(near[0]!, place) };
}
