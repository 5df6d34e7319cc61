/**
 * Turns tesseract's TSV (the same from the CLI and from tesseract.js) into page text and a
 * confidence. Lines a paragraph wrapped are joined as the typed PDF's are (word boxes say whether
 * the next line's first word would have fitted); the two-column header (agency | quốc hiệu) comes
 * out as rows with a wide gap, which normalise splits into the left column's lines, then the
 * right's; the closing block (Nơi nhận | signer) comes out already split, as the typed PDF
 * loader gives it; a closer-set block at the page's foot is the footnote area.
 */
export interface OcrWord {
  /** tesseract's block, paragraph and line numbers: one text line of one layout block. */
  block: number;
  paragraph: number;
  line: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** 0..100 as tesseract gives it. */
  confidence: number;
  text: string;
}

const WORD_LEVEL = "5";

/** The words of a TSV page, in tesseract's reading order. Rows that are not words are skipped. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split("\n")) {
    const cells = row.split("\t");
    if (cells.length < 12 || cells[0] !== WORD_LEVEL) continue;
    const text = cells.slice(11).join("\t").trim();
    const confidence = Number(cells[10]);
    if (text === "" || !(confidence >= 0)) continue;
    const [block, paragraph, line, left, top, width, height] = [2, 3, 4, 6, 7, 8, 9].map((i) => Number(cells[i]));
    words.push({
      block: block!,
      paragraph: paragraph!,
      line: line!,
      left: left!,
      top: top!,
      width: width!,
      height: height!,
      confidence: Math.min(100, confidence),
      text,
    });
  }
  return words;
}

/**
 * The words without scanner specks: tesseract reads a dot of noise as `_—_` or `|` with low
 * confidence and a box a few pixels wide, which would land in the type line (`_—_ KẾ HOẠCH |`).
 * A dash is as small but sure of itself, so all three tests must hold.
 */
export function withoutSpecks(words: readonly OcrWord[]): OcrWord[] {
  const height = median(words.map((w) => w.height));
  return words.filter((w) => !(w.confidence < SPECK_CONFIDENCE && !/[\p{L}\p{N}]/u.test(w.text) && Math.max(w.width, w.height) < height / 2));
}
const SPECK_CONFIDENCE = 60;

/** Mean word confidence, 0..1 (0 for no words). */
export function meanConfidence(words: readonly OcrWord[]): number {
  if (words.length === 0) return 0;
  return words.reduce((sum, w) => sum + w.confidence, 0) / words.length / 100;
}

/**
 * The page's skew in radians (positive: lines fall to the right), from how word bottoms move
 * along each line: the median over lines of each line's median pairwise slope, so descenders
 * (g, y, p) and a stray word move it little. 0 when no line has three words.
 */
export function skewOf(words: readonly OcrWord[]): number {
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) {
    const key = `${w.block}:${w.paragraph}:${w.line}`;
    lines.set(key, [...(lines.get(key) ?? []), w]);
  }
  const slopes: number[] = [];
  for (const line of lines.values()) {
    if (line.length < 3) continue;
    const pairs: number[] = [];
    for (let i = 0; i < line.length; i++) {
      for (let j = i + 1; j < line.length; j++) {
        const a = line[i]!;
        const b = line[j]!;
        const dx = b.left + b.width / 2 - (a.left + a.width / 2);
        if (dx > 0) pairs.push((b.top + b.height - (a.top + a.height)) / dx);
      }
    }
    if (pairs.length > 0) slopes.push(median(pairs));
  }
  return slopes.length === 0 ? 0 : Math.atan(median(slopes));
}

/** One tesseract text line, or the part of one on one side of a column gap. */
interface Segment {
  words: OcrWord[];
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** block:paragraph of tesseract's layout, to place blank lines between paragraphs. */
  paragraph: string;
}

/** A gap this many median letter widths wide inside a line separates two columns. */
const COLUMN_GAP_LETTERS = 4;
/** Spaces written for a column gap: normalise treats four or more as a column break. */
const MIN_GAP_SPACES = 4;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function segmentOf(words: OcrWord[]): Segment {
  const first = words[0]!;
  return {
    words,
    left: Math.min(...words.map((w) => w.left)),
    right: Math.max(...words.map((w) => w.left + w.width)),
    top: Math.min(...words.map((w) => w.top)),
    bottom: Math.max(...words.map((w) => w.top + w.height)),
    paragraph: `${first.block}:${first.paragraph}`,
  };
}

