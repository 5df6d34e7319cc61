import { isCapitalsLine } from "../../text/lines.js";
import type { PdfLine } from "./lines.js";

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

interface ColumnRun {
  lines: PdfLine[];
  /** The empty band between the columns. */
  gapLeft: number;
  gapRight: number;
}

/**
 * Two columns side by side on the same baselines (the header table: agency | quốc hiệu; the
 * closing: Nơi nhận | signature) are read left column first. A run starts at a line with a wide
 * gap and goes on while lines stay clear of the band between the columns and close below.
 */
function columnRunAt(lines: readonly PdfLine[], start: number, page: { left: number; right: number }): ColumnRun | null {
  const first = lines[start]!;
  if (first.segments.length < 2) return null;
  let best: { left: number; right: number } | null = null;
  for (let s = 1; s < first.segments.length; s++) {
    const left = first.segments[s - 1]!.right;
    const right = first.segments[s]!.left;
    if (!best || right - left > best.right - best.left) best = { left, right };
  }
  if (!best) return null;
  let { left: gapLeft, right: gapRight } = best;
  const run: PdfLine[] = [first];
  let previous = first;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.y - previous.y > 4.5 * Math.max(line.size, previous.size)) break;
    // Cells are centred or wrapped differently line by line: the band between the columns
    // narrows to what stays free, and a line running through its middle ends the run.
    const middle = (gapLeft + gapRight) / 2;
    if (line.segments.some((s) => s.left < middle && s.right > middle)) break;
    // A line centred on the page (the type line under the header) belongs to no column.
    if (line.segments.length === 1 && line.left > page.left + 2 * line.size && Math.abs((line.left + line.right) / 2 - (page.left + page.right) / 2) < 2 * line.size) break;
    const left = Math.max(gapLeft, ...line.segments.filter((s) => s.right <= middle).map((s) => s.right));
    const right = Math.min(gapRight, ...line.segments.filter((s) => s.left >= middle).map((s) => s.left));
    if (right - left < line.size) break;
    gapLeft = left;
    gapRight = right;
    run.push(line);
    previous = line;
  }
  return { lines: run, gapLeft, gapRight };
}

interface Cell {
  left: number;
  right: number;
}
interface CellLine extends Cell {
  text: string;
  size: number;
  firstWordWidth: number;
}

export function wordWidth(text: string, size: number): number {
  return (/^\S+/u.exec(text)?.[0].length ?? 0) * 0.5 * size;
}

/**
 * Whether a line in a table cell was wrapped onto the next: the next line's first word would
 * not have fitted after it. A centred line has half its slack on each side.
 */
function wrapsInto(line: CellLine, next: CellLine, cell: Cell): boolean {
  if (LABEL_START.test(next.text) || /[:;]$/.test(line.text) || isCapitalsLine(line.text) !== isCapitalsLine(next.text)) return false;
  // The tiêu ngữ and the place-and-date line are lines of their own, however wide.
  if (/hạnh phúc$/iu.test(line.text) || /^[\p{L} .-]*,\s*ngày\b/u.test(next.text)) return false;
  if (Math.abs(line.size - next.size) > 0.15 * line.size) return false;
  const centred = line.left - cell.left > 2 * line.size && Math.abs((line.left + line.right) / 2 - (cell.left + cell.right) / 2) < 1.5 * line.size;
  const slack = centred ? 2 * Math.min(line.left - cell.left, cell.right - line.right) : cell.right - line.right;
  return slack < 0.3 * next.size + next.firstWordWidth;
}

const LABEL_START = /^(?:[-–+•]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ][)]\s|[IVX]{1,5}\.\s|Điều\s+\d)/u;

