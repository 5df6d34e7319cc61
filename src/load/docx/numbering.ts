import type { Styles } from "./styles.js";
import { child, childrenNamed, isOn, valOf, type XmlElement } from "./xml.js";

/**
 * Word's automatic numbering (`word/numbering.xml`), replayed paragraph by paragraph so that the
 * labels the reader saw (`I.`, `1.1.`, `a)`, `-`) are back in the text: mammoth and most text
 * extractors drop them, and the outline, task paths and section headings hang on them.
 */
export interface Level {
  start: number;
  /** Word's numFmt name: decimal, upperRoman, lowerLetter, bullet, none … */
  format: string;
  text: string;
  /** `w:lvlRestart`: restart after a level shallower than this (1-based) is used; 0 never; undefined after any shallower one. */
  restart: number | undefined;
  legal: boolean;
  style: string | undefined;
}

export interface AbstractNum {
  levels: Map<number, Level>;
  /** A list style standing in for the definition (`w:numStyleLink`), DOCX only. */
  styleLink: string | undefined;
}

export interface Num {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Level>;
}

const BULLET_DASH = /^[\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf02d\uf0a8\uf06c\uf06e\u2022\u00b7\u25cf\u25aa\u25a0\u25e6\u2013\u2014\u2212o§-]$/u;
const BULLET_PLUS = /^[+\uf02b]$/u;

function parseLevel(lvl: XmlElement): Level {
  const start = Number(valOf(lvl, "w:start") ?? "0");
  const restart = valOf(lvl, "w:lvlRestart");
  return {
    start: Number.isFinite(start) ? start : 0,
    format: valOf(lvl, "w:numFmt") ?? "decimal",
    text: valOf(lvl, "w:lvlText") ?? "",
    restart: restart === undefined ? undefined : Number(restart),
    legal: isOn(lvl, "w:isLgl") ?? false,
    style: valOf(lvl, "w:pStyle"),
  };
}

const levelIndex = (el: XmlElement): number => Number(el.attributes["w:ilvl"] ?? "0");

/** Lists as both Word formats define them: abstract definitions, and the lists that use them with overrides. */
export interface NumberingModel {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, Num>;
}

/** The model of `word/numbering.xml`. */
export function numberingFromXml(root: XmlElement | null): NumberingModel {
  const model: NumberingModel = { abstracts: new Map(), nums: new Map() };
  for (const abs of childrenNamed(root ?? undefined, "w:abstractNum")) {
    const levels = new Map<number, Level>();
    for (const lvl of childrenNamed(abs, "w:lvl")) levels.set(levelIndex(lvl), parseLevel(lvl));
    model.abstracts.set(abs.attributes["w:abstractNumId"] ?? "", { levels, styleLink: valOf(abs, "w:numStyleLink") });
  }
  for (const num of childrenNamed(root ?? undefined, "w:num")) {
    const startOverrides = new Map<number, number>();
    const levelOverrides = new Map<number, Level>();
    for (const o of childrenNamed(num, "w:lvlOverride")) {
      const start = valOf(o, "w:startOverride");
      if (start !== undefined) startOverrides.set(levelIndex(o), Number(start));
      const lvl = child(o, "w:lvl");
      if (lvl !== undefined) levelOverrides.set(levelIndex(lvl), parseLevel(lvl));
    }
    model.nums.set(num.attributes["w:numId"] ?? "", { abstractId: valOf(num, "w:abstractNumId") ?? "", startOverrides, levelOverrides });
  }
  return model;
}

export class Numbering {
  private readonly abstracts: ReadonlyMap<string, AbstractNum>;
  private readonly nums: ReadonlyMap<string, Num>;
  /** Counters per list: a num with start overrides counts on its own, others share their abstractNum's. */
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(
    model: NumberingModel,
    private readonly styles: Pick<Styles, "numbering"> | null = null,
  ) {
    this.abstracts = model.abstracts;
    this.nums = model.nums;
  }

  /** The abstract definition, following a numStyleLink (list styles) one hop. */
  private abstractOf(num: Num): { id: string; abs: AbstractNum } | null {
    const abs = this.abstracts.get(num.abstractId);
    if (abs === undefined) return null;
    if (abs.styleLink === undefined || abs.levels.size > 0 || this.styles === null) return { id: num.abstractId, abs };
    const linked = this.styles.numbering(abs.styleLink);
    const target = linked === null ? undefined : this.nums.get(linked.numId);
    const targetAbs = target === undefined ? undefined : this.abstracts.get(target.abstractId);
    return targetAbs === undefined || target === undefined ? null : { id: target.abstractId, abs: targetAbs };
  }

  /**
   * The label of the next paragraph in list `numId` at level `ilvl` (advancing the counters),
   * or null when the paragraph is not numbered. `ilvl` undefined: the level whose `w:pStyle` is
   * the paragraph's style, else 0.
   */
  next(numId: string, ilvl: number | undefined, paragraphStyle: string | undefined): string | null {
    if (numId === "0") return null;
    const num = this.nums.get(numId);
    if (num === undefined) return null;
    const found = this.abstractOf(num);
    if (found === null) return null;
    const level =
      ilvl ?? [...found.abs.levels].find(([, l]) => l.style !== undefined && l.style === paragraphStyle)?.[0] ?? 0;
    const definition = (i: number): Level | undefined => num.levelOverrides.get(i) ?? found.abs.levels.get(i);
    const startOf = (i: number): number => num.startOverrides.get(i) ?? definition(i)?.start ?? 0;
    const own = definition(level);
    if (own === undefined) return null;

    const key = num.startOverrides.size > 0 || num.levelOverrides.size > 0 ? `num:${numId}` : `abs:${found.id}`;
    let counters = this.counters.get(key);
    if (counters === undefined) {
      counters = [];
      this.counters.set(key, counters);
    }
    const current = counters[level];
    counters[level] = current === undefined ? startOf(level) : current + 1;
    for (let deeper = level + 1; deeper < 9; deeper++) {
      const restart = definition(deeper)?.restart;
      if (restart === undefined || (restart !== 0 && level < restart)) counters[deeper] = undefined;
    }

    if (own.format === "bullet") return bulletLabel(own.text);
    if (own.format === "none") return own.text.trim() === "" || own.text.includes("%") ? null : own.text.trim();
    const label = own.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const value = counters[i] ?? startOf(i);
      return formatNumber(value, own.legal && i < level ? "decimal" : (definition(i)?.format ?? "decimal"));
    });
    return label.trim() === "" ? null : label.trim();
  }
}

/** Symbol and Wingdings bullets, dashes and dots are written `-`; a plus stays `+`. */
export function bulletLabel(text: string): string {
  const c = text.trim();
  if (BULLET_PLUS.test(c)) return "+";
  if (c === "" || BULLET_DASH.test(c)) return "-";
  return c;
}

export function formatNumber(value: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return toRoman(value);
    case "lowerRoman":
      return toRoman(value).toLowerCase();
    case "upperLetter":
      return toLetters(value).toUpperCase();
    case "lowerLetter":
      return toLetters(value);
    case "decimalZero":
      return value < 10 ? `0${value}` : String(value);
    default:
      return String(value);
  }
}

function toRoman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: [number, string][] = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let rest = value;
  let out = "";
  for (const [n, s] of table) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

/** Word's letters: a … z, then aa … zz, then aaa. */
function toLetters(value: number): string {
  if (value <= 0) return String(value);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}