/** tesseract's lines, each cut where a gap is wide enough to be a column break. */
function segments(words: readonly OcrWord[], letterWidth: number): Segment[] {
  const out: Segment[] = [];
  let current: OcrWord[] = [];
  let key = "";
  for (const word of words) {
    const wordKey = `${word.block}:${word.paragraph}:${word.line}`;
    const previous = current.at(-1);
    const gap = previous === undefined ? 0 : word.left - (previous.left + previous.width);
    if (previous !== undefined && (wordKey !== key || gap > COLUMN_GAP_LETTERS * letterWidth)) {
      out.push(segmentOf(current));
      current = [];
    }
    current.push(word);
    key = wordKey;
  }
  if (current.length > 0) out.push(segmentOf(current));
  return out;
}

/** Share of the shorter segment's height two segments must share to sit on one row. */
const ROW_OVERLAP = 0.4;

function sameRow(a: Segment, b: Segment): boolean {
  const sideBySide = a.right <= b.left || b.right <= a.left;
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return sideBySide && overlap >= ROW_OVERLAP * Math.min(a.bottom - a.top, b.bottom - b.top);
}

/**
 * Segments side by side on the page (overlapping vertically, not horizontally) share a row; rows
 * go top to bottom, segments in a row left to right. The two columns of a header are never quite
 * level (the agency's lines sit lower than the quốc hiệu's), hence overlap, not alignment. Skew
 * is tesseract's business: its lines already follow a slightly rotated baseline.
 */
function rows(parts: readonly Segment[]): Segment[][] {
  const out: Segment[][] = [];
  const byTop = [...parts].sort((a, b) => a.top - b.top || a.left - b.left);
  for (const part of byTop) {
    const row = out.find((r) => r.every((other) => sameRow(part, other)));
    if (row === undefined) out.push([part]);
    else row.push(part);
  }
  for (const row of out) row.sort((a, b) => a.left - b.left);
  return out.sort((a, b) => Math.min(...a.map((s) => s.top)) - Math.min(...b.map((s) => s.top)));
}

/** How a line that ends a sentence (or a heading, a list item) ends. */
const SENTENCE_END = /[.;:!?…"”)\]]\s*$/u;

/**
 * How a list item, a heading's number or an article opens: `-`, `+`, `1.`, `1-`, `2.3-`, `a)`,
 * `I.`, `II-`, `(1)`, `Điều 5`. Such a line starts a line of its own, wherever the line above ended.
 */
const LABEL_START = /^(?:[-–—+•*]\s|\d{1,2}(?:\.\d{1,2})*\s?[.)\-–]\s|\(\d{1,2}\)|[a-zđ]\)\s|[IVXL]{1,5}\s?[.\-–]\s|Điều\s+\d|Chương\s+[IVXL\d]|Mục\s+\d)/u;

/** Where a segment starts, in characters from the page's left text edge. */
function column(segment: Segment, pageLeft: number, letterWidth: number): number {
  return Math.max(0, Math.round((segment.left - pageLeft) / letterWidth));
}

export interface OcrParagraph {
  text: string;
  confidence: number;
  /** Where the paragraph sits, for the PDF loader's page joins (pixels); absent for a plain paragraph. */
  layout?: OcrLayout;
}

export interface OcrLayout {
  kind: "body" | "columns" | "footnote";
  /** Room left after the last line, or null where the paragraph cannot go on (it ends a sentence). */
  endSlack: number | null;
  /** The first line starts at the left edge without a label: it may finish the previous page's paragraph. */
  flushStart: boolean;
  firstWordWidth: number;
  /** Median word height. */
  size: number;
  /** A footnote whose raised number OCR could not read: it was written as ¹, the loader renumbers it. */
  guessedMark?: boolean;
}

/** A laid-out row of the page: its text and where it sits. */
interface RowLine {
  text: string;
  left: number;
  right: number;
  /** Two columns side by side (the header, the Nơi nhận | signature block). */
  columns: boolean;
  /** Width of the first word, in pixels. */
  firstWordWidth: number;
  key: string;
  words: OcrWord[];
}

function isCapitals(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase() && /\p{L}.*\p{L}/su.test(text);
}

/** The page's text block: its left edge and the right edge most full lines reach. */
interface Block {
  left: number;
  right: number;
  letterWidth: number;
}

