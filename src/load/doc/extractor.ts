import BufferReader from "word-extractor/lib/buffer-reader.js";
import { clean } from "word-extractor/lib/filters.js";
import WordOleExtractor, { type Piece } from "word-extractor/lib/word-ole-extractor.js";
import { Numbering } from "../docx/numbering.js";
import type { LegacyEncoding } from "../encodings/index.js";
import { FKP_SIZE, forEachSprm } from "./binary.js";
import { FontDecoder } from "./decode.js";
import { fontRuns, FontTableError, type ParagraphStyle } from "./fonts.js";
import { ListTableError, listsOfDoc } from "./lists.js";

/** The paragraph sprms vanban reads (MS-DOC 2.6.2): list level and instance, table cell and row end. */
const SPRM_P_ILVL = 0x260a;
const SPRM_P_ILFO = 0x460b;
const SPRM_P_FINTABLE = 0x2416;
const SPRM_P_FTTP = 0x2417;
/** FIB: fcPlcfBtePapx, the table of paragraph-property pages. */
const FC_PLCF_BTE_PAPX = 0x0102;

/**
 * Marks put into the body for bodyBlocks (private-use characters, never in Word text): where a
 * table paragraph starts, where a cell ends (word-extractor would make it a tab, like a real
 * tab), and where a row ends.
 */
export const TABLE_PARAGRAPH = "\ue001";
export const ROW_END = "\ue002";
export const CELL_END = "\ue007";
/** An auto-numbered footnote mark: after a cited word in the body, at the start of each footnote. */
export const FOOTNOTE_MARK = "\ue003";

export interface DocText {
  body: string;
  footnotes: string;
  /** Whether the body carries the table marks (false: word-extractor's own text, cells ending in tabs). */
  marked: boolean;
  /** Why list labels could not be restored, or null. */
  numberingProblem: string | null;
  /** Runs decoded from a legacy font encoding, per encoding, and the fonts that named them. */
  legacyRuns: ReadonlyMap<LegacyEncoding, number>;
  legacyFonts: ReadonlySet<string>;
}

/** A paragraph: its extent and style (for its fonts), list and table flags. */
interface ParagraphMark extends ParagraphStyle {
  ilfo: number;
  ilvl: number;
  inTable: boolean;
  rowEnd: boolean;
}

/**
 * word-extractor's reader, taught Word's automatic numbering and table structure: while it walks
 * the paragraph properties, each paragraph's list (ilfo, ilvl) and table flags are noted; when it
 * builds the body, list paragraphs get their labels (`I.`, `1.1.`, `a)`, `-`) from the list
 * tables, counted in reading order, and table paragraphs, cell ends and row ends are marked;
 * text in a TCVN3 or VNI font is decoded paragraph by paragraph by the font each run names.
 * Everything else is word-extractor's own reading.
 */
class NumberedWordExtractor extends WordOleExtractor {
  private paragraphs: ParagraphMark[] | null = null;
  private fib: Buffer | null = null;
  private table: Buffer | null = null;
  numberingProblem: string | null = null;
  /** Why fonts could not be read, or null. */
  fontProblem: string | null = null;
  /** The run decoder, with what it decoded; null when the fonts could not be read. */
  decoder: FontDecoder | null = null;
  marked = false;

  protected override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
    super.writeParagraphProperties(buffer, tableBuffer);
    this.fib = buffer;
    this.table = tableBuffer;
    try {
      this.paragraphs = paragraphMarks(buffer, tableBuffer);
    } catch (error) {
      this.numberingProblem = (error as Error).message;
    }
  }

  protected override buildDocument(): ReturnType<WordOleExtractor["buildDocument"]> {
    const document = super.buildDocument();
    if (this.paragraphs === null || this.fib === null || this.table === null) return document;
    // The labels are an overlay on word-extractor's text: a damaged list table loses them, not the text.
    let numbering: Numbering | null = null;
    if (this.paragraphs.some((p) => p.ilfo > 0)) {
      try {
        numbering = new Numbering(listsOfDoc(this.fib, this.table));
      } catch (error) {
        this.numberingProblem = error instanceof ListTableError ? error.message : `unreadable list data: ${(error as Error).message}`;
      }
    }
    // Fonts too: without them the text is still read, its encoding told by its letters (see read.ts).
    try {
      this.decoder = new FontDecoder(fontRuns(this.fib, this.table, this._pieces, this.paragraphs));
    } catch (error) {
      if (!(error instanceof FontTableError)) throw error;
      this.fontProblem = error.message;
    }
    // The optional hyphen becomes U+00AD before decoding: it is TCVN3's ư (see cleanText).
    const all = this._pieces.map((p) => p.text).join("").replaceAll("\x1f", "\u00ad");
    const { ccpText, ccpFtn } = this._boundaries;
    const starts = this.paragraphs
      .map((p) => ({ ...p, cp: cpOf(this._pieces, p.fcStart) }))
      .filter((p): p is ParagraphMark & { cp: number } => p.cp !== null)
      .sort((a, b) => a.cp - b.cp);
    const inserts = starts
      .filter((p) => p.cp < ccpText)
      .map((p) => {
        const label = numbering !== null && p.ilfo > 0 ? numbering.next(String(p.ilfo), p.ilvl, undefined) : null;
        return { cp: p.cp, mark: p.rowEnd ? ROW_END : p.inTable ? TABLE_PARAGRAPH : "", label: label === null ? "" : `${label} ` };
      });
    const body = this.story(all, 0, ccpText, inserts);
    document._body = cleanText(body.replaceAll("\x07", CELL_END).replaceAll("\x02", FOOTNOTE_MARK));
    // word-extractor drops the marks, so a footnote of two paragraphs would read as two footnotes.
    if (ccpFtn) {
      const end = ccpText + ccpFtn - 1;
      const footnoteStarts = starts.filter((p) => p.cp > ccpText && p.cp < end).map((p) => ({ cp: p.cp, mark: "", label: "" }));
      document._footnotes = cleanText(this.story(all, ccpText, end, footnoteStarts).replaceAll("\x02", FOOTNOTE_MARK));
    }
    this.marked = true;
    return document;
  }

  /**
   * A story's text from `from` to `to`, paragraph by paragraph: each starts with its mark and
   * label and is decoded by its fonts. Slices joined once: inserting label by label is quadratic.
   */
  private story(all: string, from: number, to: number, starts: readonly { cp: number; mark: string; label: string }[]): string {
    const decoder = this.decoder ?? new FontDecoder([]);
    const parts: string[] = [];
    let at = from;
    let mark = "";
    let label = "";
    for (const start of starts) {
      parts.push(mark, decoder.paragraph(all, at, start.cp, label));
      ({ mark, label } = start);
      at = start.cp;
    }
    parts.push(mark, decoder.paragraph(all, at, to, label));
    return parts.join("");
  }
}

