import type { Piece } from "word-extractor/lib/word-ole-extractor.js";
import { Cursor, firstEndingAfter, FKP_SIZE, forEachSprm } from "./binary.js";

/**
 * The font of each stretch of a .doc's text, which word-extractor never reads and a TCVN3 file
 * needs: `.VnTimeH` lines hold lower-case codes that the font draws as capitals. Read as Word
 * resolves a character's font (MS-DOC 2.4.6.6): the run's own CHPX in the FKP pages of
 * PlcBteChpx, else its character style (sprmCIstd), else its paragraph's style, each style
 * followed through the styles it is based on, else the style sheet's default; the number found
 * names an FFN in SttbfFfn. Offsets and layouts were checked against MS-DOC and Apache POI's
 * HWPF (FontTable/Ffn, StyleSheet/StyleDescription/StdfBase, CHPFormattedDiskPage).
 */

/** A stretch of text (character positions, end exclusive) and the name of its font. */
export interface FontRun {
  cpStart: number;
  cpEnd: number;
  font: string;
}

/** A paragraph's extent in the WordDocument stream and its style, from the PAPX pages. */
export interface ParagraphStyle {
  fcStart: number;
  fcEnd: number;
  istd: number;
}

export class FontTableError extends Error {}

/** FIB (FibRgFcLcb97 entries 1, 12 and 15): fcStshf, fcPlcfBteChpx, fcSttbfFfn, each followed by its lcb. */
const FC_STSHF = 0xa2;
const FC_PLCF_BTE_CHPX = 0xfa;
const FC_STTBF_FFN = 0x112;
/** The FKP's last byte is crun; (crun + 1) FCs and crun offset bytes must fit before it. */
const MAX_CHPX_RUNS = Math.floor((FKP_SIZE - 1 - 4) / 5);
/** FFN: cbFfnM1, flags, wWeight, chs, ixchSzAlt, panose (10), fs (24), then xszFfn in UTF-16. */
const FFN_NAME = 40;
/** STSH: stshif's rgftcStandardChpStsh (ftcAsci, ftcFE, ftcOther), after cbStshi and six 16-bit fields. */
const STSHI_FTC_ASCII = 2 + 12;
const STSHI_FTC_OTHER = 2 + 16;
const STDF_BASE = 10;
const NIL_STYLE = 0x0fff;
const PARAGRAPH_STYLE = 1;
const CHARACTER_STYLE = 2;

/** The character sprms that name a font or a character style (MS-DOC 2.6.1). */
const SPRM_C_RG_FTC0 = 0x4a4f;
const SPRM_C_RG_FTC1 = 0x4a50;
const SPRM_C_RG_FTC2 = 0x4a51;
/** Word 6's sprmCFtc as Word 97 renumbered it (sprmCFtcDefault), still in files converted from Word 6. */
const SPRM_C_FTC_DEFAULT = 0x4a3d;
const SPRM_C_ISTD = 0x4a30;

/** What a grpprl says of fonts: the font for Latin text, and the character style it applies. */
interface CharacterProperties {
  ftc: number | null;
  istd: number | null;
}

/**
 * The font for Latin text, as the DOCX loader picks w:hAnsi before w:ascii: legacy encodings live
 * in the 0x80–0xFF range, drawn with ftcOther (rgftc2); then the ASCII font, the older sprm, the
 * East Asian one.
 */
function characterProperties(grpprl: Buffer): CharacterProperties {
  const found = new Map<number, number>();
  forEachSprm(grpprl, 0, (sprm, operand) => {
    if (operand + 2 <= grpprl.length && (sprm === SPRM_C_ISTD || sprm === SPRM_C_RG_FTC0 || sprm === SPRM_C_RG_FTC1 || sprm === SPRM_C_RG_FTC2 || sprm === SPRM_C_FTC_DEFAULT)) {
      found.set(sprm, grpprl.readUInt16LE(operand));
    }
  });
  const ftc = found.get(SPRM_C_RG_FTC2) ?? found.get(SPRM_C_RG_FTC0) ?? found.get(SPRM_C_FTC_DEFAULT) ?? found.get(SPRM_C_RG_FTC1) ?? null;
  return { ftc, istd: found.get(SPRM_C_ISTD) ?? null };
}

/** A structure's extent in the table stream, from its fc/lcb pair in the FIB; null when absent. */
function extent(fib: Buffer, table: Buffer, at: number, what: string): Buffer | null {
  if (fib.length < at + 8) return null;
  const fc = fib.readUInt32LE(at);
  const lcb = fib.readUInt32LE(at + 4);
  if (lcb === 0) return null;
  if (fc + lcb > table.length) throw new FontTableError(`the ${what} runs past the table stream`);
  return table.subarray(fc, fc + lcb);
}

