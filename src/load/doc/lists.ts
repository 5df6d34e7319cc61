import type { Level, NumberingModel } from "../docx/numbering.js";
import { Cursor } from "./binary.js";

/**
 * The list tables of a Word 97–2003 file (MS-DOC PlfLst and PlfLfo in the table stream), as the
 * same model numbering.xml gives, so one replay of the counters serves both formats.
 * word-extractor reads none of this: without it every `I.`, `1.`, `a)` of an automatic list is lost.
 */

/** Offsets in the FIB of fcPlfLst/lcbPlfLst and fcPlfLfo/lcbPlfLfo (FibRgFcLcb97 entries 73 and 74). */
const FC_PLF_LST = 0x2e2;
const FC_PLF_LFO = 0x2ea;
const LSTF_SIZE = 28;
const LFO_SIZE = 16;

/** MS-DOC nfc → the numFmt names of WordprocessingML. */
const FORMATS: Record<number, string> = { 0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 22: "decimalZero", 23: "bullet", 255: "none" };

export class ListTableError extends Error {}

/** A cursor that fails as a damaged list table. */
const cursor = (table: Buffer, at: number): Cursor => new Cursor(table, at, () => new ListTableError("the list table runs past the table stream"));

/** One LVL: LVLF, grpprlPapx, grpprlChpx, then the number text with placeholders 0–8 for the levels. */
function readLevel(c: Cursor): Level {
  const start = c.i32();
  const nfc = c.u8();
  const flags = c.u8();
  c.skip(9 + 1 + 4 + 4); // rgbxchNums, ixchFollow, dxaIndentSav, unused
  const cbChpx = c.u8();
  const cbPapx = c.u8();
  const restartLimit = c.u8();
  c.skip(1); // grfhic
  c.skip(cbPapx + cbChpx);
  const text = [...c.utf16(c.u16())].map((ch) => (ch.charCodeAt(0) < 9 ? `%${ch.charCodeAt(0) + 1}` : ch)).join("");
  return {
    start,
    format: FORMATS[nfc] ?? "decimal",
    text,
    // fNoRestart: the level restarts only after levels up to ilvlRestartLim, as w:lvlRestart says.
    restart: flags & 0x08 ? restartLimit : undefined,
    legal: (flags & 0x04) !== 0,
    style: undefined,
  };
}

export function listsOfDoc(fib: Buffer, table: Buffer): NumberingModel {
  const model: NumberingModel = { abstracts: new Map(), nums: new Map() };
  if (fib.length < FC_PLF_LFO + 8) return model;
  const lstAt = fib.readUInt32LE(FC_PLF_LST);
  const lstSize = fib.readUInt32LE(FC_PLF_LST + 4);
  const lfoAt = fib.readUInt32LE(FC_PLF_LFO);
  const lfoSize = fib.readUInt32LE(FC_PLF_LFO + 4);
  if (lstSize === 0 || lfoSize === 0) return model;

  const lst = cursor(table, lstAt);
  const count = lst.i16();
  const lists: { lsid: number; simple: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const lsid = lst.i32();
    lst.skip(4 + 18); // tplc, rgistdPara
    const flags = lst.u8();
    lst.skip(1);
    lists.push({ lsid, simple: (flags & 0x01) !== 0 });
  }
  if (lst.at !== lstAt + 2 + count * LSTF_SIZE) throw new ListTableError("the list table's size does not add up");
  // The levels follow the PlfLst, list after list: one for a simple list, nine otherwise.
  const lvl = cursor(table, lstAt + lstSize);
  for (const { lsid, simple } of lists) {
    const levels = new Map<number, Level>();
    for (let i = 0; i < (simple ? 1 : 9); i++) levels.set(i, readLevel(lvl));
    model.abstracts.set(String(lsid), { levels, styleLink: undefined });
  }

  const lfo = cursor(table, lfoAt);
  const instances = lfo.i32();
  if (instances < 0 || instances * LFO_SIZE > lfoSize) throw new ListTableError("the list override table's size does not add up");
  const overrides: { lsid: number; levels: number }[] = [];
  for (let i = 0; i < instances; i++) {
    const lsid = lfo.i32();
    lfo.skip(8);
    const levels = lfo.u8();
    lfo.skip(3);
    overrides.push({ lsid, levels });
  }
  // Then one LFOData per LFO: a cp, and an LFOLVL (with an LVL when it reformats) per overridden level.
  overrides.forEach(({ lsid, levels }, i) => {
    const startOverrides = new Map<number, number>();
    const levelOverrides = new Map<number, Level>();
    lfo.skip(4);
    for (let k = 0; k < levels; k++) {
      const start = lfo.i32();
      const bits = lfo.i32();
      const level = bits & 0x0f;
      if (bits & 0x20) levelOverrides.set(level, readLevel(lfo));
      if (bits & 0x10) startOverrides.set(level, start);
    }
    model.nums.set(String(i + 1), { abstractId: String(lsid), startOverrides, levelOverrides });
  });
  return model;
}
