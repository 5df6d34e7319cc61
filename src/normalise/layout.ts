import { matchesOf } from "../text/matches.js";

/**
 * Restores reading order where a layout-mode PDF extraction or a markdown table put two columns
 * of the page on one line: the header (agency | quốc hiệu), and the Nơi nhận | signature block.
 * Each run of column lines is rewritten as the left column's lines, then the right column's.
 */

/** A gap this wide (or a tab) between two runs of text on a line separates two columns. */
const COLUMN_GAP = /\t+| {4,}/g;
/** The right column never starts this close to the left margin. */
const MIN_RIGHT_COLUMN = 20;

interface Cell {
  text: string;
  column: number;
}

function cellsOf(line: string): Cell[] {
  if (!line.includes("\t") && !line.includes("    ")) {
    const text = line.trim();
    return text ? [{ text, column: line.length - line.trimStart().length }] : [];
  }
  const cells: Cell[] = [];
  const expanded = line.replace(/\t/g, "    ");
  let last = 0;
  const push = (from: number, to: number): void => {
    const raw = expanded.slice(from, to);
    const text = raw.trim();
    if (text) cells.push({ text, column: from + (raw.length - raw.trimStart().length) });
  };
  for (const m of matchesOf(COLUMN_GAP, expanded)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, expanded.length);
  return cells;
}

function isColumnLine(cells: readonly Cell[]): boolean {
  return cells.length >= 2 && cells[1]!.column >= MIN_RIGHT_COLUMN;
}

/**
 * Splits two-column runs. A run starts at a line with a wide gap and goes on through blank lines
 * and lines indented to the right column (a signature's name under an empty left column).
 */
export interface LayoutLine {
  text: string;
  /** The line was a column of a two-column run: its indentation means nothing. */
  fromColumns: boolean;
}

/** `gapless`: the caller knows no line holds a tab or two spaces in a row. */
export function splitColumns(lines: readonly string[], gapless = false): LayoutLine[] {
  // Without a tab or a wide gap no line has two cells (cellsOf): most texts, taken line for line.
  if (gapless || !lines.some((line) => line.includes("\t") || line.includes("    "))) return lines.map((text) => ({ text, fromColumns: false }));
  const out: LayoutLine[] = [];
  const emit = (texts: readonly string[], fromColumns: boolean): void => {
    for (const text of texts) out.push({ text, fromColumns });
  };
  let i = 0;
  while (i < lines.length) {
    const cells = cellsOf(lines[i]!);
    if (!isColumnLine(cells)) {
      emit([lines[i]!], false);
      i++;
      continue;
    }
    const split = cells[1]!.column;
    const left: string[] = [];
    const right: string[] = [];
    let j = i;
    while (j < lines.length) {
      const line = lines[j]!;
      const lineCells = cellsOf(line);
      if (lineCells.length === 0) {
        j++;
        continue;
      }
      const indented = lineCells[0]!.column >= split - 6;
      // The Nơi nhận list often runs on below the signature's last line.
      const listGoesOn = lineCells.length === 1 && /^[-–+•]/u.test(lineCells[0]!.text) && /^[-–+•]|^N[ơo]i nhận/iu.test(left.at(-1) ?? "");
      if (!isColumnLine(lineCells) && !indented && !listGoesOn) break;
      for (const cell of lineCells) (cell.column >= split - 6 ? right : left).push(cell.text);
      j++;
    }
    // Blank lines swallowed at the end of the run belong to what follows.
    while (j > i && (lines[j - 1] ?? "").trim() === "") j--;
    emit([...left, "", ...right, ""], true);
    i = j;
  }
  return out;
}

/**
 * Markdown tables from web pages: a header table's cells become columns, each cell's bold runs
 * or <br> breaks its lines. Consecutive table rows are read left column first.
 */
export function unfoldMarkdownTables(lines: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!/^\s*\|.*\|\s*$/.test(lines[i]!)) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    const columns: string[][] = [];
    while (i < lines.length && /^\s*\|.*\|\s*$/.test(lines[i]!)) {
      const row = lines[i]!.trim().slice(1, -1);
      i++;
      if (/^[\s|:\-]+$/.test(row)) continue; // |---|---| separator
      row.split("|").forEach((cell, c) => {
        (columns[c] ??= []).push(...cellLines(cell));
      });
    }
    for (const column of columns) out.push(...column.filter((l) => l.trim() !== ""), "");
  }
  return out;
}

function cellLines(cell: string): string[] {
  return cell
    .split(/<br\s*\/?>|(?<=\S)\*{1,3}\s+\*{1,3}(?=\S)/i)
    .map((l) => l.trim())
    .filter(Boolean);
}
