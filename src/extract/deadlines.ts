import type { Deadline, Span } from "../schema/document.js";
import { DATE_SOURCE, findDates, isoMonth } from "../text/dates.js";
import { extracted, span, type Extracted, type ExtractContext } from "./context.js";
import { matchesOf } from "../text/matches.js";

/**
 * Time limits on work: "từ 26/5/2022 đến 16/6/2022", "trước ngày 31 tháng 3 năm 2017",
 * "hoàn thành trong tháng 4/2023", "tháng 9 - 10/2022", "trong quý I/2025". Not deadlines: dates
 * of cited documents, years of targets ("đạt 99,8% vào năm 2025"), periods ("giai đoạn 2021-2030").
 */

const MONTH_YEAR = String.raw`tháng\s*(?<m1>\d{1,2})(?:\s*(?:-|–|đến|và)\s*(?:tháng\s*)?(?<m2>\d{1,2}))?\s*(?:/|năm)\s*(?<y>\d{4})`;
const QUARTER = String.raw`quý\s*(?<q>IV|III|II|I|[1-4])\s*(?:/|năm)\s*(?<qy>\d{4})`;

/** A group of words a rule needs, tested at most once per text however many rules need it. */
interface Gate {
  words: RegExp;
  /** This gate's place in a text's answers. */
  slot: number;
}
const GATES = new Map<string, Gate>();

/**
 * One alternation per group of words: a line is scanned once, not once per word. Case-folded
 * like the rules themselves (/iu), so a rule can only match where its words do. Rules that need
 * the same words share the gate: three need "tháng", and each tested the line for it again.
 */
function anyOf(...words: string[]): Gate {
  const source = words.join("|");
  let gate = GATES.get(source);
  if (!gate) {
    gate = { words: new RegExp(source, "iu"), slot: GATES.size };
    GATES.set(source, gate);
  }
  return gate;
}

interface Rule {
  re: RegExp;
  /**
   * Words the expression cannot match without: one of each group must occur in the text. A
   * cheap look before running the expression.
   */
  needs: readonly Gate[];
  read: (m: RegExpExecArray) => { start: string | null; end: string | null } | null;
  /** A match that the text around it shows is no time limit. */
  refuse?: (m: RegExpExecArray, text: string) => boolean;
}

/**
 * "Đến ngày 31/10/2024, toàn huyện đã gieo trồng được 2.150 ha": a sentence opening with the date
 * it reports progress to, its verb in the past (đã) before any word of obligation, states where
 * things stand, not a limit.
 */
function reportsProgress(m: RegExpExecArray, text: string): boolean {
  const lead = text.slice(Math.max(0, text.lastIndexOf(".", m.index) + 1), m.index).trim();
  // At the sentence's start, after a list marker ("-", "+", "a)", "1.") or "Tính"/"Cho" at most.
  if (!/^(?:[-+•]|[a-zđ]\)|\d{1,2}[.)])?\s*(?:tính|cho)?$/iu.test(lead)) return false;
  const rest = /^[^.;]*/u.exec(text.slice(m.index + m[0].length))![0];
  // Any word of obligation in the clause makes it a limit ("các đơn vị đã được giao ... phải hoàn thành").
  return /(?<![\p{L}])đã(?![\p{L}])/u.test(rest) && !/(?<![\p{L}])(?:phải|cần|hoàn thành|hoàn tất|xong)(?![\p{L}])/u.test(rest);
}

/** Renames the groups of DATE_SOURCE so that one pattern can hold two dates. */
const dateGroup = (suffix: string): string => DATE_SOURCE.replace(/\?<(\w+)>/g, `?<$1${suffix}>`);

function isoOf(text: string): string | null {
  return findDates(text)[0]?.iso ?? null;
}

const QUARTERS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