/** Turns one page's lines (furniture removed) into paragraphs in reading order. */
export function paragraphsOf(lines: readonly PdfLine[]): Paragraph[] {
  const body = lines.filter((l) => l.segments.length === 1);
  const leftEdge = body.length ? Math.min(...body.map((l) => l.left)) : 0;
  const rightEdge = body.length ? Math.max(...body.map((l) => l.right)) : 0;
  const out: Paragraph[] = [];
  type Open = { lines: PdfLine[]; kind: Paragraph["kind"] };
  // Assigned inside close() too, which TypeScript's narrowing does not follow.
  let open = null as Open | null;
  const close = (): void => {
    if (!open) return;
    const lastLine = open.lines.at(-1)!;
    const firstLine = open.lines[0]!;
    out.push({
      text: open.lines.map((l) => l.text).join(" "),
      kind: open.kind,
      endSlack: open.kind === "body" && !/[.:;!?]$|\.\/\.$/u.test(lastLine.text) ? rightEdge - lastLine.right : null,
      flushStart: open.kind === "body" && firstLine.left <= leftEdge + 0.5 * firstLine.size && !LABEL_START.test(firstLine.text),
      firstWordWidth: firstLine.firstWordWidth,
      size: firstLine.size,
    });
    open = null;
  };
  let i = 0;
  while (i < lines.length) {
    const run = columnRunAt(lines, i, { left: leftEdge, right: rightEdge });
    if (run) {
      close();
      const middle = (run.gapLeft + run.gapRight) / 2;
      const lefts = run.lines.flatMap((l) => l.segments.filter((s) => s.left < middle));
      const rights = run.lines.flatMap((l) => l.segments.filter((s) => s.left >= middle));
      const cells: [boolean, Cell][] = [
        [false, { left: Math.min(leftEdge, ...lefts.map((s) => s.left)), right: middle }],
        [true, { left: middle, right: Math.max(rightEdge, ...rights.map((s) => s.right)) }],
      ];
      for (const [isRight, cell] of cells) {
        const cellLines = run.lines.flatMap((l): CellLine[] => {
          const segments = l.segments.filter((s) => (s.left >= middle) === isRight);
          if (segments.length === 0) return [];
          const text = segments.map((s) => s.text).join(" ");
          return [{ text, left: segments[0]!.left, right: segments.at(-1)!.right, size: l.size, firstWordWidth: wordWidth(text, l.size) }];
        });
        const joined: CellLine[] = [];
        for (const line of cellLines) {
          const previous = joined.at(-1);
          if (previous && wrapsInto(previous, line, cell)) joined[joined.length - 1] = { ...previous, text: `${previous.text} ${line.text}`, right: line.right };
          else joined.push(line);
        }
        const text = joined.map((l) => l.text).join("\n");
        if (text) out.push({ text, kind: "columns", endSlack: null, flushStart: false, firstWordWidth: 0, size: joined[0]!.size });
      }
      i += run.lines.length;
      continue;
    }
    const line = lines[i]!;
    const kind: Paragraph["kind"] = line.footnoteMarker !== null || (open?.kind === "footnote" && line.size <= open.lines[0]!.size + 0.1) ? "footnote" : "body";
    const previous = open?.lines.at(-1);
    const continues =
      open !== null &&
      previous !== undefined &&
      line.footnoteMarker === null &&
      open.kind === kind &&
      Math.abs(line.size - previous.size) < 0.15 * previous.size &&
      line.y - previous.y < 1.9 * previous.size &&
      previous.right + 0.3 * line.size + line.firstWordWidth > rightEdge &&
      line.left <= Math.min(previous.left, leftEdge) + 0.5 * line.size &&
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
    const lastBody = findLastIndex(here, (q) => q.kind !== "footnote");
    const firstBody = next.findIndex((q) => q.kind !== "footnote");
    if (lastBody < 0 || firstBody !== 0) continue;
    const tail = here[lastBody]!;
    const head = next[0]!;
    if (tail.kind !== "body" || head.kind !== "body" || tail.endSlack === null || !head.flushStart) continue;
    if (isCapitalsLine(head.text) || tail.endSlack > 0.3 * head.size + head.firstWordWidth) continue;
    here[lastBody] = { ...tail, text: `${tail.text} ${head.text}`, endSlack: head.endSlack };
    next.shift();
    joins++;
  }
  return joins;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