/**
 * Room a line left at its end for the next word: to the right margin, or twice the smaller side
 * for a line centred in an indented block (a title's lines have half their slack on each side).
 */
function slackOf(line: RowLine, block: Block): number {
  const centre = (block.left + block.right) / 2;
  const centred = line.left - block.left > 3 * block.letterWidth && Math.abs((line.left + line.right) / 2 - centre) < 3 * block.letterWidth;
  return centred ? 2 * Math.min(line.left - block.left, block.right - line.right) : block.right - line.right;
}

/**
 * Whether `next` goes on the same line as `line` in the text: one paragraph's text wrapped by the
 * page. It does not when it opens with a list label, when either is a two-column row, when a
 * capitals heading meets running text, or when the line above ended short of the margin by more
 * than the next line's first word (and a space): the writer broke the line there.
 */
export function wrapsInto(line: RowLine, next: RowLine, block: Block): boolean {
  if (line.columns || next.columns) return false;
  if (LABEL_START.test(next.text.trim())) return false;
  if (isCapitals(line.text) !== isCapitals(next.text)) return false;
  return slackOf(line, block) < next.firstWordWidth + 1.5 * block.letterWidth;
}

/**
 * Lines of one paragraph. A line broken after a hyphen set close to its word ("52/KH-" + "UBND",
 * "2021-" + "2030") closes up: a dash between words has spaces round it.
 */
export function joinWrapped(a: string, b: string): string {
  return /[\p{L}\p{N}]-$/u.test(a) && /^[\p{L}\p{N}]/u.test(b) ? `${a}${b}` : `${a} ${b}`;
}

/** The rightmost edge most full lines reach: a high quantile of single-column rows' right ends. */
function rightMargin(lines: readonly RowLine[]): number {
  const rights = lines.filter((l) => !l.columns).map((l) => l.right).sort((a, b) => a - b);
  return rights[Math.floor(0.9 * (rights.length - 1))] ?? 0;
}

/**
 * Page text as paragraphs: the lines of one paragraph that the page wrapped joined into one line
 * (see wrapsInto), lines the writer broke kept apart by newlines, and a row holding two columns
 * written with the right column at its position, at least four spaces from the left.
 */