const RULES: readonly Rule[] = [
  {
    // từ (ngày) D1 đến (ngày) D2
    needs: [anyOf("từ")],
    re: new RegExp(String.raw`từ\s+(?:ngày\s+)?(?<a>${dateGroup("A")})\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s+)?(?<b>${dateGroup("B")})`, "giu"),
    read: (m) => ({ start: isoOf(m.groups!["a"]!), end: isoOf(m.groups!["b"]!) }),
  },
  {
    // từ tháng M1/Y đến tháng M2/Y
    needs: [anyOf("từ"), anyOf("tháng")],
    re: /từ\s+tháng\s*(?<m1>\d{1,2})\s*(?:\/|năm)\s*(?<y1>\d{4})\s*(?:đến|tới|-|–)\s*(?:hết\s+)?tháng\s*(?<m2>\d{1,2})\s*(?:\/|năm)\s*(?<y2>\d{4})/giu,
    read: (m) => ({ start: isoMonth(Number(m.groups!["m1"]), Number(m.groups!["y1"])), end: isoMonth(Number(m.groups!["m2"]), Number(m.groups!["y2"])) }),
  },
  {
    // trước / chậm nhất / hạn chót ... (ngày) D
    needs: [anyOf("trước", "truớc", "trưoc", "truoc", "chậm nhất", "hạn chót", "không quá", "muộn nhất", "hạn cuối")],
    re: new RegExp(String.raw`(?:tr[ưu][ớo]c|chậm nhất(?:\s+(?:là|vào))?|hạn chót(?:\s+là)?|không quá|muộn nhất(?:\s+là)?|hạn cuối(?:\s+là)?)\s*(?:ngày\s+)?(?<a>${dateGroup("A")})`, "giu"),
    read: (m) => ({ start: null, end: isoOf(m.groups!["a"]!) }),
  },
  {
    // (chi) đến hết ngày D: the end of a period of work
    needs: [anyOf("đến", "tới"), anyOf("ngày")],
    re: new RegExp(String.raw`(?:đến|tới)\s+(?:hết\s+)?ngày\s+(?<a>${dateGroup("A")})`, "giu"),
    read: (m) => ({ start: null, end: isoOf(m.groups!["a"]!) }),
    refuse: reportsProgress,
  },
  {
    // trước tháng M/Y
    needs: [anyOf("tháng")],
    re: new RegExp(String.raw`(?:trước|chậm nhất(?:\s+là)?|không quá)\s+${MONTH_YEAR}`, "giu"),
    read: (m) => (m.groups!["m2"] ? null : { start: null, end: isoMonth(Number(m.groups!["m1"]), Number(m.groups!["y"])) }),
  },
  {
    // (hoàn thành) trong / vào tháng M/Y, (dự kiến) tháng M1 - M2/Y
    needs: [anyOf("tháng")],
    re: new RegExp(String.raw`(?:(?:hoàn thành|thực hiện|tổ chức|triển khai)\s+)?(?:trong|vào|dự kiến|thời gian:?)\s+(?:trong\s+)?${MONTH_YEAR}`, "giu"),
    read: (m) => {
      const y = Number(m.groups!["y"]);
      const start = isoMonth(Number(m.groups!["m1"]), y);
      const end = m.groups!["m2"] ? isoMonth(Number(m.groups!["m2"]), y) : start;
      return { start, end };
    },
  },
  {
    // "vào tháng 10/2024 và tháng 01/2025": each month after the first of such a list is a time too.
    needs: [anyOf("tháng")],
    re: new RegExp(String.raw`(?<=(?:trong|vào|dự kiến)\s+tháng\s*\d{1,2}\s*(?:/|năm)\s*\d{4}(?:\s*(?:,|và)\s*tháng\s*\d{1,2}\s*(?:/|năm)\s*\d{4})*\s*(?:,|và)\s*)tháng\s*(?<m1>\d{1,2})\s*(?:/|năm)\s*(?<y>\d{4})`, "giu"),
    read: (m) => {
      const month = isoMonth(Number(m.groups!["m1"]), Number(m.groups!["y"]));
      return { start: month, end: month };
    },
  },
  {
    // (trong) quý I/2025
    needs: [anyOf("quý")],
    re: new RegExp(String.raw`(?:(?:hoàn thành|thực hiện)\s+)?(?:trong|vào|trước)\s+${QUARTER}`, "giu"),
    read: (m) => {
      const q = QUARTERS[m.groups!["q"]!]!;
      const y = Number(m.groups!["qy"]);
      const before = /^(?:\S+\s+)?trước/iu.test(m[0]);
      return { start: before ? null : isoMonth(q * 3 - 2, y), end: isoMonth(q * 3, y) };
    },
  },
];

export interface FoundDeadline {
  start: string | null;
  end: string | null;
  raw: string;
  index: number;
  end_: number;
}

/** Every time limit in a piece of text, earliest first, overlaps resolved in favour of the first rule. */
/** Every time limit names a month, a day or a quarter, with digits. */
const MAY_HOLD_DEADLINE = /\d[\s\S]*?(?:\d\/\d|tháng|quý|năm)|(?:tháng|quý|ngày)[\s\S]*?\d/iu;

const HAS_DIGIT = /\d/;

/**
 * The first words every rule needs, in one alternation: most lines with digits hold none of them
 * (a count or a year), and one scan then rules out every rule, where each group was scanned for.
 */
const ANY_RULE_WORDS = RULES.every((rule) => rule.needs.length > 0)
  ? new RegExp([...new Set(RULES.map((rule) => rule.needs[0]!.words.source))].join("|"), "iu")
  : /(?:)/;

export function findDeadlines(text: string): FoundDeadline[] {
  // Every rule reads digits: most headings and many items have none.
  if (!HAS_DIGIT.test(text) || !ANY_RULE_WORDS.test(text)) return [];
  const answers: Array<boolean | undefined> = [];
  const holds = (gate: Gate): boolean => (answers[gate.slot] ??= gate.words.test(text));
  const rules = RULES.filter((rule) => rule.needs.every(holds));
  if (rules.length === 0 || !MAY_HOLD_DEADLINE.test(text)) return [];
  const found: FoundDeadline[] = [];
  for (const rule of rules) {
    for (const m of matchesOf(rule.re, text)) {
      const value = rule.read(m);
      if (!value || (value.start === null && value.end === null) || rule.refuse?.(m, text)) continue;
      const index = m.index;
      const stop = index + m[0].length;
      if (found.some((f) => index < f.end_ && stop > f.index)) continue;
      found.push({ ...value, raw: m[0], index, end_: stop });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Deadlines of the body, once each; `exclude` are spans of cited documents (their dates are not limits). */
export function extractDeadlines({ seg }: ExtractContext, exclude: readonly Span[]): Extracted<Deadline[]> {
  const out: Deadline[] = [];
  const seen = new Set<string>();
  for (const item of seg.outline) {
    for (const d of findDeadlines(item.line.text)) {
      const at = span(item.line.start + d.index, item.line.start + d.end_);
      if (exclude.some((x) => at.start < x.end && at.end > x.start)) continue;
      const key = `${d.start ?? ""}..${d.end ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ start: d.start, end: d.end, raw: d.raw, span: at });
    }
  }
  return extracted(out);
}