/** SttbfFfn: the font names, indexed by the ftc numbers sprms and styles use. */
export function fontNames(fib: Buffer, table: Buffer): string[] {
  const sttb = extent(fib, table, FC_STTBF_FFN, "font table");
  if (sttb === null) return [];
  const c = new Cursor(sttb, 0, () => new FontTableError("the font table runs past its end"));
  const count = c.u16();
  c.skip(2); // cbExtra, 0 in an SttbfFfn
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const ffn = c.bytes(c.u8());
    if (ffn.length < FFN_NAME - 1) throw new FontTableError("a font record is shorter than its header");
    const name = ffn.toString("utf16le", FFN_NAME - 1, FFN_NAME - 1 + ((ffn.length - (FFN_NAME - 1)) & ~1));
    names.push(name.split("\0", 1)[0]!);
  }
  return names;
}

interface Style {
  base: number;
  ftc: number | null;
}

/** The style sheet (STSH): each style's base and font, and the default font for text no style gives one. */
class StyleSheet {
  private readonly styles = new Map<number, Style>();
  private readonly fonts = new Map<number, number | null>();
  readonly defaultFtc: number | null = null;

  constructor(fib: Buffer, table: Buffer) {
    const stsh = extent(fib, table, FC_STSHF, "style sheet");
    if (stsh === null) return;
    const broken = (): FontTableError => new FontTableError("the style sheet runs past its end");
    const head = new Cursor(stsh, 0, broken);
    const cbStshi = head.u16();
    const count = head.u16();
    const cbStdBase = head.u16();
    // An older, shorter stshi may end before ftcOther, or even before ftcAsci.
    const within = (at: number): boolean => at + 2 <= 2 + cbStshi;
    const defaultAt = within(STSHI_FTC_OTHER) ? STSHI_FTC_OTHER : within(STSHI_FTC_ASCII) ? STSHI_FTC_ASCII : null;
    if (defaultAt !== null) {
      head.at = defaultAt;
      this.defaultFtc = head.u16();
    }
    if (cbStdBase < STDF_BASE) throw new FontTableError("the style sheet's style records are shorter than their header");
    const c = new Cursor(stsh, 2 + cbStshi, broken);
    for (let istd = 0; istd < count; istd++) {
      const cbStd = c.u16();
      if (cbStd === 0) continue;
      const std = c.bytes(cbStd);
      this.styles.set(istd, readStyle(std, cbStdBase, broken));
    }
  }

  /**
   * A style's font, or the font of the style it is based on, and so on up. Remembered for every
   * style on the way: a damaged file may chain thousands of styles and ask for each run.
   */
  fontOf(istd: number): number | null {
    const path = new Set<number>();
    let found: number | null = null;
    for (let at = istd; at !== NIL_STYLE; ) {
      const known = this.fonts.get(at);
      if (known !== undefined) {
        found = known;
        break;
      }
      const style = this.styles.get(at);
      if (style === undefined || path.has(at)) break;
      path.add(at);
      if (style.ftc !== null) {
        found = style.ftc;
        break;
      }
      at = style.base;
    }
    for (const at of path) this.fonts.set(at, found);
    return found;
  }
}

/** One STD: StdfBase, the name (Xstz), then the UPXs; only paragraph and character styles carry a CHPX vanban reads. */
function readStyle(std: Buffer, cbStdBase: number, broken: () => FontTableError): Style {
  const c = new Cursor(std, 2, broken);
  const info2 = c.u16();
  const info3 = c.u16();
  const kind = info2 & 0x0f;
  const base = info2 >> 4;
  const upxCount = info3 & 0x0f;
  c.at = cbStdBase;
  c.skip((c.u16() + 1) * 2); // name and its terminating NUL
  const upxs: Buffer[] = [];
  for (let i = 0; i < upxCount; i++) {
    const size = c.u16();
    upxs.push(c.bytes(size));
    if (size % 2 === 1 && c.at < std.length) c.skip(1);
  }
  const chpx = kind === PARAGRAPH_STYLE ? upxs[1] : kind === CHARACTER_STYLE ? upxs[0] : undefined;
  return { base, ftc: chpx === undefined ? null : characterProperties(chpx).ftc };
}

/** A character run as the CHPX pages give it: its extent in the WordDocument stream and its own properties. */
interface CharacterRun extends CharacterProperties {
  fcStart: number;
  fcEnd: number;
}

