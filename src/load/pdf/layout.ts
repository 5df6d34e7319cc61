import { isCapitalsLine } from "../../text/lines.js";
import { DOCUMENT_TYPES } from "../../vocabulary/document-types.js";
import { wordWidth, type PdfLine, type Segment } from "./lines.js";

/** The lines of one page and the page's height, in the units of the lines' y. */
export interface PageLines {
  lines: PdfLine[];
  height: number;
}

/** A paragraph (or a column's lines) of a page, ready to become a block. */
export interface Paragraph {
  text: string;
  kind: "body" | "columns" | "footnote";
  /**
   * Room left at the end of the last line (points), or null where the paragraph cannot go on
   * (it ends a sentence, or is not body text): a next page's first word that would not have
   * fitted there continues it.
   */
  endSlack: number | null;
  /** The first line starts at the left margin, unindented and without a label: it may finish the previous page's paragraph. */
  flushStart: boolean;
  /** Width of the first word (points). */
  firstWordWidth: number;
  size: number;
}

/** Page furniture lives in this share of the page height at the top and at the bottom. */
const FURNITURE_BAND = 0.1;
const PAGE_NUMBER = /^(?:(?:trang|page)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:\/|of|trên)\s*\d{1,4})?$/iu;

/**
 * Running headers and footers (lines in the top or bottom band repeated at the same height on
 * other pages, digits aside) and lone page numbers in those bands. Returns the lines kept per
 * page and the texts dropped.
 */
export function dropFurniture(pages: readonly PageLines[]): { pages: PdfLine[][]; dropped: string[] } {
  const inBand = (line: PdfLine, height: number): boolean => line.y < height * FURNITURE_BAND || line.y > height * (1 - FURNITURE_BAND);
  const key = (line: PdfLine): string => line.text.replace(/\d+/g, "#").toLowerCase();
  const seen = new Map<string, { ys: number[]; pages: Set<number> }>();
  pages.forEach((page, p) => {
    for (const line of page.lines) {
      if (!inBand(line, page.height)) continue;
      const entry = seen.get(key(line)) ?? { ys: [], pages: new Set<number>() };
      entry.ys.push(line.y);
      entry.pages.add(p);
      seen.set(key(line), entry);
    }
  });
  const dropped = new Set<string>();
  const out = pages.map((page) =>
    page.lines.filter((line) => {
      if (!inBand(line, page.height)) return true;
      const entry = seen.get(key(line))!;
      const repeated = entry.pages.size >= 2 && entry.ys.filter((y) => Math.abs(y - line.y) < 3).length >= 2;
      if (repeated || PAGE_NUMBER.test(line.text)) {
        if (!PAGE_NUMBER.test(line.text)) dropped.add(line.text);
        return false;
      }
      return true;
    }),
  );
  return { pages: out, dropped: [...dropped] };
}

const TYPE_LINES: ReadonlySet<string> = new Set(DOCUMENT_TYPES.filter((t) => t.typeLine).map((t) => t.name.toUpperCase()));

interface ColumnRun {
  lines: PdfLine[];
  /** Pieces starting at or right of this x are the right column's. */
  split: number;
}

/**
 * Two columns side by side on the same baselines (the header table: agency | quốc hiệu; the
 * closing: Nơi nhận | signature) are read left column first. A run starts at a line with a wide
 * gap. Its right column starts where the first line's right cell does (or the page's middle, if
 * that is further left, for a wider line below); a left cell's long line may reach past that,
 * so each piece goes by where it starts. The run ends at a wide vertical gap, a full-width
 * line, or a line centred on the page (the type line under the header).
 */
function columnRunAt(lines: readonly PdfLine[], start: number, page: { left: number; right: number }): ColumnRun | null {
  const first = lines[start]!;
  const right = first.segments.at(-1);
  if (first.segments.length < 2 || !right) return null;
  const centre = (page.left + page.right) / 2;
  const split = Math.min(right.left, centre) - first.size;
  const run: PdfLine[] = [first];
  let previous = first;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.y - previous.y > 4.5 * Math.max(line.size, previous.size)) break;
    const oneCell = line.segments.length === 1;
    if (oneCell && line.left <= page.left + 3 * line.size && line.right >= page.right - 1.5 * line.size) break;
    if (oneCell && line.left < split && line.left > page.left + 2 * line.size && Math.abs((line.left + line.right) / 2 - centre) < 2 * line.size) break;
    // The type line (KẾ HOẠCH, QUYẾT ĐỊNH) or a Công văn's Kính gửi follows the header table, wherever it is set.
    if (oneCell && (TYPE_LINES.has(line.text.trim()) || /^Kính gửi\b/u.test(line.text))) break;
    run.push(line);
    previous = line;
  }
  return { lines: run, split };
}

export interface Cell {
  left: number;
  right: number;
}
interface CellLine extends Cell {
  text: string;
  size: number;
  firstWordWidth: number;
}


/**
 * Whether a line in a table cell was wrapped onto the next: the next line's first word would
 * not have fitted after it. A centred line has half its slack on each side.
 */
