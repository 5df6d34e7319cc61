/**
 * Item labels of the outline: "I.", "II-", "1.", "1-", "1.1.", "2.1-", "(1).", "a)", "-", "+",
 * "Điều 1.", "Phần I". One parser shared by normalise (which must not join a labelled line to
 * the previous one) and segment (which builds the outline tree).
 */
export type LabelKind =
  | "part"
  | "roman"
  | "upper-letter"
  | "arabic"
  | "decimal"
  | "paren-number"
  | "letter"
  | "article"
  | "dash"
  | "plus";

export interface Label {
  kind: LabelKind;
  /** The label as written, trimmed: "III.", "2.1-", "a)". */
  raw: string;
  /** Length of the label and the spaces after it. */
  length: number;
}

const ROMAN = /^(?=[IVXL])(X{0,3})(IX|IV|V?I{0,3})$|^L$/;

interface Pattern {
  kind: LabelKind;
  re: RegExp;
  check?: (m: RegExpExecArray) => boolean;
}

const PATTERNS: readonly Pattern[] = [
  { kind: "article", re: /^(Điều|ĐIỀU)\s+\d{1,3}[a-z]?\s*[.:]?(?:\s+|$)/u },
  { kind: "part", re: /^(Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:[IVXL]{1,5}|\d{1,2})\b\s*[.:\-–]?(?:\s+|$)/u },
  {
    kind: "roman",
    re: /^([IVXL]{1,5})\s*[.\-–):]\s*(?=\S|$)/u,
    check: (m) => ROMAN.test(m[1]!),
  },
  { kind: "upper-letter", re: /^([A-HJ-UWYZĐ])\s*[.)]\s+(?=\p{Lu})/u },
  { kind: "decimal", re: /^\d{1,2}(?:\.\d{1,2}){1,3}\s*[.\-–)]?\s*(?=\p{L}|\()/u },
  { kind: "paren-number", re: /^\(\d{1,2}\)\s*[.:]?\s*(?=\S)/u },
  { kind: "arabic", re: /^\d{1,2}\s*[.)\-–]\s*(?=\p{L}|\()/u },
  { kind: "arabic", re: /^\d{1,2}\/\s+(?=\p{L})/u },
  { kind: "letter", re: /^[a-zđ]\s*[)/]\s*(?=\S)/u },
  { kind: "letter", re: /^[a-zđ]\.\s+(?=\p{L})/u },
  { kind: "dash", re: /^[-–—•·●▪◦‣⁃]\s*(?=\S)/u },
  { kind: "plus", re: /^\+\s*(?=\S)/u },
];

/** Most lines start with a word: one test rules them out before the list of patterns. */
const MAY_BE_LABEL = /^(?:[\d(\-–—•·●▪◦‣⁃+]|\p{L}{1,5}\s*[.)\-–:/]|Điều|ĐIỀU|Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)/u;

/**
 * The patterns that can match a line starting with a given character, in PATTERNS' order: each
 * starts with ^ and a literal character or class, so the first character rules most out. A
 * dash item ("- ...", the commonest label) tried ten expressions before its own.
 */
const FIRST_CHARACTERS: ReadonlyArray<[LabelKind, string]> = [
  ["article", "Đ"],
  ["part", "PCM"],
  ["roman", "IVXL"],
  ["upper-letter", "ABCDEFGHJKLMNOPQRSTUWYZĐ"],
  ["decimal", "0123456789"],
  ["paren-number", "("],
  ["arabic", "0123456789"],
  ["letter", "abcdefghijklmnopqrstuvwxyzđ"],
  ["dash", "-–—•·●▪◦‣⁃"],
  ["plus", "+"],
];
const PATTERNS_BY_FIRST = new Map<string, Pattern[]>();
for (const pattern of PATTERNS) {
  for (const [kind, firsts] of FIRST_CHARACTERS) {
    if (kind !== pattern.kind) continue;
    for (const c of firsts) {
      const list = PATTERNS_BY_FIRST.get(c) ?? [];
      if (!list.includes(pattern)) list.push(pattern);
      PATTERNS_BY_FIRST.set(c, list);
    }
  }
}

export function parseLabel(line: string): Label | null {
  return labelByPatterns(line, PATTERNS_BY_FIRST.get(line.charAt(0)) ?? []);
}

/** The definition: every pattern in order. For the test that holds parseLabel to it. */
export function parseLabelTryingAll(line: string): Label | null {
  return labelByPatterns(line, PATTERNS);
}

function labelByPatterns(line: string, patterns: readonly Pattern[]): Label | null {
  if (!MAY_BE_LABEL.test(line)) return null;
  for (const { kind, re, check } of patterns) {
    const m = re.exec(line);
    if (m && (!check || check(m))) {
      return { kind, raw: m[0].trim(), length: m[0].length };
    }
  }
  return null;
}
