import { canon } from "../text/fold.js";
import { isAbbreviation } from "../text/casing.js";
import { charClass, isSurrogate } from "../text/chars.js";
import { DocumentMemo, forgetDocument, perDocument, RecentMemo } from "../text/memo.js";
import { LOCALITY_WORDS, NOT_UNITS, UNIT_DETERMINERS, UNIT_HEADS } from "../vocabulary/names.js";
import { NAME_CONTINUING_PHRASES, NAME_ENDING_WORDS } from "../vocabulary/verbs.js";
import { DOCUMENT_TYPES } from "../vocabulary/document-types.js";

/** A unit name read from running text; offsets are relative to the string it was read from. */
export interface UnitMatch {
  name: string;
  /** An abbreviation the text gives in parentheses: "Bộ Giáo dục và Đào tạo (GDĐT)". */
  shortName: string | null;
  start: number;
  end: number;
}

/**
 * A word or mark of a sentence. Its key (canon) is worked out on first use: a subject is read
 * from a sentence's first few tokens, and canon of the rest was a large share of tokenising.
 */
class Token {
  private word: string | undefined;
  private canonKey: string | undefined;
  private abbreviationAnswer: boolean | undefined;

  constructor(
    /** The text the token was read from: its own text is sliced on first use, like its key. */
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    /** Starts with an upper-case letter. */
    readonly capital: boolean,
    /** ASCII without capitals, which canon leaves as it is ("2021", "ubnd", "-"). */
    private readonly plain: boolean,
  ) {}

  get text(): string {
    return (this.word ??= this.source.slice(this.start, this.end));
  }

  get key(): string {
    return (this.canonKey ??= this.plain ? this.text : canon(this.text));
  }

  /** isAbbreviation(text), asked of the same token again and again while a name is read. */
  get abbreviation(): boolean {
    return (this.abbreviationAnswer ??= isAbbreviation(this.text));
  }

  private buckets: Buckets | null = null;
  private bucketsAsOf = -1;

  /** The phrases of `index` that start with this token's word, longest first; undefined if none. */
  bucketIn(index: PhraseIndex): Bucket | undefined {
    if (this.bucketsAsOf !== indexesBuilt) {
      this.buckets = BUCKETS_BY_FIRST_WORD.get(this.key) ?? null;
      this.bucketsAsOf = indexesBuilt;
    }
    return this.buckets?.[index.slot];
  }
}

/** Forgets the previous document's sentences: memos are per document, never across documents. */
export function startDocument(): void {
  forgetDocument();
}

/** The definition of a token; `scanTokens` finds the same tokens without a regular expression. */
export const TOKEN = /\([^()]{1,20}\)|[\p{L}\p{N}&][\p{L}\p{N}&\-/]*|[,;:.()+–-]/gu;

function tokensOf(text: string): Token[] {
  const scanned = scanTokens(text);
  if (scanned) return scanned;
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) tokens.push(new Token(text, m.index, m.index + m[0].length, /^\p{Lu}/u.test(m[0]), false));
  return tokens;
}

const TOKENS = perDocument(new RecentMemo<Token[]>(4, tokensOf));

const tokenize = (text: string): Token[] => TOKENS.get(text);

const isPlainAscii = (code: number): boolean => code < 0x80 && !(code >= 0x41 && code <= 0x5a);

const isLetterOrDigit = charClass(/[\p{L}\p{N}]/u);
const isUpperLetter = charClass(/\p{Lu}/u);
/** What a word goes on with: one table read per character, where four tests were. */
const continuesWord = charClass(/[\p{L}\p{N}&\-/]/u);
/** A table, like the letter classes: a Set of codes, asked for every space and mark, cost a hash lookup each. */
const isPunctuationToken = charClass(/[),;:.+–-]/u);
const OPEN = 0x28;
const CLOSE = 0x29;
const AMPERSAND = 0x26;
const MAX_PAREN_INNER = 20;

/**
 * TOKEN's matches, read character by character: tokenising was the largest cost of reading units.
 * Null for a text with a surrogate pair, whose code points TOKEN counts differently.
 */