function wrapsInto(line: CellLine, next: CellLine, cell: Cell): boolean {
  if (LABEL_START.test(next.text) || /[:;]$/.test(line.text) || isCapitalsLine(line.text) !== isCapitalsLine(next.text)) return false;
  // The tiêu ngữ, the Số line, the V/v line and the place-and-date line are lines of their own, however wide.
  if (/hạnh phúc$/iu.test(line.text) || /^Số\b/u.test(line.text) || /^V\/v\b/u.test(next.text) || /^[\p{L} .-]*,\s*ngày\b/u.test(next.text)) return false;
  if (Math.abs(line.size - next.size) > 0.15 * line.size) return false;
  return slackOf(line, cell) < 0.3 * next.size + next.firstWordWidth;
}

/** Set centred in the text block: as much room on the left as on the right (a title's lines; a full line too). */
function symmetric(line: Cell & { size: number }, block: Cell): boolean {
  return Math.abs(line.left - block.left - (block.right - line.right)) < 0.5 * line.size;
}

function isCentred(line: Cell & { size: number }, cell: Cell): boolean {
  return Math.abs((line.left + line.right) / 2 - (cell.left + cell.right) / 2) < 1.5 * line.size;
}

/** Room a line left for the next word: at its right end, or half on each side when centred. */
function slackOf(line: Cell & { size: number }, cell: Cell): number {
  const centred = line.left - cell.left > 2 * line.size && isCentred(line, cell);
  return centred ? 2 * Math.min(line.left - cell.left, cell.right - line.right) : cell.right - line.right;
}

const FOOTNOTE_MARK = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/u;

const LABEL_START = /^(?:[-–+•]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ][)]\s|[IVX]{1,5}\.\s|Điều\s+\d)/u;

/**
 * The text block's margins, the same on every page of a document: the median over pages of
 * each page's leftmost and rightmost single-cell line (a last page with a few short lines has
 * no margins of its own).
 */