/** Character position of a file offset, through the piece table. */
function cpOf(pieces: readonly Piece[], fc: number): number | null {
  for (const piece of pieces) {
    if (fc >= piece.startFilePos && fc < piece.endFilePos) return piece.startCp + (fc - piece.startFilePos) / piece.bpc;
  }
  return null;
}

/** Each paragraph's start, list and table flags, from the PAPX pages word-extractor also reads. */
function paragraphMarks(fib: Buffer, table: Buffer): ParagraphMark[] {
  const at = fib.readUInt32LE(FC_PLCF_BTE_PAPX);
  const size = fib.readUInt32LE(FC_PLCF_BTE_PAPX + 4);
  if (at + size > table.length) throw new ListTableError("the paragraph property table runs past the table stream");
  const pages = (size - 4) / 8;
  const out: ParagraphMark[] = [];
  for (let i = 0; i < pages; i++) {
    const page = table.readUInt32LE(at + (pages + 1) * 4 + i * 4);
    if ((page + 1) * FKP_SIZE > fib.length) throw new ListTableError("a paragraph property page lies outside the document");
    const fkp = fib.subarray(page * FKP_SIZE, (page + 1) * FKP_SIZE);
    const runs = fkp.readUInt8(FKP_SIZE - 1);
    for (let j = 0; j < runs; j++) {
      const offset = fkp.readUInt8((runs + 1) * 4 + j * 13) * 2;
      const mark: ParagraphMark = { fcStart: fkp.readUInt32LE(j * 4), fcEnd: fkp.readUInt32LE((j + 1) * 4), istd: 0, ilfo: 0, ilvl: 0, inTable: false, rowEnd: false };
      out.push(mark);
      if (offset === 0) continue;
      const cb = fkp.readUInt8(offset);
      const papx = cb !== 0 ? fkp.subarray(offset + 1, offset + 2 * cb) : fkp.subarray(offset + 2, offset + 2 + 2 * fkp.readUInt8(offset + 1));
      if (papx.length >= 2) mark.istd = papx.readUInt16LE(0);
      forEachSprm(papx, 2, (sprm, operand) => {
        if (operand >= papx.length) return;
        // ilfo 0 is no list; negative values (0xF801) mean "list removed" in a style's override.
        if (sprm === SPRM_P_ILFO && operand + 2 <= papx.length) mark.ilfo = Math.max(0, papx.readInt16LE(operand));
        if (sprm === SPRM_P_ILVL) mark.ilvl = Math.min(papx.readUInt8(operand), 8);
        if (sprm === SPRM_P_FINTABLE) mark.inTable = papx.readUInt8(operand) !== 0;
        if (sprm === SPRM_P_FTTP) mark.rowEnd = papx.readUInt8(operand) !== 0;
      });
    }
  }
  return out;
}

/** Reads a .doc already checked by readOle: body and footnotes as word-extractor gives them, lists numbered. */
export async function extractDocText(bytes: Buffer): Promise<DocText> {
  const reader = new BufferReader(bytes);
  await reader.open();
  const extractor = new NumberedWordExtractor();
  try {
    const parts = await extractor.extract(reader);
    return {
      body: parts.getBody({ filterUnicode: false }),
      footnotes: parts.getFootnotes({ filterUnicode: false }),
      marked: extractor.marked,
      numberingProblem: extractor.numberingProblem,
      legacyRuns: extractor.decoder?.counts ?? new Map(),
      legacyFonts: extractor.decoder?.fonts ?? new Set(),
    };
  } finally {
    await reader.close();
  }
}

/**
 * word-extractor's clean() maps Word's optional hyphen (0x1F) through a table slot it never
 * filled, writing "undefined" into the text. It is the soft hyphen, which TCVN3 uses as the code
 * of ư, so it must survive as U+00AD for the legacy decoder (normalise drops it in Unicode text).
 */
const cleanText = (text: string): string => clean(text.replaceAll("\x1f", "\u00ad"));
