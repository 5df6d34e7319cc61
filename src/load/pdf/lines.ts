/**
 * Text items of one PDF page → lines. pdf.js gives runs of glyphs with positions, in content
 * order, which is not reading order: a font fallback draws a word's accented letters as a second
 * run after the line, a table draws its cells one after another. Lines are rebuilt from
 * geometry alone; pdf.js's own spacing guesses (whitespace items) are dropped.
 */
import { charClass, isSurrogate, isWhiteSpace } from "../../text/chars.js";

/** One run of text as pdf.js reports it, in page coordinates with y growing downwards. */
export interface PdfItem {
  str: string;
  /** Left end of the run and its baseline. */
  x: number;
  y: number;
  /** Advance of the run; 0 where pdf.js could not measure it (zero-width glyphs, some fonts). */
  width: number;
  /** Font size: the height of an em. */
  size: number;
}

export interface Segment {
  left: number;
  right: number;
  text: string;
}

export interface PdfLine {
  /** Baseline of the line's main text. */
  y: number;
  /** Font size of the line's main text. */
  size: number;
  left: number;
  right: number;
  text: string;
  /** Runs of text separated by gaps wider than a word space could be: table cells, columns. */
  segments: Segment[];
  /** Runs separated by any gap wider than a justified word space: cells set close together. */
  pieces: Segment[];
  /** Width of the first word, to tell whether it would have fitted at the end of the line above. */
  firstWordWidth: number;
  /** The line opens with a raised footnote number, or a number above smaller text (a footnote's own line). */
  footnoteMarker: string | null;
}

/** A gap this many ems wide between runs on one line separates cells, not words. */
const CELL_GAP_EM = 1.6;
/** Inside a table already found, a gap this wide may be the border between two cells. */
const PIECE_GAP_EM = 0.8;
/** A gap this many ems wide between runs is a word space (pdf.js already puts most spaces in the text). */
const WORD_GAP_EM = 0.15;
const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

const BULLETS = /^[\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf0de\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7\u25a0\u25a1]\s*/u;

/** Groups a page's items into lines, top to bottom, each read left to right. */
export function linesOf(items: readonly PdfItem[]): PdfLine[] {
  const visible = items.filter((i) => i.str.trim() !== "" && i.size > 0);
  const sorted = [...visible].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    const anchor = group?.[0];
    if (group && anchor && Math.abs(item.y - anchor.y) <= 0.35 * Math.min(item.size, anchor.size)) group.push(item);
    else groups.push([item]);
  }
  return attachSuperscripts(groups).map(buildLine);
}

/** A group of small runs just above a line of larger text is that line's footnote references. */
function attachSuperscripts(groups: PdfItem[][]): PdfItem[][] {
  const out: PdfItem[][] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    const next = groups[i + 1];
    const small = Math.max(...group.map((g) => g.size));
    const below = next ? mainSize(next) : 0;
    const nextY = next?.[0]?.y ?? 0;
    if (next && small < 0.8 * below && nextY > group[0]!.y && nextY - group[0]!.y < 0.7 * below) {
      next.push(...group);
      continue;
    }
    out.push(group);
  }
  return out;
}