export function layoutParagraphs(words: readonly OcrWord[], options: { bodyPitch?: number } = {}): OcrParagraph[] {
  if (words.length === 0) return [];
  const letterWidth = Math.max(1, median(words.map((w) => w.width / Math.max(1, [...w.text].length))));
  const pageLeft = Math.min(...words.map((w) => w.left));
  const allRows = rows(segments(words, letterWidth));
  const closingAt = closingStart(allRows, pageLeft, letterWidth, words);
  const closing = closingAt < 0 ? [] : closingColumns(allRows.slice(closingAt), letterWidth);
  const bodyRows = closingAt < 0 ? allRows : allRows.slice(0, closingAt);
  const notesAt = options.bodyPitch === undefined ? bodyRows.length : footnotesStart(bodyRows, words, options.bodyPitch);
  const notes = footnotes(bodyRows.slice(notesAt));
  const lines: RowLine[] = bodyRows.slice(0, notesAt).map((row) => {
    let text = "";
    for (const [i, segment] of row.entries()) {
      const part = repairLine(segment.words.map((w) => w.text).join(" "));
      if (i === 0) {
        // A row that starts in the right half (a signature under an empty left column) keeps its indent.
        text = " ".repeat(column(segment, pageLeft, letterWidth)) + part;
        continue;
      }
      const pad = Math.max(MIN_GAP_SPACES, column(segment, pageLeft, letterWidth) - text.length);
      text += " ".repeat(pad) + part;
    }
    const first = row[0]!;
    return {
      text,
      left: first.left,
      right: Math.max(...row.map((s) => s.right)),
      columns: row.length > 1,
      firstWordWidth: first.words[0]!.width,
      // Two-column rows stay together, so normalise sees the whole run of them.
      key: row.length === 1 ? first.paragraph : "columns",
      words: row.flatMap((s) => s.words),
    };
  });
  const block: Block = { left: pageLeft, right: rightMargin(lines), letterWidth };
  const paragraphs: { lines: RowLine[]; text: string[]; words: OcrWord[] }[] = [];
  let previousKey: string | null = null;
  for (const line of lines) {
    const last = paragraphs.at(-1);
    const lastLine = last?.lines.at(-1);
    // tesseract starts a new paragraph at a line that merely begins further left; a sentence that
    // runs on into a lower-case line is one paragraph (a blank line would read as a page break).
    const runsOn =
      last !== undefined &&
      line.key !== "columns" &&
      previousKey !== "columns" &&
      !SENTENCE_END.test(last.text.at(-1)!) &&
      (/^\s*\p{Ll}/u.test(line.text) || (lastLine !== undefined && wrapsInto(lastLine, line, block)));
    if (last !== undefined && (line.key === previousKey || runsOn)) {
      if (wrapsInto(lastLine!, line, block)) last.text[last.text.length - 1] = joinWrapped(last.text.at(-1)!.trimEnd(), line.text.trim());
      else last.text.push(line.text);
      last.lines.push(line);
      last.words.push(...line.words);
    } else {
      paragraphs.push({ lines: [line], text: [line.text], words: [...line.words] });
    }
    previousKey = line.key;
  }
  const size = median(words.map((w) => w.height));
  const body = paragraphs.map((p): OcrParagraph => {
    const first = p.lines[0]!;
    const last = p.lines.at(-1)!;
    const text = p.text.map(repairLine).join("\n");
    const open = !last.columns && !SENTENCE_END.test(last.text) && !isCapitals(last.text);
    return {
      text,
      confidence: meanConfidence(p.words),
      layout: {
        kind: first.columns ? "columns" : "body",
        endSlack: open ? Math.max(0, block.right - last.right) : null,
        flushStart: !first.columns && first.left <= block.left + 1.5 * letterWidth && !LABEL_START.test(first.text.trim()),
        firstWordWidth: first.firstWordWidth,
        size,
      },
    };
  });
  const closed = closing.map((p): OcrParagraph => ({ ...p, layout: { kind: "columns", endSlack: null, flushStart: false, firstWordWidth: 0, size } }));
  const noted = notes.map((p): OcrParagraph => ({ ...p, layout: { kind: "footnote", endSlack: null, flushStart: false, firstWordWidth: 0, size, ...(p.guessedMark ? { guessedMark: true } : {}) } }));
  return [...body, ...closed, ...noted].map(({ guessedMark: _g, ...p }: OcrParagraph & { guessedMark?: boolean }) => p);
}

/** Median distance between the bottoms of consecutive lines of one tesseract block (0 without two lines). */
export function linePitch(words: readonly OcrWord[]): number {
  return median(pitchesOf(words));
}

/** The body's line pitch over a document's pages: a page of footnotes has none of its own. */
export function documentPitch(pages: readonly (readonly OcrWord[])[]): number {
  return median(pages.flatMap(pitchesOf));
}

function pitchesOf(words: readonly OcrWord[]): number[] {
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) {
    const key = `${w.block}:${w.paragraph}:${w.line}`;
    lines.set(key, [...(lines.get(key) ?? []), w]);
  }
  const byBlock = new Map<number, number[]>();
  for (const line of lines.values()) byBlock.set(line[0]!.block, [...(byBlock.get(line[0]!.block) ?? []), median(line.map((w) => w.top + w.height))]);
  const pitches: number[] = [];
  for (const bottoms of byBlock.values()) {
    bottoms.sort((a, b) => a - b);
    for (let i = 1; i < bottoms.length; i++) pitches.push(bottoms[i]! - bottoms[i - 1]!);
  }
  return pitches;
}

/** A footnote area's lines are set closer than the body's: this share of the body's line pitch or less. */
const FOOTNOTE_PITCH = 0.82;
const PAGE_NUMBER_ROW = /^[\s\-–—]*\d{1,3}[\s\-–—]*$/u;

/**
 * Where the page's footnote area starts: the trailing tesseract blocks (a page number below
 * them aside) of two lines or more whose lines are set closer than the body's. The row count
 * when there is none.
 */
