import { VanbanError } from "../../errors.js";
import { decodeLegacy, legacyEncodingOf } from "../encodings/index.js";
import { superscript } from "../docx/body.js";
import { legacyFontRuns, wordDocument, type LegacyConversion } from "../docx/loaded.js";
import { cellText, tableBlocks, untabLayout, type TableCell } from "../docx/tables.js";
import { parseLabel } from "../../text/labels.js";
import type { LoadedDocument } from "../model.js";
import type { LoadContext } from "../registry.js";
import { CELL_END, extractDocText, FOOTNOTE_MARK, ROW_END, TABLE_PARAGRAPH, type DocText } from "./extractor.js";
import { OleError, readOle, type OleFile } from "./ole.js";

export const DOC_MEDIA_TYPE = "application/msword";

/** FIB: wIdent of a Word document, and the nFib of Word 97 (older versions are Word 6/95). */
const WORD_IDENT = 0xa5ec;
const NFIB_WORD97 = 0xc1;
const FIB_ENCRYPTED = 0x0100;
const FIB_OBFUSCATED = 0x8000;

/**
 * Reads a Word 97–2003 document. The compound file is checked and classified first (an encrypted
 * DOCX, an Excel or PowerPoint file, a password-protected .doc are refused by name), then
 * word-extractor reads the body and footnotes, with list labels restored from the list tables
 * and legacy-font runs decoded by their fonts; headers and footers are page furniture and dropped.
 */
export async function readDoc(bytes: Uint8Array, context: LoadContext): Promise<LoadedDocument> {
  const file = context.fileName;
  let ole: OleFile;
  try {
    ole = readOle(bytes);
  } catch (error) {
    if (error instanceof OleError) throw new VanbanError("corrupt", `the compound file is broken: ${error.message}`, { file });
    throw error;
  }
  classify(ole, file);

  let text: DocText;
  try {
    text = await extractDocText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new VanbanError("corrupt", `the Word document cannot be read: ${(error as Error).message}`, { file, cause: error });
  }
  let { body, footnotes } = text;
  const { numberingProblem, marked, legacyRuns, legacyFonts } = text;

  // Runs in legacy fonts were decoded by their fonts; with none, TCVN3/VNI typing is told by its letters.
  let legacy: LegacyConversion | null = null;
  if (legacyRuns.size > 0) {
    legacy = legacyFontRuns(legacyRuns, legacyFonts);
  } else {
    const detected = legacyEncodingOf(`${body}\n${footnotes}`);
    if (detected !== null) {
      // No font names, so TCVN3's H-font lines and lost capitals are guessed as for a text file.
      body = decodeLegacy(body, detected, { upperCase: "guess" });
      footnotes = decodeLegacy(footnotes, detected, { upperCase: "guess" });
      legacy = { counts: new Map([[detected, 1]]), what: "the text, typed in a legacy encoding," };
    }
  }
  const blocks = [...bodyBlocks(numberMarks(body), marked), ...footnoteBlocks(footnotes, marked)];
  if (blocks.length === 0) throw new VanbanError("empty", "the Word document has no text (a scan pasted as a picture?)", { file });
  return wordDocument(blocks, {
    format: "doc",
    mediaType: DOC_MEDIA_TYPE,
    bytes: bytes.length,
    context,
    legacy,
    warnings:
      numberingProblem === null
        ? []
        : [{ code: "content-skipped", message: `list numbering could not be read (${numberingProblem}): labels such as I., 1., a) are missing`, span: null }],
  });
}

/** Refuses compound files that are not a readable Word 97–2003 document, saying what they are. */
function classify(ole: OleFile, file: string | null): void {
  const has = (name: string): boolean => ole.names.has(name);
  if (has("EncryptedPackage") || has("EncryptionInfo")) {
    throw new VanbanError("encrypted", "a password-protected Office document (an encrypted DOCX): remove the password and save again", { file });
  }
  if (!has("WordDocument")) {
    const what = has("Workbook") || has("Book")
      ? "an Excel 97–2003 workbook (.xls)"
      : has("PowerPoint Document")
        ? "a PowerPoint 97–2003 presentation (.ppt)"
        : [...ole.names].some((n) => n.startsWith("__substg1.0_"))
          ? "an Outlook message (.msg)"
          : "an OLE2 compound file with no Word document in it";
    throw new VanbanError("unsupported-format", `not a Word document: it is ${what}`, { file });
  }
  const fib = ole.head("WordDocument", 12);
  if (fib === null || fib.length < 12 || fib.readUInt16LE(0) !== WORD_IDENT) {
    throw new VanbanError("corrupt", "the WordDocument stream does not start with a Word file header", { file });
  }
  if (fib.readUInt16LE(2) < NFIB_WORD97) {
    throw new VanbanError("unsupported-format", "a Word 6.0/95 document, older than the Word 97 format vanban reads: save it as .docx", { file });
  }
  if (fib.readUInt16LE(10) & (FIB_ENCRYPTED | FIB_OBFUSCATED)) {
    throw new VanbanError("encrypted", "a password-protected Word document: remove the password and save again", { file });
  }
}