export function textBlock(pages: readonly (readonly PdfLine[])[]): TextBlock {
  // Of two pages, the wider margin pair: the lower median on the left, the upper on the right.
  const median = (values: number[], upper: boolean): number => values.sort((a, b) => a - b)[Math.floor((values.length - (upper ? 0 : 1)) / 2)] ?? 0;
  const bodies = pages.map((lines) => lines.filter((l) => l.segments.length === 1)).filter((b) => b.length > 0);
  const weight = new Map<number, number>();
  for (const line of pages.flat()) weight.set(line.size, (weight.get(line.size) ?? 0) + line.text.length);
  return {
    left: median(bodies.map((b) => Math.min(...b.map((l) => l.left))), false),
    right: median(bodies.map((b) => Math.max(...b.map((l) => l.right))), true),
    bodySize: [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0,
  };
}

export interface TextBlock extends Cell {
  /** The size most of the document's text is set in. */
  bodySize: number;
}

/** Where a page sits in its document: the header table is on the first, the signature on the last. */
export interface PagePlace {
  first: boolean;
  last: boolean;
}

/**
 * Only the header table (the first lines of the first page) and the closing table (Nơi nhận on
 * the left, or side-by-side lines on the last page) are read column by column. A table in the
 * body (a schedule: task | unit | deadline) is read row by row, as its text version has it.
 */
function isLayoutTable(lines: readonly PdfLine[], start: number, where: PagePlace): boolean {
  const line = lines[start]!;
  if (line.segments.length < 2) return false;
  if (where.first && start <= 3) return true;
  return /^N[ơo]i nhận/iu.test(line.segments[0]!.text) || where.last;
}

/** Turns one page's lines (furniture removed) into paragraphs in reading order. */
export function paragraphsOf(
  lines: readonly PdfLine[],
  block: TextBlock = textBlock([lines]),
  where: PagePlace = { first: true, last: true },
): Paragraph[] {
  const { left: leftEdge, right: rightEdge } = block;
  // Below the page's last line in the body's size, smaller lines are the footnote area, even
  // without a number (a footnote carried over from the page before).
  const small = (l: PdfLine): boolean => l.size < block.bodySize - 0.5;
  let lastBodyLine = -1;
  lines.forEach((l, k) => {
    if (!small(l)) lastBodyLine = k;
  });
  const out: Paragraph[] = [];
  type Open = { lines: PdfLine[]; kind: Paragraph["kind"] };
  // Assigned inside close() too, which TypeScript's narrowing does not follow.
  let open = null as Open | null;
  const close = (): void => {
    if (!open) return;
    const lastLine = open.lines.at(-1)!;
    const firstLine = open.lines[0]!;
    out.push({
      text: open.lines.map((l) => l.text).reduce(joinLines),
      kind: open.kind,
      endSlack: open.kind === "body" && lastLine.segments.length === 1 && !/[.:;!?]$|\.\/\.$/u.test(lastLine.text) ? rightEdge - lastLine.right : null,
      flushStart: open.kind === "body" && firstLine.segments.length === 1 && firstLine.left <= leftEdge + 0.5 * firstLine.size && !LABEL_START.test(firstLine.text),
      firstWordWidth: firstLine.firstWordWidth,
      size: firstLine.size,
    });
    open = null;
  };
  let i = 0;
  while (i < lines.length) {
    const run = isLayoutTable(lines, i, where) ? columnRunAt(lines, i, { left: leftEdge, right: rightEdge }) : null;
    if (run) {
      close();
      const side = (isRight: boolean): Segment[][] => run.lines.map((l) => l.pieces.filter((p) => (p.left >= run.split) === isRight));
      const cells: [Segment[][], Cell][] = [
        [side(false), { left: Math.min(leftEdge, ...run.lines.map((l) => l.left)), right: run.split }],
        [side(true), { left: run.split, right: Math.max(rightEdge, ...run.lines.map((l) => l.right)) }],
      ];
      for (const [pieces, cell] of cells) {
        const cellLines = pieces.flatMap((ps, k): CellLine[] => {
          if (ps.length === 0) return [];
          const text = ps.map((p) => p.text).join(" ");
          const size = run.lines[k]!.size;
          return [{ text, left: ps[0]!.left, right: ps.at(-1)!.right, size, firstWordWidth: wordWidth(/^\S*/u.exec(text)![0], ps[0]!) }];
        });
        const joined: CellLine[] = [];
        for (const line of cellLines) {
          const previous = joined.at(-1);
          if (previous && wrapsInto(previous, line, cell)) joined[joined.length - 1] = { ...previous, text: joinLines(previous.text, line.text), right: line.right };
          else joined.push(line);
        }
        const text = joined.map((l) => l.text).join("\n");
        if (text) out.push({ text, kind: "columns", endSlack: null, flushStart: false, firstWordWidth: 0, size: joined[0]!.size });
      }
      i += run.lines.length;
      continue;
    }
    const line = lines[i]!;
    const inFootnotes = line.footnoteMarker !== null || (open?.kind === "footnote" && line.size <= open.lines[0]!.size + 0.1) || (i > lastBodyLine && small(line));
    const kind: Paragraph["kind"] = inFootnotes ? "footnote" : "body";
    const previous = open?.lines.at(-1);
    const continues =
      open !== null &&
      previous !== undefined &&
      line.footnoteMarker === null &&
      open.kind === kind &&
      // A line of several cells is a table row: rows never run on into each other.
      line.segments.length === 1 &&
      previous.segments.length === 1 &&
      Math.abs(line.size - previous.size) < 0.15 * previous.size &&
      line.y - previous.y < 1.9 * previous.size &&
      slackOf(previous, block) < 0.3 * line.size + line.firstWordWidth &&
      (line.left <= Math.min(previous.left, leftEdge) + 0.5 * line.size || (symmetric(previous, block) && symmetric(line, block))) &&
      !LABEL_START.test(line.text) &&
      !(isCapitalsLine(line.text) !== isCapitalsLine(previous.text));
    if (!continues) {
      close();
      open = { lines: [line], kind };
    } else {
      open!.lines.push(line);
    }
    i++;
  }
  close();
  return out;
}

/**
 * A paragraph cut by a page break is read whole, on the page where it starts: the last body
 * paragraph ran to the margin unfinished and the next page's first body paragraph starts flush
 * left. The page's footnotes stay behind the joined paragraph, so they no longer split it.
 */
export function joinAcrossPages(pages: Paragraph[][]): number {
  let joins = 0;
  for (let p = 0; p + 1 < pages.length; p++) {
    const here = pages[p]!;
    const next = pages[p + 1]!;
    // A long footnote runs on in the next page's footnote area, before that page's own footnotes.
    const lastNote = findLastIndex(here, (q) => q.kind === "footnote");
    const carried = next.findIndex((q) => q.kind === "footnote");
    if (lastNote >= 0 && carried >= 0 && !FOOTNOTE_MARK.test(next[carried]!.text)) {
      here[lastNote] = { ...here[lastNote]!, text: joinLines(here[lastNote]!.text, next[carried]!.text) };
      next.splice(carried, 1);
      joins++;
    }
    const lastBody = findLastIndex(here, (q) => q.kind !== "footnote");
    const firstBody = next.findIndex((q) => q.kind !== "footnote");
    if (lastBody < 0 || firstBody !== 0) continue;
    const tail = here[lastBody]!;
    const head = next[0]!;
    if (tail.kind !== "body" || head.kind !== "body" || tail.endSlack === null || !head.flushStart) continue;
    if (isCapitalsLine(head.text) || tail.endSlack > 0.3 * head.size + head.firstWordWidth) continue;
    here[lastBody] = { ...tail, text: joinLines(tail.text, head.text), endSlack: head.endSlack };
    next.shift();
    joins++;
  }
  return joins;
}

/**
 * Lines of one paragraph. A line broken after a hyphen set close to its word ("2012-" + "2022",
 * "52/KH-" + "UBND") closes up: word processors break compounds there; a dash between words has
 * spaces round it.
 */
export function joinLines(a: string, b: string): string {
  return /[\p{L}\p{N}]-$/u.test(a) && /^[\p{L}\p{N}]/u.test(b) ? `${a}${b}` : `${a} ${b}`;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
