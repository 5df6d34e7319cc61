import BufferReader from "word-extractor/lib/buffer-reader.js";
import { clean } from "word-extractor/lib/filters.js";
import WordOleExtractor, { type Piece } from "word-extractor/lib/word-ole-extractor.js";
import { Numbering } from "../docx/numbering.js";
import { ListTableError, listsOfDoc } from "./lists.js";

/** The paragraph sprms that put a paragraph in a list (MS-DOC 2.6.2). */
const SPRM_P_ILVL = 0x260a;
const SPRM_P_ILFO = 0x460b;
/** FIB: fcPlcfBtePapx, the table of paragraph-property pages. */
const FC_PLCF_BTE_PAPX = 0x0102;
const FKP_SIZE = 512;

export interface DocText {
  body: string;
  footnotes: string;
  /** Why list labels could not be restored, or null. */
  numberingProblem: string | null;
}

/**
 * word-extractor's reader, taught Word's automatic numbering: while it walks the paragraph
 * properties, the list a paragraph is in (ilfo, ilvl) is noted; when it builds the body, each
 * list paragraph gets its label (`I.`, `1.1.`, `a)`, `-`) from the list tables, counted in
 * reading order. Everything else is word-extractor's own reading.
 */
class NumberedWordExtractor extends WordOleExtractor {
  private paragraphs: { fc: number; ilfo: number; ilvl: number }[] = [];
  private fib: Buffer | null = null;
  private table: Buffer | null = null;
  numberingProblem: string | null = null;

  protected override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
    super.writeParagraphProperties(buffer, tableBuffer);
    this.fib = buffer;
    this.table = tableBuffer;
    try {
      this.paragraphs = listParagraphs(buffer, tableBuffer);
    } catch (error) {
      this.numberingProblem = (error as Error).message;
    }
  }

  protected override buildDocument(): ReturnType<WordOleExtractor["buildDocument"]> {
    const document = super.buildDocument();
    const listed = this.paragraphs.filter((p) => p.ilfo > 0);
    if (listed.length === 0 || this.fib === null || this.table === null) return document;
    try {
      const numbering = new Numbering(listsOfDoc(this.fib, this.table));
      const raw = this._pieces.map((p) => p.text).join("").slice(0, this._boundaries.ccpText);
      const labels = listed
        .map((p) => ({ ...p, cp: cpOf(this._pieces, p.fc) }))
        .filter((p): p is typeof p & { cp: number } => p.cp !== null && p.cp < raw.length)
        .sort((a, b) => a.cp - b.cp)
        .map((p) => ({ cp: p.cp, label: numbering.next(String(p.ilfo), p.ilvl, undefined) }));
      let body = raw;
      for (const { cp, label } of labels.reverse()) {
        if (label !== null) body = `${body.slice(0, cp)}${label} ${body.slice(cp)}`;
      }
      document._body = clean(body);
    } catch (error) {
      // The labels are an overlay on word-extractor's text: a damaged list table loses them, not the text.
      this.numberingProblem = error instanceof ListTableError ? error.message : `unreadable list data: ${(error as Error).message}`;
    }
    return document;
  }
}

/** Character position of a file offset, through the piece table. */
function cpOf(pieces: readonly Piece[], fc: number): number | null {
  for (const piece of pieces) {
    if (fc >= piece.startFilePos && fc < piece.endFilePos) return piece.startCp + (fc - piece.startFilePos) / piece.bpc;
  }
  return null;
}

/** Each paragraph's start and list (ilfo 0: none), from the PAPX pages word-extractor also reads. */
function listParagraphs(fib: Buffer, table: Buffer): { fc: number; ilfo: number; ilvl: number }[] {
  const at = fib.readUInt32LE(FC_PLCF_BTE_PAPX);
  const size = fib.readUInt32LE(FC_PLCF_BTE_PAPX + 4);
  if (at + size > table.length) throw new ListTableError("the paragraph property table runs past the table stream");
  const pages = (size - 4) / 8;
  const out: { fc: number; ilfo: number; ilvl: number }[] = [];
  for (let i = 0; i < pages; i++) {
    const page = table.readUInt32LE(at + (pages + 1) * 4 + i * 4);
    if ((page + 1) * FKP_SIZE > fib.length) throw new ListTableError("a paragraph property page lies outside the document");
    const fkp = fib.subarray(page * FKP_SIZE, (page + 1) * FKP_SIZE);
    const runs = fkp.readUInt8(FKP_SIZE - 1);
    for (let j = 0; j < runs; j++) {
      const offset = fkp.readUInt8((runs + 1) * 4 + j * 13) * 2;
      if (offset === 0) continue;
      const cb = fkp.readUInt8(offset);
      const papx = cb !== 0 ? fkp.subarray(offset + 1, offset + 2 * cb) : fkp.subarray(offset + 2, offset + 2 + 2 * fkp.readUInt8(offset + 1));
      let ilfo = 0;
      let ilvl = 0;
      forEachSprm(papx, 2, (sprm, operand) => {
        if (sprm === SPRM_P_ILFO && operand + 2 <= papx.length) ilfo = papx.readInt16LE(operand);
        if (sprm === SPRM_P_ILVL && operand + 1 <= papx.length) ilvl = papx.readUInt8(operand);
      });
      // ilfo 0 is no list; negative values (0xF801) mean "list removed" in a style's override.
      out.push({ fc: fkp.readUInt32LE(j * 4), ilfo: ilfo > 0 ? ilfo : 0, ilvl: Math.min(ilvl, 8) });
    }
  }
  return out;
}

/** Operand sizes by spra (MS-DOC 2.2.5.1); 6 is variable, its first byte the length. */
const OPERAND_SIZE = [1, 1, 2, 4, 2, 2, -1, 3];

function forEachSprm(grpprl: Buffer, from: number, visit: (sprm: number, operand: number) => void): void {
  let at = from;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    visit(sprm, at);
    const size = OPERAND_SIZE[sprm >> 13]!;
    at += size >= 0 ? size : 1 + (grpprl[at] ?? 0);
  }
}

/** Reads a .doc already checked by readOle: body and footnotes as word-extractor gives them, lists numbered. */
export async function extractDocText(bytes: Buffer): Promise<DocText> {
  const reader = new BufferReader(bytes);
  await reader.open();
  const extractor = new NumberedWordExtractor();
  try {
    const parts = await extractor.extract(reader);
    return { body: parts.getBody({ filterUnicode: false }), footnotes: parts.getFootnotes({ filterUnicode: false }), numberingProblem: extractor.numberingProblem };
  } finally {
    await reader.close();
  }
}
