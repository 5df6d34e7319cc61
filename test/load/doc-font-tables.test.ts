import { describe, expect, it } from "vitest";
import { FontTableError, fontNames, fontRuns, type ParagraphStyle } from "../../src/load/doc/fonts.js";

/**
 * fontRuns on a hand-built FIB, table stream and CHPX page, laid out as MS-DOC describes them:
 * each way a run gets its font (its own sprm, its character style, its paragraph's style, the
 * style sheet default), 8-bit and UTF-16 pieces, and damaged structures.
 */
const FONTS = ["Times New Roman", ".VnTime", ".VnTimeH", "VNI-Times"];
const u16 = (...values: number[]): Buffer => Buffer.from(new Uint16Array(values).buffer);
const u32 = (...values: number[]): Buffer => Buffer.from(new Uint32Array(values).buffer);

/** SttbfFfn: cData, cbExtra, then per font its size byte and an FFN whose name starts at byte 40. */
function sttbfFfn(names: readonly string[]): Buffer {
  const ffns = names.map((name) => {
    const body = Buffer.concat([Buffer.alloc(39), Buffer.from(`${name}\0`, "utf16le")]);
    return Buffer.concat([Buffer.from([body.length]), body]);
  });
  return Buffer.concat([u16(names.length, 0), ...ffns]);
}

/** An STD: StdfBase (stk and istdBase in its second word, cupx in its third), a name, then the UPXs. */
function std(kind: number, base: number, upxs: Buffer[]): Buffer {
  const parts = [u16(0, kind | (base << 4), upxs.length, 0, 0), u16(1, 0x41, 0)];
  for (const upx of upxs) parts.push(u16(upx.length), upx, Buffer.alloc(upx.length % 2));
  const body = Buffer.concat(parts);
  return Buffer.concat([u16(body.length), body]);
}

/** STSH: cbStshi 18 with the default fonts last, then the styles: 1 a paragraph style in VNI-Times, 2 a character style in .VnTimeH. */
function stsh(defaultFtc: number, styles: Buffer[]): Buffer {
  return Buffer.concat([u16(18, styles.length, 10, 0, 0, 0, 0, defaultFtc, 0, defaultFtc), ...styles]);
}
const STYLES = [
  u16(0), // Normal, empty
  std(1, 0x0fff, [u16(1), Buffer.concat([u16(0x4a4f), u16(3)])]),
  std(2, 0x0fff, [Buffer.concat([u16(0x4a51), u16(2)])]),
];

/** A CHPX FKP: rgfc, one offset byte per run (in words; 0 for none), the CHPXs, crun last. */
function chpxPage(fcs: number[], grpprls: (Buffer | null)[]): Buffer {
  const page = Buffer.alloc(512);
  u32(...fcs).copy(page, 0);
  let at = 511;
  grpprls.forEach((grpprl, j) => {
    if (grpprl === null) return;
    at = (at - 1 - grpprl.length) & ~1;
    page[at] = grpprl.length;
    grpprl.copy(page, at + 1);
    page[fcs.length * 4 + j] = at / 2;
  });
  page[511] = grpprls.length;
  return page;
}

const TEXT_FC = 600;
/** Runs: [600,604) its own .VnTime, [604,610) character style 2, [610,620) nothing of its own. */
const RUNS = chpxPage([600, 604, 610, 620], [Buffer.concat([u16(0x4a4f), u16(1)]), Buffer.concat([u16(0x4a30), u16(2)]), null]);
/** Paragraphs: [600,614) in style 1, [614,620) in Normal, which names no font. */
const PARAGRAPHS: ParagraphStyle[] = [
  { fcStart: 600, fcEnd: 614, istd: 1 },
  { fcStart: 614, fcEnd: 620, istd: 0 },
];

interface Built {
  fib: Buffer;
  table: Buffer;
}

/** WordDocument: the FIB's pointers, the text at 600, the CHPX page as page 2; the table stream: font table, style sheet, bin table. */
function build(options: { names?: Buffer; styles?: Buffer; page?: Buffer; pn?: number } = {}): Built {
  const names = options.names ?? sttbfFfn(FONTS);
  const styles = options.styles ?? stsh(0, STYLES);
  const bin = Buffer.concat([u32(600, 620), u32(options.pn ?? 2)]);
  const table = Buffer.concat([names, styles, bin]);
  const fib = Buffer.alloc(3 * 512);
  fib.writeUInt32LE(names.length, 0xa2);
  fib.writeUInt32LE(styles.length, 0xa6);
  fib.writeUInt32LE(names.length + styles.length, 0xfa);
  fib.writeUInt32LE(bin.length, 0xfe);
  fib.writeUInt32LE(0, 0x112);
  fib.writeUInt32LE(names.length, 0x116);
  (options.page ?? RUNS).copy(fib, 1024);
  return { fib, table };
}