/**
 * The body as blocks. In the marked text (see extractor.ts) a table is known exactly: its
 * paragraphs, cell ends and row ends; it is read as the DOCX loader reads tables, and lines typed
 * with tabs as the DOCX loader reads them too.
 */
export function bodyBlocks(body: string, marked: boolean): string[] {
  if (!marked) return blocksFromTabs(body);
  const blocks: string[] = [];
  let rows: TableCell[][] = [];
  let cells: TableCell[] = [];
  let cell: string[] = [];
  const endTable = (): void => {
    if (cell.some((l) => l.trim() !== "")) cells.push({ column: cells.length, text: cellText(cell) });
    if (cells.length > 0) rows.push(cells);
    if (rows.length > 0) blocks.push(...tableBlocks(rows));
    rows = [];
    cells = [];
    cell = [];
  };
  for (const line of body.replace(/\r\n?/g, "\n").split("\n")) {
    if (!line.startsWith(TABLE_PARAGRAPH) && !line.startsWith(ROW_END)) {
      endTable();
      // A table paragraph whose start could not be placed leaves stray marks: never let them into the text.
      blocks.push(line.replaceAll(TABLE_PARAGRAPH, "").replaceAll(ROW_END, "").replaceAll(CELL_END, "\t"));
      continue;
    }
    // A line holds a table paragraph, or several when cells end inside it (a cell end is no line break).
    for (const paragraph of line.split(TABLE_PARAGRAPH).slice(1)) {
      const rowEnds = paragraph.includes(ROW_END);
      const parts = paragraph.replaceAll(ROW_END, "").split(CELL_END);
      cell.push(parts[0]!);
      for (const rest of parts.slice(1)) {
        cells.push({ column: cells.length, text: cellText(cell) });
        cell = rest === "" ? [] : [rest];
      }
      if (rowEnds) {
        rows.push(cells);
        cells = [];
        cell = [];
      }
    }
    if (line.startsWith(ROW_END)) {
      rows.push(cells);
      cells = [];
      cell = [];
    }
  }
  endTable();
  return untabLayout(blocks, (text) => parseLabel(text)?.raw === text)
    .map((b) => b.replace(/[ \t]+$/gm, ""))
    .filter((b) => b.trim() !== "");
}

/**
 * word-extractor's own text, where a cell end and a tab are both `\t` and a row ends `\t\n`: every
 * tab ends a block, so a two-cell row reads left cell, then right cell; a one-line row of three
 * or more cells that is not page layout is a data row, its cells kept together as ` | `.
 */
function blocksFromTabs(body: string): string[] {
  const blocks: string[] = [];
  for (const line of body.replace(/\r\n?/g, "\n").split("\n")) {
    if (!line.includes("\t")) {
      blocks.push(line);
      continue;
    }
    const cells = line.split("\t").map((c) => c.trim());
    const rowEnd = cells.at(-1) === "";
    if (rowEnd) cells.pop();
    const isDataRow = rowEnd && cells.length >= 3 && tableBlocks([cells.map((text, column) => ({ column, text }))]).length === 1;
    blocks.push(...(isDataRow ? [cells.filter(Boolean).join(" | ")] : cells));
  }
  return blocks.map((b) => b.trimEnd()).filter((b) => b.trim() !== "");
}

/** Each footnote as one `¹ text` line, the form normalise recognises. */
function footnoteBlocks(footnotes: string, marked: boolean): string[] {
  // Marked: each footnote starts at its mark, whatever paragraphs it has; else one per paragraph.
  const notes = marked ? footnotes.split(FOOTNOTE_MARK).slice(1) : footnotes.split("\n");
  return notes
    .map((note) => note.split("\n").map((l) => l.trim()).filter(Boolean).join(" "))
    .filter(Boolean)
    .map((text, i) => `${superscript(i + 1)} ${text}`);
}

/** Footnote marks in the body as superscript numbers, in order, as the DOCX loader writes them. */
function numberMarks(body: string): string {
  let n = 0;
  return body.replaceAll(FOOTNOTE_MARK, () => superscript(++n));
}