export function scanTokens(text: string): Token[] | null {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSurrogate(c)) return null;
    if (c === OPEN) {
      // "(GDĐT)": one token when 1-20 characters, none of them parentheses, stand before ")".
      let j = i + 1;
      while (j < n && j - i - 1 <= MAX_PAREN_INNER) {
        const d = text.charCodeAt(j);
        if (isSurrogate(d)) return null;
        if (d === OPEN || d === CLOSE) break;
        j++;
      }
      const inner = j - i - 1;
      const whole = inner >= 1 && inner <= MAX_PAREN_INNER && j < n && text.charCodeAt(j) === CLOSE;
      const end = whole ? j + 1 : i + 1;
      tokens.push(new Token(text, i, end, false, false));
      i = end;
      continue;
    }
    if (c === AMPERSAND || isLetterOrDigit(c)) {
      let plain = isPlainAscii(c);
      let j = i + 1;
      // A surrogate ends the word (no class holds one), and the loop below then gives up on the text.
      while (j < n) {
        const d = text.charCodeAt(j);
        if (!continuesWord(d)) break;
        plain &&= isPlainAscii(d);
        j++;
      }
      tokens.push(new Token(text, i, j, isUpperLetter(c), plain));
      i = j;
      continue;
    }
    if (isPunctuationToken(c)) tokens.push(new Token(text, i, i + 1, false, isPlainAscii(c)));
    i++;
  }
  return tokens;
}

const split = (phrase: string): string[] => canon(phrase).split(" ");

/** The phrases of one list that start with one word, as words, longest first. */
type Bucket = ReadonlyArray<readonly string[]>;
/** Phrases indexed by their first word: a lookup per token, not a scan of the list. */
interface PhraseIndex {
  /** This list's place in the arrays of BUCKETS_BY_FIRST_WORD. */
  readonly slot: number;
  readonly firstWords: ReadonlySet<string>;
}

/**
 * Every list's bucket for a word, in one map: a token looks its word up once and reads each
 * list's bucket from the array. A map per list was looked up for every list at every token tried
 * while a name was read, hashing the word each time.
 */
type Buckets = Array<Bucket | undefined>;
const BUCKETS_BY_FIRST_WORD = new Map<string, Buckets>();
/** A token that found no buckets for its word asks again once a list built later (a new cue list) may hold it. */
let indexesBuilt = 0;

/** Built once per list: looking the index up per call (a WeakMap by list) cost as much as the match. */
function phraseIndex(phrases: readonly string[]): PhraseIndex {
  const map = new Map<string, Array<readonly string[]>>();
  for (const words of phrases.map(split)) {
    const bucket = map.get(words[0]!) ?? [];
    bucket.push(words);
    map.set(words[0]!, bucket);
  }
  const slot = indexesBuilt++;
  for (const [word, bucket] of map) {
    bucket.sort((a, b) => b.length - a.length);
    const buckets = BUCKETS_BY_FIRST_WORD.get(word) ?? [];
    buckets[slot] = bucket;
    BUCKETS_BY_FIRST_WORD.set(word, buckets);
  }
  return { slot, firstWords: new Set(map.keys()) };
}

const HEADS = phraseIndex(UNIT_HEADS);
const DETERMINERS = phraseIndex(UNIT_DETERMINERS);
const ENDINGS = phraseIndex(NAME_ENDING_WORDS);
const CONTINUING = phraseIndex(NAME_CONTINUING_PHRASES);
const TYPE_NAMES = phraseIndex(DOCUMENT_TYPES.map((t) => t.name));
const NOT_UNIT = phraseIndex(NOT_UNITS);
const POSITIONS = phraseIndex(["trưởng", "giám đốc", "phó giám đốc", "chủ tịch", "phó chủ tịch", "chánh", "thủ trưởng", "bộ trưởng", "thứ trưởng", "cục trưởng", "vụ trưởng", "hiệu trưởng", "trưởng ban", "trưởng phòng", "người đứng đầu", "lãnh đạo"]);
const LOCALITY = phraseIndex(LOCALITY_WORDS);

/** The words of a phrase from its bucket stand at `at`: the first is the bucket's, so it is not compared again. */
function restMatchesAt(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  if (at + words.length > tokens.length) return false;
  for (let k = 1; k < words.length; k++) if (tokens[at + k]!.key !== words[k]) return false;
  return true;
}