/** The character runs of every CHPX FKP the bin table lists, in file order. */
function characterRuns(fib: Buffer, table: Buffer): CharacterRun[] {
  const plc = extent(fib, table, FC_PLCF_BTE_CHPX, "character property table");
  if (plc === null) return [];
  if (plc.length < 4 || (plc.length - 4) % 8 !== 0) throw new FontTableError("the character property table has a broken size");
  const pages = (plc.length - 4) / 8;
  const runs: CharacterRun[] = [];
  for (let i = 0; i < pages; i++) {
    // PnFkpChpx: the page number is the low 22 bits.
    const page = plc.readUInt32LE((pages + 1) * 4 + i * 4) & 0x3fffff;
    if ((page + 1) * FKP_SIZE > fib.length) throw new FontTableError("a character property page lies outside the document");
    const fkp = fib.subarray(page * FKP_SIZE, (page + 1) * FKP_SIZE);
    const count = fkp.readUInt8(FKP_SIZE - 1);
    if (count > MAX_CHPX_RUNS) throw new FontTableError("a character property page claims more runs than it can hold");
    for (let j = 0; j < count; j++) {
      const offset = fkp.readUInt8((count + 1) * 4 + j) * 2;
      let props: CharacterProperties = { ftc: null, istd: null };
      if (offset !== 0) {
        const cb = fkp.readUInt8(offset);
        if (offset + 1 + cb > FKP_SIZE - 1) throw new FontTableError("a character run's properties run past their page");
        props = characterProperties(fkp.subarray(offset + 1, offset + 1 + cb));
      }
      runs.push({ fcStart: fkp.readUInt32LE(j * 4), fcEnd: fkp.readUInt32LE((j + 1) * 4), ...props });
    }
  }
  return runs;
}

const fcEnd = (item: { fcEnd: number }): number => item.fcEnd;

/** A stretch of the WordDocument stream and the font number resolved for it. */
interface FcFont {
  fcStart: number;
  fcEnd: number;
  ftc: number;
}

/**
 * Each character run's font, resolved through its character style, the style of the paragraph
 * it lies in, and the default; a run that spans paragraphs of different styles is cut at them.
 */
function resolveFonts(runs: readonly CharacterRun[], paragraphs: readonly ParagraphStyle[], styles: StyleSheet): FcFont[] {
  const byStart = disjoint(paragraphs);
  const out: FcFont[] = [];
  const push = (fcStart: number, fcEnd: number, ftc: number | null): void => {
    if (ftc !== null && fcEnd > fcStart) out.push({ fcStart, fcEnd, ftc });
  };
  for (const run of disjoint(runs)) {
    const own = run.ftc ?? (run.istd === null ? null : styles.fontOf(run.istd));
    if (own !== null) {
      push(run.fcStart, run.fcEnd, own);
      continue;
    }
    let at = run.fcStart;
    for (let k = firstEndingAfter(byStart, fcEnd, at); k < byStart.length && at < run.fcEnd; k++) {
      const paragraph = byStart[k]!;
      if (paragraph.fcStart >= run.fcEnd) break;
      if (paragraph.fcStart > at) push(at, paragraph.fcStart, styles.defaultFtc);
      const end = Math.min(paragraph.fcEnd, run.fcEnd);
      push(Math.max(at, paragraph.fcStart), end, styles.fontOf(paragraph.istd) ?? styles.defaultFtc);
      at = Math.max(at, end);
    }
    push(at, run.fcEnd, styles.defaultFtc);
  }
  return out;
}

/**
 * Sorted by start, each cut to begin where the one before ended. Word writes runs and paragraphs
 * that never overlap; a damaged file that does would otherwise have every piece of text matched
 * against every run, and the binary searches below rely on the order.
 */
function disjoint<T extends { fcStart: number; fcEnd: number }>(items: readonly T[]): T[] {
  const out: T[] = [];
  let end = 0;
  for (const item of [...items].sort((a, b) => a.fcStart - b.fcStart)) {
    const fcStart = Math.max(item.fcStart, end);
    if (item.fcEnd <= fcStart) continue;
    out.push({ ...item, fcStart });
    end = item.fcEnd;
  }
  return out;
}

/**
 * The font of each stretch of text, in character positions, through the piece table: a piece
 * holds one stretch of the stream, 8-bit (compressed, one byte a character) or UTF-16.
 * Throws FontTableError when a structure is damaged; stretches whose font has no name are left out.
 */
export function fontRuns(fib: Buffer, table: Buffer, pieces: readonly Piece[], paragraphs: readonly ParagraphStyle[]): FontRun[] {
  const names = fontNames(fib, table);
  if (names.length === 0) return [];
  const fonts = resolveFonts(characterRuns(fib, table), paragraphs, new StyleSheet(fib, table));
  const out: FontRun[] = [];
  for (const piece of pieces) {
    for (let k = firstEndingAfter(fonts, fcEnd, piece.startFilePos); k < fonts.length; k++) {
      const run = fonts[k]!;
      if (run.fcStart >= piece.endFilePos) break;
      const name = names[run.ftc];
      if (name === undefined || name === "") continue;
      const cpStart = piece.startCp + Math.floor((Math.max(run.fcStart, piece.startFilePos) - piece.startFilePos) / piece.bpc);
      const cpEnd = piece.startCp + Math.ceil((Math.min(run.fcEnd, piece.endFilePos) - piece.startFilePos) / piece.bpc);
      if (cpEnd > cpStart) out.push({ cpStart, cpEnd, font: name });
    }
  }
  return out.sort((a, b) => a.cpStart - b.cpStart);
}