/** The size most of the line's characters are set in. */
function mainSize(items: readonly PdfItem[]): number {
  // Most lines are set in one size.
  const first = Math.round((items[0]?.size ?? 0) * 10) / 10;
  if (items.every((i) => Math.round(i.size * 10) / 10 === first)) return first;
  const weight = new Map<number, number>();
  for (const i of items) {
    const size = Math.round(i.size * 10) / 10;
    weight.set(size, (weight.get(size) ?? 0) + i.str.length);
  }
  return [...weight].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/**
 * A font without some letters (LibreOffice drawing "ạ", "ư" from a fallback font) leaves holes in
 * a run that pdf.js fills with spaces ("Đo n"), and draws the missing letters as separate runs
 * inside the first run's extent. Each such run takes the place of the space nearest to where it
 * is drawn, estimating character positions along the run.
 */
function spliceFallbackRuns(items: PdfItem[]): PdfItem[] {
  const out: PdfItem[] = [];
  const absorbed = new Set<PdfItem>();
  for (const host of items) {
    if (absorbed.has(host)) continue;
    if (host.width <= 0 || !host.str.includes(" ")) {
      out.push(host);
      continue;
    }
    const inside = items.filter(
      (i) => i !== host && !absorbed.has(i) && i.x > host.x + 0.3 && i.x < host.x + host.width - 0.3 && Math.abs(i.size - host.size) < 0.1 * host.size && !/\s/.test(i.str),
    );
    if (inside.length === 0) {
      out.push(host);
      continue;
    }
    const chars = [...host.str];
    const spaces = chars.flatMap((c, k) => (c === " " ? [{ k, x: host.x + (host.width * (k + 0.5)) / chars.length }] : []));
    let from = 0;
    for (const run of inside) {
      let best = -1;
      for (let s = from; s < spaces.length; s++) {
        if (best < 0 || Math.abs(spaces[s]!.x - run.x) < Math.abs(spaces[best]!.x - run.x)) best = s;
      }
      if (best < 0 || Math.abs(spaces[best]!.x - run.x) > 2.5 * host.size) continue;
      chars[spaces[best]!.k] = run.str;
      absorbed.add(run);
      from = best + 1;
    }
    out.push({ ...host, str: chars.join("") });
  }
  return out.filter((i) => !absorbed.has(i));
}

/** Where a run ends: its advance, or an estimate for runs pdf.js measured as zero wide. */
function rightOf(item: PdfItem, next: PdfItem | undefined): number {
  if (item.width > 0) return item.x + item.width;
  const estimate = item.x + 0.55 * item.size * [...item.str].length;
  return next ? Math.max(item.x, Math.min(estimate, next.x)) : estimate;
}

function buildLine(group: readonly PdfItem[]): PdfLine {
  const size = mainSize(group);
  const baseline = group.find((g) => Math.abs(g.size - size) < 0.1)?.y ?? group[0]!.y;
  // Stable sort: runs drawn at the same x (a mark over its letter) keep their content order.
  const items = spliceFallbackRuns([...group].sort((a, b) => (Math.abs(a.x - b.x) < 0.5 ? 0 : a.x - b.x)));
  const raised = (i: PdfItem): boolean => i.size < 0.8 * size && baseline - i.y > 0.15 * size && /^\d{1,3}$/.test(i.str.trim());

  const pieces: Segment[] = [];
  let current: Segment | null = null;
  let text = "";
  let previousRight = Number.NEGATIVE_INFINITY;
  items.forEach((item, k) => {
    const isRaised = raised(item);
    const str = isRaised ? toSuperscript(item.str.trim()) : item.str;
    const gap = item.x - previousRight;
    if (current === null || gap > PIECE_GAP_EM * size) {
      if (current) pieces.push(current);
      current = { left: item.x, right: item.x, text: "" };
      text = "";
    } else if (gap > WORD_GAP_EM * size && !isRaised && !isSpaceAt(text, text.length - 1) && !isSpaceAt(str, 0) && !startsWithMark(str)) {
      text += " ";
    }
    text += str;
    previousRight = Math.max(previousRight, rightOf(item, items[k + 1]));
    current.right = previousRight;
    current.text = text;
  });
  if (current) pieces.push(current);
  for (const s of pieces) s.text = repairText(s.text);

  const first = items[0]!;
  const footnoteMarker = footnoteMarkerOf(items, size, raised);
  if (footnoteMarker !== null && pieces[0]) {
    pieces[0].text = `${toSuperscript(footnoteMarker)} ${pieces[0].text.replace(/^[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*/u, "")}`;
  }
  const segments: Segment[] = [];
  for (const piece of pieces) {
    const last = segments.at(-1);
    if (last && piece.left - last.right <= CELL_GAP_EM * size) segments[segments.length - 1] = { left: last.left, right: piece.right, text: `${last.text} ${piece.text}` };
    else segments.push({ ...piece });
  }
  const lineText = segments.map((s) => s.text).join(" ");
  const firstWord = /^\S+/u.exec(lineText)?.[0] ?? "";
  return {
    y: baseline,
    size,
    left: first.x,
    right: Math.max(...segments.map((s) => s.right)),
    text: lineText,
    segments,
    pieces,
    firstWordWidth: wordWidth(firstWord, pieces[0]!),
    footnoteMarker,
  };
}

/**
 * A footnote at the page's foot starts with its number: raised and small (Word), or set in the
 * body's size before smaller text (LibreOffice). Either way it becomes the superscript
 * normalise knows footnotes by.
 */
function footnoteMarkerOf(items: readonly PdfItem[], size: number, raised: (i: PdfItem) => boolean): string | null {
  const [first, second] = items;
  if (!first || !second || !/^\d{1,3}$/.test(first.str.trim())) return null;
  if (raised(first) || (first.size > 1.15 * second.size && second.size >= size - 0.1)) return first.str.trim();
  return null;
}

/**
 * Width of a word at the start of a run, from the run's own average advance per character (the
 * font's real widths, not a guess), a little generous: it decides whether the word would have
 * fitted at the end of the line above.
 */
export function wordWidth(word: string, run: Segment): number {
  const chars = codePoints(run.text);
  const perChar = chars > 0 ? (run.right - run.left) / chars : 0;
  return 1.1 * perChar * codePoints(word);
}

/** Characters as a reader counts them: a letter beyond the BMP is one, not two code units. */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) count--;
  }
  return count;
}

