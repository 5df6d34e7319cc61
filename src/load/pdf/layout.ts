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
  /** The last line ran to the right margin: the paragraph may go on on the next page. */
  openEnd: boolean;
  /** The first line starts at the left margin, unindented: it may finish the previous page's paragraph. */
  flushStart: boolean;
}

/** Page furniture lives in this share of the page height at the top and at the bottom. */
const FURNITURE_BAND = 0.12;
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
function columnRunAt(lines: readonly PdfLine[], start: number): ColumnRun | null {
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
      openEnd: open.kind === "body" && lastLine.right >= rightEdge - 1.5 * lastLine.size && !/[.:;!?]$|\.\/\.$/u.test(lastLine.text),
      flushStart: open.kind === "body" && firstLine.left <= leftEdge + 0.5 * firstLine.size && !LABEL_START.test(firstLine.text),
    });
    open = null;
  };
  let i = 0;
  while (i < lines.length) {
    const run = columnRunAt(lines, i);
    if (run) {
      close();
      const middle = (run.gapLeft + run.gapRight) / 2;
      const side = (right: boolean): string =>
        run.lines
          .map((l) => l.segments.filter((s) => (s.left >= middle) === right).map((s) => s.text).join(" "))
          .filter((t) => t !== "")
          .join("\n");
      for (const text of [side(false), side(true)]) if (text) out.push({ text, kind: "columns", openEnd: false, flushStart: false });
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
    if (tail.kind !== "body" || head.kind !== "body" || !tail.openEnd || !head.flushStart) continue;
    if (isCapitalsLine(head.text)) continue;
    here[lastBody] = { ...tail, text: `${tail.text} ${head.text}`, openEnd: head.openEnd };
    next.shift();
    joins++;
  }
  return joins;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