function longestAt(tokens: readonly Token[], at: number, index: PhraseIndex): number {
  const token = tokens[at];
  if (!token) return 0;
  const bucket = token.bucketIn(index);
  if (!bucket) return 0;
  for (const words of bucket) if (restMatchesAt(tokens, at, words)) return words.length;
  return 0;
}

const isCapitalised = (t: Token): boolean => t.capital;

/** Length in tokens of a unit head at `at` (after determiners), or 0. */
function headLength(tokens: readonly Token[], at: number): { determiners: number; head: number } {
  let i = at;
  let n = 0;
  while ((n = longestAt(tokens, i, DETERMINERS)) > 0) i += n;
  const head = longestAt(tokens, i, HEADS);
  // "Tổ chức", "Ban hành", "Báo cáo", "Hội nghị": a verb or a thing that merely starts like a unit.
  if (head > 0 && (longestAt(tokens, i, NOT_UNIT) > 0 || longestAt(tokens, i, ENDINGS) > head)) return { determiners: 0, head: 0 };
  if (head > 0) return { determiners: i - at, head };
  // An abbreviation standing for a body: UBND, HĐND, "Sở GDĐT" handled by heads; "BCS Đảng".
  const t = tokens[i];
  if (t && t.abbreviation && /^(UB|HĐ|BCH|BTV|BCS|MTTQ|CA|BQL)/u.test(t.text)) return { determiners: i - at, head: 1 };
  return { determiners: 0, head: 0 };
}

/**
 * What may follow a comma inside one unit's name: a bare lower-case head or place level of a
 * plural list ("các huyện ủy, thị ủy, thành ủy", "các huyện, thị xã, thành phố"), or the next
 * capitalised part of a compound name ("Sở Văn hóa, Thể thao và Du lịch"). A new unit ("Sở Y tế",
 * "các Ban ...", "sở Tài chính") or a document type ends it.
 */
function continuesAfterComma(tokens: readonly Token[], at: number, from: number): boolean {
  const t = tokens[at]!;
  if (!isCapitalised(t) && longestAt(tokens, at, LOCALITY) > 0) return true;
  // "các trường mầm non, tiểu học, THCS": a plural list of kinds goes on until a verb.
  const plural = longestAt(tokens, from, DETERMINERS) > 0;
  if (plural && !isCapitalised(t) && headLength(tokens, at).head === 0 && !longestAt(tokens, at, ENDINGS)) return true;
  if (plural && t.abbreviation && headLength(tokens, at).head === 0) return true;
  const { determiners, head } = headLength(tokens, at);
  if (head > 0) {
    if (determiners > 0 || isCapitalised(t)) return false;
    const next = tokens[at + head];
    return !next || !isCapitalised(next);
  }
  if (!isCapitalised(t) || longestAt(tokens, at, TYPE_NAMES) || longestAt(tokens, at, ENDINGS)) return false;
  // A capitalised part must lead on to "và" or "-" within a few words ("Văn hóa, Thể thao và Du
  // lịch"), and only while the name has no "và" of its own ("... và Xã hội, Giáo dục và Đào tạo").
  for (let k = from; k < at; k++) if (tokens[k]!.key === "và") return false;
  for (let k = at + 1; k < Math.min(tokens.length, at + 5); k++) {
    if (["và", "-", "–"].includes(tokens[k]!.key)) return true;
    if (/^[,;:.()]$/.test(tokens[k]!.text)) return false;
  }
  return false;
}

/** Two capitalised words in a row since the head: a proper name ("Sơn Tân", "Quảng Ninh"). */
function properNameBefore(tokens: readonly Token[], i: number, from: number): boolean {
  const a = tokens[i - 1];
  const b = tokens[i - 2];
  const plain = (k: number): boolean => isCapitalised(tokens[k]!) && !tokens[k]!.abbreviation && headLength(tokens, k).head === 0;
  return i - 2 >= from && !!a && !!b && plain(i - 1) && plain(i - 2);
}

/** Reads one unit name that starts exactly at token `at`; null when no unit head stands there. */
function readFrom(text: string, tokens: readonly Token[], at: number): { match: UnitMatch; next: number } | null {
  const read = readExtent(text, tokens, at);
  return read ? { match: unitMatch(text, read), next: read.next } : null;
}