function toSuperscript(digits: string): string {
  return digits.replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
}

/**
 * Text typed in decomposed Unicode (base letter, then combining marks) comes out of pdf.js with
 * spaces before the marks, and, where the font gives the marks an advance of their own, a
 * space after the marked vowel inside the syllable ("Việ t", "ngườ i"). No Vietnamese word has
 * a space before a mark; after a marked letter, a lone final consonant or i/o/u can only be the
 * rest of its syllable (vowel-initial words such as "em", "an", "y" are left alone: "trẻ em").
 * Symbol-font bullets become "-".
 */
export function repairText(text: string): string {
  let out = text;
  // Without a combining mark there is nothing to compose (normalise makes the whole text NFC later).
  if (hasMark(out)) out = out.replace(/\s+(?=\p{M})/gu, "").normalize("NFC");
  // Every pattern below needs a lone syllable tail or a split "ư ơ": most lines have neither.
  if (BROKEN_SYLLABLE.test(out)) {
    out = out
      .replace(/(\p{Ll}) (?=(?:ng|nh|ch|[cmnpt]|[iou])(?=[\s,.;:!?)”"]|$))/gu, (m, ch: string) => (isMarked(ch) ? ch : m))
      .replace(/(\p{Lu}) (?=(?:NG|NH|CH|[CMNPT]|[IOU])(?=[\s,.;:!?)”"]|$))/gu, (m, ch: string) => (isMarked(ch) ? ch : m))
      // "ư" then "ơ" is the diphthong of người, được, trường: a word of its own never starts "ơi"-like after "ư" ("như ở" keeps its space: "ở" is one letter).
      .replace(/([ưừứửữự]) (?=[ơờớởỡợ](?:ng|[icmnptu])(?![\p{L}\p{M}]))/gu, "$1")
      .replace(/([ƯỪỨỬỮỰ]) (?=[ƠỜỚỞỠỢ](?:NG|[ICMNPTU])(?![\p{L}\p{M}]))/gu, "$1");
  }
  out = out.replace(BULLETS, "- ");
  if (out.includes("  ") || out.includes("\t")) out = out.replace(/[ \t]{2,}/g, " ");
  return out.trim();
}

/**
 * What any of repairText's four syllable patterns needs, in one test: all lower case or all upper
 * case, as the patterns are. Without the `i` and `u` flags, which made this test, run on every
 * line of every PDF, cost more than the rest of the line's assembly.
 */
const BROKEN_SYLLABLE = /[^\x00-\x7f] (?:ng|nh|ch|[cmnptiou]|NG|NH|CH|[CMNPTIOU])(?=[\s,.;:!?)”"]|$)|[ưừứửữựƯỪỨỬỮỰ] [ơờớởỡợƠỜỚỞỠỢ]/;

const isMark = charClass(/\p{M}/u);

const isSpaceAt = (text: string, index: number): boolean => index >= 0 && index < text.length && isWhiteSpace(text.charCodeAt(index));
/** `/^\p{M}/u`, by table where the first character is in the BMP. */
function startsWithMark(text: string): boolean {
  const c = text.charCodeAt(0);
  return isSurrogate(c) ? /^\p{M}/u.test(text) : text.length > 0 && isMark(c);
}

/** Whether the text holds a combining mark: a table lookup per character, where `/\p{M}/u` searched a long class. */
function hasMark(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSurrogate(c)) return /\p{M}/u.test(text);
    if (isMark(c)) return true;
  }
  return false;
}

/** A letter carrying a tone or vowel mark ("ệ", "ờ"), not "đ" or a plain letter. */
function isMarked(ch: string): boolean {
  return ch.normalize("NFD").length > 1;
}