function footnotesStart(bodyRows: readonly Segment[][], words: readonly OcrWord[], bodyPitch: number): number {
  const rowText = (row: readonly Segment[]): string => row.flatMap((s) => s.words.map((w) => w.text)).join(" ");
  let end = bodyRows.length;
  while (end > 0 && PAGE_NUMBER_ROW.test(rowText(bodyRows[end - 1]!))) end--;
  let start = end;
  const blockPitch = new Map<number, number>();
  while (start > 0) {
    const row = bodyRows[start - 1]!;
    if (row.length > 1) break;
    const block = row[0]!.words[0]!.block;
    if (!blockPitch.has(block)) blockPitch.set(block, linePitch(words.filter((w) => w.block === block)));
    const pitch = blockPitch.get(block)!;
    if (!(pitch > 0 && pitch < FOOTNOTE_PITCH * bodyPitch)) break;
    start--;
  }
  // Never the whole page: a page set small throughout is body text.
  return start === 0 || start === end ? bodyRows.length : start;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** A footnote's raised number as OCR reads it: the digit, or a quote, an apostrophe, a bang. */
const RAISED_MARK = /^(?:[¹²³⁴⁵⁶⁷⁸⁹]|\d{1,2}|['’‘"“”*!])$/u;

/**
 * The footnote area's lines as footnotes: one starts at a line opening with a small raised mark
 * (written as a superscript number: the digit OCR read, else ¹ for the loader to renumber); the
 * others run on. The page number below them is left out.
 */
function footnotes(noteRows: readonly Segment[][]): (OcrParagraph & { guessedMark?: boolean })[] {
  const out: { lines: string[]; words: OcrWord[]; guessedMark: boolean }[] = [];
  for (const row of noteRows) {
    const rowWords = row.flatMap((s) => s.words);
    if (PAGE_NUMBER_ROW.test(rowWords.map((w) => w.text).join(" "))) continue;
    const [mark, ...rest] = rowWords;
    const height = median(rest.map((w) => w.height));
    const raised = mark !== undefined && rest.length > 0 && RAISED_MARK.test(mark.text) && mark.height < 0.75 * height;
    if (raised || out.length === 0) {
      const digit = /^\d+$/u.test(mark!.text) ? [...mark!.text].map((d) => SUPERSCRIPT[Number(d)]).join("") : SUPERSCRIPT.includes(mark!.text) ? mark!.text : "¹";
      const text = raised ? `${digit} ${repairLine(rest.map((w) => w.text).join(" "))}` : repairLine(rowWords.map((w) => w.text).join(" "));
      out.push({ lines: [text], words: rowWords, guessedMark: raised && !/^[\d¹²³⁴⁵⁶⁷⁸⁹]+$/u.test(mark!.text) });
      continue;
    }
    const last = out.at(-1)!;
    last.lines[last.lines.length - 1] = joinWrapped(last.lines.at(-1)!, repairLine(rowWords.map((w) => w.text).join(" ")));
    last.words.push(...rowWords);
  }
  return out.map((n) => ({ text: n.lines.join("\n"), confidence: meanConfidence(n.words), guessedMark: n.guessedMark }));
}

const RECIPIENTS = /^N[ơoó]i\s*nh[ậâa]n\b/iu;

/**
 * Where the closing block starts: the row whose first part is "Nơi nhận", or the signer's lines
 * set just above it on the right (a signature block may start a line or two higher).
 * -1 when the page has none.
 */
function closingStart(allRows: readonly Segment[][], pageLeft: number, letterWidth: number, words: readonly OcrWord[]): number {
  const at = allRows.findIndex((row) => RECIPIENTS.test(row[0]!.words.map((w) => w.text).join(" ")));
  if (at < 0) return -1;
  const pageRight = Math.max(...words.map((w) => w.left + w.width));
  const centre = (pageLeft + pageRight) / 2;
  let start = at;
  while (start > 0 && allRows[start - 1]!.length === 1 && allRows[start - 1]![0]!.left > centre - 2 * letterWidth) start--;
  return start;
}

/** A stamp's or a signature's strokes read as text: no two letters running, or hardly any confidence. */
function isScribble(segment: Segment): boolean {
  const text = segment.words.map((w) => w.text).join(" ");
  return !/\p{L}{2}/u.test(text) || meanConfidence(segment.words) < 0.4;
}

/**
 * The closing block (Nơi nhận on the left, the signer on the right) as the typed PDF gives it:
 * the left column's lines, then the right column's, each a paragraph. The right column starts
 * where the first two-part row's right part does (or the page's middle). A recipient wrapped
 * onto a line that opens without a dash is that recipient's; the signer's lines stay lines.
 * Scribbles of the signature and the stamp are dropped.
 */
function closingColumns(closingRows: readonly Segment[][], letterWidth: number): OcrParagraph[] {
  const parts = closingRows.flat().filter((s) => !isScribble(s));
  if (parts.length === 0) return [];
  const twoPart = closingRows.find((row) => row.length > 1);
  const lefts = parts.map((s) => s.left);
  const rights = parts.map((s) => s.right);
  const split = twoPart !== undefined ? twoPart[1]!.left - 2 * letterWidth : (Math.min(...lefts) + Math.max(...rights)) / 2;
  const left = parts.filter((s) => s.left < split);
  const right = parts.filter((s) => s.left >= split);
  const text = (s: Segment): string => repairLine(s.words.map((w) => w.text).join(" "));
  const leftLines: string[] = [];
  for (const segment of left) {
    const line = text(segment);
    const previous = leftLines.at(-1);
    if (previous !== undefined && !LABEL_START.test(line) && !RECIPIENTS.test(line) && !/:$/u.test(previous)) leftLines[leftLines.length - 1] = joinWrapped(previous, line);
    else leftLines.push(line);
  }
  return [left, right]
    .map((side, i) => ({ lines: i === 0 ? leftLines : side.map(text), words: side.flatMap((s) => s.words) }))
    .filter((side) => side.lines.length > 0)
    .map((side) => ({ text: side.lines.join("\n"), confidence: meanConfidence(side.words) }));
}

/** Roman numerals of a capitals heading as OCR reads them: `II` as `H`, `ll`, `Il`; `V` as `Vv`. */
const ROMAN_SLIPS: Readonly<Record<string, string>> = { H: "II", ll: "II", Il: "II", lI: "II", IIl: "III", Vv: "V" };
const ROMAN_SLIP = /^(\s*)(H|ll|Il|lI|IIl|Vv)([.\-–]\s+)(?=\p{Lu}[\p{Lu}\s,]+$)/u;

/**
 * What OCR does to the small print a field depends on. A ký hiệu (a document's number and symbol,
 * `09-TT/TU`, `89/QĐ-TTg`): a stray apostrophe or quote read between two capitals (`T'T`, `T’Tg`),
 * a space read after a lone
 * capital of its last part (`TT/T U`), the TW of the Party's centre read `DW` or `TL W`; only tokens that start with
 * a number and a separator are touched. A recipient's `(để b/c)`: `c` read as `€` or `C`, `b` with
 * a tone (`bí/c`), a speck after the item's semicolon. A capitals heading's Roman numeral
 * (`H. MỤC TIÊU` for `II.`, `Vv.` for `V.`), where no such letter could number a heading. An Œ
 * or Æ inside an abbreviation (`CSGŒD`).
 */
export function repairLine(text: string): string {
  let out = text;
  if (/\d\s?[-/]/u.test(out)) {
    out = out
      .replace(/(?<![\p{L}\p{N}])(\d+[-/][\p{L}\p{N}/&.-]*\p{Lu})['’‘`´](?=\p{Lu})/gu, "$1")
      .replace(/(?<![\p{L}\p{N}])(\d+[-/](?:[\p{Lu}&.]+[-/])*\p{Lu}) (\p{Lu}{1,2})(?![\p{L}\p{N}])/gu, "$1$2")
      // W is in no Vietnamese word: in a ký hiệu it is only ever the T of TW (Trung ương) misread.
      .replace(/(?<![\p{L}\p{N}])(\d+\s?-\s?\p{Lu}{1,4}\/)(?:[DIJL1]W|T\p{Lu}? W|T W)(?![\p{L}\p{N}])/gu, "$1TW");
  }
  // Œ and Æ are in no Vietnamese word: between capitals (`CSGŒD`) they are a letter's smudge read twice.
  if (/[ŒÆ]/u.test(out)) out = out.replace(/(?<=\p{Lu})[ŒÆ](?=\p{Lu})/gu, "");
  if (out.includes("/")) out = out.replace(/\((để\s+)?([bptBPT])[íìÍ]?\/[€Cc](?=\))/gu, (_m, de: string | undefined, letter: string) => `(${de ?? ""}${letter.toLowerCase()}/c`);
  return out.replace(/([;,.])\s*_+$/u, "$1").replace(ROMAN_SLIP, (_m, lead: string, numeral: string, tail: string) => `${lead}${ROMAN_SLIPS[numeral]!}${tail}`);
}