interface Extent {
  start: number;
  end: number;
  shortName: string | null;
  /** The token after the name. */
  next: number;
}

/** What readFrom reads, before the name is cleaned: unitsBefore tries many starts and keeps one. */
function readExtent(text: string, tokens: readonly Token[], at: number): Extent | null {
  const { determiners, head } = headLength(tokens, at);
  if (head === 0) return null;
  let i = at + determiners + head;
  let shortName: string | null = null;
  let lastWord = i - 1;
  while (i < tokens.length && i - at < 18) {
    const t = tokens[i]!;
    if (/^\(.*\)$/.test(t.text)) {
      const inner = t.text.slice(1, -1).trim();
      if (isAbbreviation(inner) && !shortName) {
        shortName = inner;
        i++;
        continue;
      }
      break;
    }
    if (t.text === "-" || t.text === "–") {
      // "Lao động - Thương binh và Xã hội", "các tổ chức chính trị - xã hội": one name.
      const after = tokens[i + 1];
      if (after && after.key === "xã" && tokens[i + 2]?.key === "hội") {
        i += 3;
        lastWord = i - 1;
        continue;
      }
      if (after && isCapitalised(after) && headLength(tokens, i + 1).head === 0) {
        i++;
        continue;
      }
      break;
    }
    if (t.text === "&") {
      i++;
      continue;
    }
    if (/^[,;:.+()]$/.test(t.text)) {
      const after = tokens[i + 1];
      if (t.text === "," && after && continuesAfterComma(tokens, i + 1, at)) {
        i++;
        continue;
      }
      // "UBND TP. Hồ Chí Minh": the dot of an abbreviation.
      if (t.text === "." && after && isCapitalised(after) && /^\p{Lu}{1,3}$/u.test(tokens[i - 1]!.text) && !/\s/.test(text.slice(tokens[i - 1]!.end, t.start))) {
        i++;
        continue;
      }
      break;
    }
    const continuing = longestAt(tokens, i, CONTINUING);
    if (continuing) {
      i += continuing;
      lastWord = i - 1;
      continue;
    }
    if (t.key === "và") {
      // "Giáo dục và Đào tạo" goes on; "Sở Nội vụ và Sở Tài chính" is two units.
      const after = tokens[i + 1];
      if (after && isCapitalised(after) && headLength(tokens, i + 1).head === 0) {
        i++;
        continue;
      }
      break;
    }
    // Lower case, a verb ends the name; capitalised, only where a new sentence could start
    // ("UBND tỉnh Thực hiện ..."), not right after the head or a joining "và"/"-" (Sở Xây dựng).
    const joined =
      i === at + determiners + head || ["và", "-", "–", "&"].includes(tokens[i - 1]!.key) || headLength(tokens, i - 1).head > 0;
    if (longestAt(tokens, i, ENDINGS) && (!isCapitalised(t) || !joined)) break;
    // After a proper name ("Trường TH&THCS Sơn Tân"), a lower-case word starts the predicate.
    if (!isCapitalised(t) && longestAt(tokens, i, LOCALITY) === 0 && properNameBefore(tokens, i, at + determiners + head)) break;
    if (isCapitalised(t) && !joined && longestAt(tokens, i, TYPE_NAMES)) break;
    lastWord = i;
    i++;
  }
  let startToken = at;
  // "Giám đốc Sở Y tế", "Chủ tịch UBND huyện", "Chánh Văn phòng ...": the unit is the body.
  const position = longestAt(tokens, at + determiners, POSITIONS);
  if (position && headLength(tokens, at + determiners + position).head > 0 && at + determiners + position <= lastWord) {
    startToken = at + determiners + position;
  }
  return { start: tokens[startToken]!.start, end: tokens[lastWord]!.end, shortName, next: i };
}

function unitMatch(text: string, { start, end, shortName }: Extent): UnitMatch {
  const name = text
    .slice(start, end)
    .replace(/\s*\([^()]{1,20}\)\s*/g, (m) => (shortName && m.includes(shortName) ? " " : m))
    .replace(/\s+/g, " ")
    .trim();
  return { name, shortName, start, end };
}

/** The unit a sentence starts with, as its subject: "Ban Tuyên giáo Tỉnh ủy chủ trì ..." */
export function subjectOf(text: string): UnitMatch | null {
  return readSubject(text)?.read.match ?? null;
}