const piece = (startCp: number, startFilePos: number, endFilePos: number, bpc: number) => ({ startCp, startFilePos, endFilePos, bpc, text: "" });

describe("fontRuns", () => {
  it.each([
    [
      "8-bit text: one byte a character",
      [piece(0, TEXT_FC, 620, 1)],
      [[0, 4, ".VnTime"], [4, 10, ".VnTimeH"], [10, 14, "VNI-Times"], [14, 20, "Times New Roman"]],
    ],
    [
      "UTF-16 text: two bytes a character",
      [piece(0, TEXT_FC, 620, 2)],
      [[0, 2, ".VnTime"], [2, 5, ".VnTimeH"], [5, 7, "VNI-Times"], [7, 10, "Times New Roman"]],
    ],
    [
      "pieces out of file order: character positions follow the pieces",
      [piece(0, 610, 620, 1), piece(10, TEXT_FC, 610, 1)],
      [[0, 4, "VNI-Times"], [4, 10, "Times New Roman"], [10, 14, ".VnTime"], [14, 20, ".VnTimeH"]],
    ],
  ])("%s", (_name, pieces, expected) => {
    const { fib, table } = build();
    expect(fontRuns(fib, table, pieces, PARAGRAPHS).map((r) => [r.cpStart, r.cpEnd, r.font])).toEqual(expected);
  });

  it("reads the font names of SttbfFfn", () => {
    const { fib, table } = build();
    expect(fontNames(fib, table)).toEqual(FONTS);
  });

  it("gives no runs when the document has no font table, so the loader tells the encoding by the letters", () => {
    const { fib, table } = build();
    fib.writeUInt32LE(0, 0x116);
    expect(fontRuns(fib, table, [piece(0, TEXT_FC, 620, 1)], PARAGRAPHS)).toEqual([]);
  });

  it("ends on styles based on each other in a circle, the default font standing in", () => {
    const circle = stsh(0, [u16(0), std(1, 2, [u16(1), Buffer.alloc(0)]), std(1, 1, [u16(1), Buffer.alloc(0)])]);
    const { fib, table } = build({ styles: circle });
    expect(fontRuns(fib, table, [piece(0, TEXT_FC, 620, 1)], PARAGRAPHS).map((r) => r.font)).toEqual([".VnTime", "Times New Roman", "Times New Roman", "Times New Roman"]);
  });

  it.each([
    ["a font record longer than the font table", { names: Buffer.concat([u16(1, 0), Buffer.from([200]), Buffer.alloc(20)]) }, "font table runs past its end"],
    ["a font record shorter than its header", { names: Buffer.concat([u16(1, 0), Buffer.from([4]), Buffer.alloc(4)]) }, "shorter than its header"],
    ["a style record running past the style sheet", { styles: Buffer.concat([u16(18, 1, 10, 0, 0, 0, 0, 0, 0, 0), u16(500)]) }, "style sheet runs past its end"],
    ["style records shorter than StdfBase", { styles: Buffer.concat([u16(18, 0, 4, 0, 0, 0, 0, 0, 0, 0)]) }, "shorter than their header"],
    ["a character property page beyond the document", { pn: 9 }, "outside the document"],
    ["a page claiming 200 runs", { page: Buffer.concat([Buffer.alloc(511), Buffer.from([200])]) }, "more runs than it can hold"],
    ["a run whose properties run past the page", { page: chpxPage([600, 620], [Buffer.alloc(0)]).fill(0xff, 8, 9).fill(0xff, 510, 511) }, "past their page"],
  ])("refuses %s with a FontTableError", (_name, options, message) => {
    const { fib, table } = build(options);
    expect(() => fontRuns(fib, table, [piece(0, TEXT_FC, 620, 1)], PARAGRAPHS)).toThrow(FontTableError);
    expect(() => fontRuns(fib, table, [piece(0, TEXT_FC, 620, 1)], PARAGRAPHS)).toThrow(message);
  });
});