/**
 * The subject's read, and the tokens it was read from: those of the whole text unless the text
 * is longer than the prefix a subject needs.
 */
function readSubject(text: string): { read: { match: UnitMatch; next: number }; tokens: readonly Token[]; whole: boolean } | null {
  if (!mayStartUnit(text)) return null;
  // A subject stands at the start: a prefix is all the tokenizer needs to see.
  const whole = text.length <= 240;
  const tokens = tokenize(whole ? text : text.slice(0, 240));
  // A sentence starts with a capital; a lower-case start is a clause of a list, not a subject.
  const first = tokens[0];
  if (!first || !(isCapitalised(first) || first.bucketIn(DETERMINERS) !== undefined)) return null;
  const read = readFrom(text, tokens, 0);
  if (!read) return null;
  // A subject is followed by its verb; a bare noun phrase ("Công tác kiểm tra") is not a subject.
  return { read, tokens, whole };
}

/**
 * unitsFromStart(text) when the text opens with a subject (subjectOf), else none. Where the
 * subject was read from the whole text's tokens it is the list's first unit, not read again.
 */
export function unitsOpening(text: string): UnitMatch[] {
  const subject = readSubject(text);
  if (!subject) return [];
  return subject.whole ? readList(text, subject.tokens, 0, subject.read) : unitsFromStart(text);
}

/** Every unit named after one of `cues` ("giao", "phối hợp với"): "Giao Sở A, Sở B và UBND huyện ...". */
/** First words that can open a unit's name: the first word of a head or a determiner, or an abbreviation. */
const FIRST_WORDS: ReadonlySet<string> = new Set([...HEADS.firstWords, ...DETERMINERS.firstWords]);

/** A cheap look at the first word before any tokenising. */
function mayStartUnit(text: string): boolean {
  const first = /^\s*([\p{L}&]+)/u.exec(text)?.[1];
  if (!first) return false;
  return FIRST_WORDS.has(canon(first)) || /^\p{Lu}{2,}/u.test(first);
}

interface Cues {
  words: PhraseIndex;
  /**
   * Any cue anywhere in the text, case-insensitive: one alternation scans a line two to three
   * times faster than a test per cue, and needs no lower-cased copy. The same answer as looking
   * in the lower-cased text: checked over all code points for the letters of today's cues, a
   * character matches one under /iu exactly when it lower-cases to it (only İ lower-cases to
   * two characters, and a key made from it never equals a cue word anyway).
   */
  anywhere: RegExp;
}

/**
 * Keyed by the cues' words, not the array: callers pass literals (`["giao", "giao cho"]`), and a
 * key per array grew the map with every call and rebuilt the phrase index each time.
 */
const CUE_LISTS = new Map<string, Cues>();
/** The same array asks again and again: found by identity first, without joining its words. */
const CUE_ARRAYS = new WeakMap<readonly string[], Cues>();
function cueList(cues: readonly string[]): Cues {
  const known = CUE_ARRAYS.get(cues);
  if (known) return known;
  const key = cues.join("\n");
  let list = CUE_LISTS.get(key);
  if (!list) {
    list = { words: phraseIndex(cues), anywhere: new RegExp(cues.map((cue) => cue.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")).join("|"), "iu") };
    CUE_LISTS.set(key, list);
  }
  CUE_ARRAYS.set(cues, list);
  return list;
}

/** Cheap test before tokenising: does any cue occur in the text at all? */
function mentionsAny(text: string, cues: Cues): boolean {
  return cues.anywhere.test(text);
}

/** Whether any of `cues` occurs in the text, as unitsAfter and unitsBefore look before reading. */
export function mentionsCue(text: string, cues: readonly string[]): boolean {
  return mentionsAny(text, cueList(cues));
}

export function unitsAfter(text: string, cues: readonly string[]): UnitMatch[] {
  const cueSet = cueList(cues);
  if (!mentionsAny(text, cueSet)) return [];
  const tokens = tokenize(text);
  const cueWords = cueSet.words;
  const out: UnitMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = longestAt(tokens, i, cueWords);
    if (!n) continue;
    let at = i + n;
    if (tokens[at]?.key === "cho") at++;
    const list = readList(text, tokens, at);
    out.push(...list);
    i = Math.max(i, at - 1);
  }
  return out;
}

/** A list of units opening a sentence: "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Y tế và Chủ tịch UBND huyện chịu trách nhiệm ...". */
export function unitsFromStart(text: string): UnitMatch[] {
  if (!mayStartUnit(text)) return [];
  const tokens = tokenize(text);
  return readList(text, tokens, 0);
}

/** `first`: readFrom(text, tokens, from), when the caller has read it already. */
function readList(text: string, tokens: readonly Token[], from: number, first?: { match: UnitMatch; next: number }): UnitMatch[] {
  const out: UnitMatch[] = [];
  let at = from;
  for (let known = first; ; known = undefined) {
    const read = known ?? readFrom(text, tokens, at);
    if (!read) break;
    out.push(read.match);
    at = read.next;
    const sep = tokens[at];
    if (sep && (sep.text === "," || sep.key === "và") && headLength(tokens, at + 1).head > 0) {
      at++;
      continue;
    }
    if (sep && sep.text === "," && tokens[at + 1]?.key === "và" && headLength(tokens, at + 2).head > 0) {
      at += 2;
      continue;
    }
    break;
  }
  return out;
}

/** Units standing before a lead verb: "... , Sở Y tế chủ trì ...", "UBND huyện có trách nhiệm ...". */
export function unitsBefore(text: string, cues: readonly string[]): UnitMatch[] {
  const cueSet = cueList(cues);
  if (!mentionsAny(text, cueSet)) return [];
  const tokens = tokenize(text);
  const cueWords = cueSet.words;
  const out: UnitMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!longestAt(tokens, i, cueWords)) continue;
    // Walk back to the earliest token from which a unit reads up to exactly here.
    for (let from = Math.max(0, i - 16); from < i; from++) {
      const read = readExtent(text, tokens, from);
      if (read && read.next === i) {
        out.push(unitMatch(text, read));
        break;
      }
    }
  }
  return out;
}

/** A heading that names a unit: "1. Văn phòng Bộ", "Trách nhiệm của Sở Y tế:", "Đối với cấp tỉnh". */
export function unitOfHeading(heading: string): UnitMatch | null {
  return UNIT_OF_HEADING.get(heading);
}

/**
 * Every unit a heading names: "Liên đội, Chi đoàn giáo viên" and "Sở Y tế và Sở Tài chính" give
 * two, where unitOfHeading reads the first. The list must be the whole heading.
 */
export function unitsOfHeading(heading: string): UnitMatch[] {
  return UNITS_OF_HEADING.get(heading);
}

function readUnitsOfHeading(heading: string): UnitMatch[] {
  const first = unitOfHeading(heading);
  if (first === null) return [];
  if (!/^\s*(?:,|và\s)/u.test(heading.slice(first.end))) return [first];
  const offset = first.start;
  const all = unitsFromStart(heading.slice(offset)).map((u) => ({ ...u, start: u.start + offset, end: u.end + offset }));
  const rest = heading.slice(all.at(-1)?.end ?? 0).replace(/^[\s:.,;]+/u, "");
  return all.length > 1 && all[0]!.start === first.start && rest === "" ? all : [first];
}

/** In TỔ CHỨC THỰC HIỆN every leaf asks again about each heading above it. Callers only read the answer. */
const UNIT_OF_HEADING = new DocumentMemo(readUnitOfHeading);
const UNITS_OF_HEADING = new DocumentMemo(readUnitsOfHeading);

function readUnitOfHeading(heading: string): UnitMatch | null {
  const stripped = heading.replace(/^(?:Trách nhiệm của|Đối với|Giao|Đề nghị|Yêu cầu)\s+/iu, "");
  const offset = heading.length - stripped.length;
  const tokens = tokenize(stripped);
  const read = readFrom(stripped, tokens, 0);
  if (!read) return null;
  // The name must be (nearly) the whole heading: "Công tác kiểm tra" is a topic, not a unit.
  const rest = stripped.slice(read.match.end).replace(/^[\s:.,;]+/u, "");
  if (rest.length > 0 && !/^(?:\(|thực hiện|chủ trì)/u.test(rest) && rest.length > 40) return null;
  return { ...read.match, start: read.match.start + offset, end: read.match.end + offset };
}
