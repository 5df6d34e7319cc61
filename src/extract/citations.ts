import type { Citation, CitationRelation, DocumentTypeCode, Span, Warning } from "../schema/document.js";
import type { Line } from "../normalise/normalise.js";
import { dateRightAfter, DATE_SOURCE, findDates } from "../text/dates.js";
import { isLetter, isSurrogate, isWhiteSpace } from "../text/chars.js";
import { fold, foldPrefix } from "../text/fold.js";
import { findNumbers, typeOfNumber, type FoundNumber } from "../text/numbers.js";
import { DOCUMENT_TYPES } from "../vocabulary/document-types.js";
import { CITATION_RELATION_CUES } from "../vocabulary/relations.js";
import { extracted, span, warning, type Extracted, type ExtractContext } from "./context.js";
import { subjectOf, unitsBefore } from "./units.js";
import { matchesOf } from "../text/matches.js";

/**
 * Citations, as eyecite does it: find every số ký hiệu, read the type word before it and the
 * date and issuer after it, the relation the sentence gives it and the short name the document
 * defines for it; then merge repeated mentions of one document.
 */

const TYPE_WORDS = DOCUMENT_TYPES.filter((t) => t.code !== "KHAC")
  .flatMap((t) => [t.name, ...(t.aliases ?? [])].map((name) => ({ name, code: t.code })))
  .sort((a, b) => b.name.length - a.name.length);

const TYPE_WORD_BY_FOLD = new Map(TYPE_WORDS.map((t) => [fold(t.name), t.name]));
const LONGEST_TYPE_WORD = Math.max(...TYPE_WORDS.map((t) => t.name.split(" ").length));

/**
 * The type word right before a number ("Kế hoạch số ", "Chỉ thị ", "Công văn số: ", "Nghị quyết
 * liên tịch số"), read backwards from the number: the shape of a RegExp match, without scanning.
 */
export function typeWordBeforeByRegex(before: string): TypeWordMatch | null {
  const trimmed = before.replace(/\s*(?:(?:số|Số)\s*)?[:.]?\s*$/u, "").replace(/\s+liên tịch$/u, "");
  const words = [...trimmed.matchAll(/[\p{L}]+/gu)].slice(-LONGEST_TYPE_WORD);
  for (let k = 0; k < words.length; k++) {
    const first = words[k]!;
    const last = words.at(-1)!;
    if (last.index + last[0].length !== trimmed.length) return null;
    const phrase = trimmed.slice(first.index);
    if (TYPE_WORD_BY_FOLD.has(fold(phrase)) && !/\p{L}/u.test(trimmed.charAt(first.index - 1))) {
      return { index: first.index, groups: { type: phrase } };
    }
  }
  return null;
}

interface TypeWordMatch {
  index: number;
  groups: { type: string };
}

/**
 * `typeWordBeforeByRegex`, reading only the last few words: its expressions anchored at the end
 * tried every position of the window, for every number of a footnote that cites thirty
 * documents. A surrogate pair (an astral letter counts as one) sends the text to the definition.
 */
export function typeWordBefore(before: string): TypeWordMatch | null {
  let end = skipSpacesBack(before, before.length);
  if (end > 0 && (before.charCodeAt(end - 1) === COLON || before.charCodeAt(end - 1) === DOT)) end = skipSpacesBack(before, end - 1);
  if (endsWithAt(before, end, "số") || endsWithAt(before, end, "Số")) end = skipSpacesBack(before, end - 2);
  if (endsWithAt(before, end, LIEN_TICH)) {
    const spaces = skipSpacesBack(before, end - LIEN_TICH.length);
    if (spaces < end - LIEN_TICH.length) end = spaces;
  }
  const starts: number[] = [];
  let at = end;
  while (starts.length < LONGEST_TYPE_WORD && at > 0) {
    const code = before.charCodeAt(at - 1);
    if (isSurrogate(code)) return typeWordBeforeByRegex(before);
    if (!isLetter(code)) {
      if (at === end) return null;
      at--;
      continue;
    }
    while (at > 0 && isLetter(before.charCodeAt(at - 1))) at--;
    if (at > 0 && isSurrogate(before.charCodeAt(at - 1))) return typeWordBeforeByRegex(before);
    starts.push(at);
  }
  for (let k = starts.length - 1; k >= 0; k--) {
    const index = starts[k]!;
    const phrase = before.slice(index, end);
    if (TYPE_WORD_BY_FOLD.has(fold(phrase))) return { index, groups: { type: phrase } };
  }
  return null;
}

const LIEN_TICH = "liên tịch";
const COLON = 0x3a;
const DOT = 0x2e;

function skipSpacesBack(text: string, end: number): number {
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function endsWithAt(text: string, end: number, suffix: string): boolean {
  return end >= suffix.length && text.startsWith(suffix, end - suffix.length);
}
/** A Luật names itself before its number: "Luật Trẻ em số 102/2016/QH13". */
const LAW_BEFORE = /(?<![\p{L}])(?<type>Luật)(?<name>(?:\s+[\p{L}\-]+){1,6}?)\s+số\s*$/u;
/** "Kế hoạch của Ban Tuyên giáo Trung ương tại công văn số ...": the issuer stated before the number. */
// Commas may stand inside the name (Sở Văn hóa, Thể thao và Du lịch); another "của" may not.
const ISSUER_BEFORE = /(?:của|do)\s+(?<issuer>(?:(?!(?:của|do)\s)[^;()]){3,80}?)\s+(?:tại|theo|qua)\s*$/iu;
const SHORT_NAME = /^\s*(?:[^()]|\([^()]*\)){0,400}?\((?:sau đây\s+)?(?:được\s+)?(?:viết tắt là|gọi tắt là|gọi chung là|gọi là)\s*:?\s*(?<short>[^()]{1,60}?)\s*\)/iu;
/** A Luật cited by name: "Luật Trẻ em ngày 05/4/2016", "Luật Giáo dục năm 2019". */
const LAW_BY_NAME = new RegExp(
  String.raw`(?<![\p{L}])Luật\s+(?<name>(?:[\p{L}\-]+)(?:\s+(?!(?:ngày|năm|số|của|về|và|đã|được|quy|sửa|ban|này|hiện|thì|để|do|tại|theo|các|có)(?![\p{L}]))[\p{L}\-]+){0,7})(?:\s+(?:ngày\s+)?(?<date>${DATE_SOURCE.replace(/\?<(\w+)>/g, "?<$1L>")})|\s+năm\s+(?<year>\d{4}))?(?=[\s,;.)]|$)`,
  "gu",
);

interface Mention {
  found: FoundNumber | null;
  number: string | null;
  type: DocumentTypeCode | null;
  name: string | null;
  date: string | null;
  dateImpossible: boolean;
  issuer: string | null;
  relation: CitationRelation;
  shortName: string | null;
  inFootnote: boolean;
  raw: string;
  span: Span;
}

const TYPE_BY_FOLDED_NAME = new Map(TYPE_WORDS.map((t) => [fold(t.name), t.code]));

function typeCodeOf(word: string): DocumentTypeCode | null {
  return TYPE_BY_FOLDED_NAME.get(fold(word)) ?? null;
}

/** "Hội nghị Trung ương 8 khóa XI" (whole), or the "Hội nghị lần thứ tư " before a Ban Chấp hành. */
const ORDINAL = String.raw`(?:lần\s+thứ\s+[\p{L}\d]+(?:\s+(?:mốt|một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười))*)`;
const KHOA = String.raw`[Kk]h(?:óa|oá)\s+[IVXLC]+`;
const PLENUM = new RegExp(
  String.raw`^(?:(?<whole>Hội nghị\s+Trung ương(?:\s+Đảng)?\s+(?:${ORDINAL}|\d{1,2})(?:\s+\(${KHOA}\)|\s+${KHOA})?)(?=[\s,;.)]|$)|Hội nghị\s+${ORDINAL}\s+(?=Ban Chấp hành))`,
  "u",
);

/** The type code of a document issued jointly: TTLT (thông tư liên tịch), NQLT, CTLT … */
const JOINT = /(?<![\p{L}])[\p{Lu}Đ]{1,3}LT(?![\p{L}])/u;

/** "... UBND huyện (đã) ban hành " right before a cited document's type word: the unit that issued it. */
const ISSUING_CUES = ["ban hành", "đã ban hành"];
const ISSUING_CUE_AT_END = /^\s*(?:đã\s+)?ban hành\s*$/u;

/** The issuer a citing phrase names after the number or date: "của Bộ Chính trị", "của UBND tỉnh". */
function issuerAfter(text: string, from: number): { name: string; end: number } | null {
  const m = /^\s*,?\s*(?:của|do)\s+/iu.exec(text.slice(from));
  if (!m) return null;
  let start = from + m[0].length;
  // A Party resolution "của Hội nghị Trung ương 8 khóa XI": the plenum is the issuer. "của Hội nghị
  // lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII": the Central Committee whose plenum it was.
  const plenum = PLENUM.exec(text.slice(start, start + 160));
  if (plenum?.groups?.["whole"] !== undefined) return { name: plenum.groups["whole"].trim(), end: start + plenum[0].length };
  if (plenum) start += plenum[0].length;
  // An issuer's name is short: read a window, not the rest of a long footnote.
  const unit = subjectOf(text.slice(start, start + 160));
  if (!unit) return null;
  return { name: unit.name, end: start + unit.end };
}

/**
 * The relation a sentence gives a citation: the nearest cue before it since the previous
 * citation, else since the sentence began. For one line: a footnote citing thirty documents
 * sliced and searched its whole sentence again for each of them; each cue's first place after
 * a sentence start is now searched for once, as far as the citations reach, with the same answers.
 */
function relationsOf(text: string, folded: string): (start: number, previousEnd: number) => CitationRelation {
  // Per sentence start: each cue's first place in [sentence start, searched), -1 if none there.
  const firstCues = new Map<number, { searched: number; at: number[] }>();
  // The first places, searched only as far as `start` (a cue found later is for a later citation).
  const firstCuesBefore = (sentenceStart: number, start: number): number[] => {
    let found = firstCues.get(sentenceStart);
    if (!found) {
      found = { searched: sentenceStart, at: CITATION_RELATION_CUES.map(() => -1) };
      firstCues.set(sentenceStart, found);
    }
    if (start > found.searched) {
      // Each cue's search below lies in this stretch, and most stretches hold no cue at all.
      const stretch = folded.slice(Math.max(sentenceStart, found.searched - LONGEST_RELATION_CUE + 1), start);
      if (ANY_RELATION_CUE.test(stretch)) {
        for (let k = 0; k < CITATION_RELATION_CUES.length; k++) {
          if (found.at[k]! >= 0) continue;
          const cue = CITATION_RELATION_CUES[k]!.folded;
          // Back by a cue's length less one: a cue may straddle the end of the last search.
          const from = Math.max(sentenceStart, found.searched - cue.length + 1);
          const at = folded.slice(from, start).indexOf(cue);
          if (at >= 0) found.at[k] = from + at;
        }
      }
      found.searched = start;
    }
    return found.at;
  };
  // Where ". " and line breaks stand, found once: lastIndexOf searched back through the whole
  // footnote for each citation in it.
  const stops = placesOf(text, ". ");
  const breaks = placesOf(text, "\n");
  return (start, previousEnd) => {
    const sentenceStart = Math.max(lastAtOrBefore(stops, start), lastAtOrBefore(breaks, start), 0);
    // Words since the previous citation govern this one; the nearest cue wins, except that
    // reviewing the implementation of a document reviews it ("tổng kết 10 năm thực hiện Chỉ thị").
    // A slice: lastIndexOf on the whole line would search back past the previous citation.
    const near = folded.slice(Math.max(previousEnd, sentenceStart), start);
    // Most citations follow no cue of their own: one scan spares a search back per cue.
    if (ANY_RELATION_CUE.test(near)) {
      let best: { relation: CitationRelation; at: number } | null = null;
      for (const cue of CITATION_RELATION_CUES) {
        const at = near.lastIndexOf(cue.folded);
        if (at < 0) continue;
        if (cue.relation === "reviews") return "reviews";
        if (!best || at > best.at) best = { relation: cue.relation, at };
      }
      if (best) return best.relation;
    }
    // Otherwise the verb that opens the sentence governs its whole list: "Thực hiện A; B; C".
    const firsts = firstCuesBefore(sentenceStart, start);
    let first: { relation: CitationRelation; at: number } | null = null;
    for (let k = 0; k < CITATION_RELATION_CUES.length; k++) {
      const cue = CITATION_RELATION_CUES[k]!;
      const at = firsts[k]!;
      if (at >= 0 && at + cue.folded.length <= start && (!first || at < first.at)) first = { relation: cue.relation, at };
    }
    return first?.relation ?? "mentions";
  };
}

/** Any relation cue, folded: a cue-by-cue search of words that hold none was most of reading relations. */
const ANY_RELATION_CUE = new RegExp(CITATION_RELATION_CUES.map((c) => c.folded.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")).join("|"));
const LONGEST_RELATION_CUE = Math.max(...CITATION_RELATION_CUES.map((c) => c.folded.length));

/** Every place `what` starts in `text`, in order. */
function placesOf(text: string, what: string): number[] {
  const places: number[] = [];
  for (let at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) places.push(at);
  return places;
}

/** The last of the sorted `places` at or before `index`, as lastIndexOf(what, index) answers; -1 if none. */
function lastAtOrBefore(places: readonly number[], index: number): number {
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (places[mid]! <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? places[lo - 1]! : -1;
}

function mentionsInLine(line: Line, own: string | null): { mentions: Mention[]; warnings: Warning[] } {
  const text = line.text;
  const mentions: Mention[] = [];
  const warnings: Warning[] = [];
  const numbers = findNumbers(text);
  const mayCiteLaw = text.includes("Luật");
  if (!numbers.length && !mayCiteLaw) return { mentions, warnings };
  // Where each mention's relation is read: the words before its start, since the previous mention's end.
  const relationPlaces: Array<{ start: number; previousEnd: number }> = [];
  let previousEnd = 0;
  for (const found of numbers) {
    if (own && found.number === own) continue;
    const before = text.slice(Math.max(0, found.index - 90), found.index);
    const law = before.includes("Luật") ? LAW_BEFORE.exec(before) : null;
    const typeMatch = law ?? typeWordBefore(before);
    const typeWord = typeMatch?.groups?.["type"] ?? null;
    const type = (typeWord ? typeCodeOf(typeWord) : null) ?? typeOfNumber(found.parts);
    let start = typeMatch ? found.index - (before.length - typeMatch.index) : found.index;
    let end = found.end;
    const date = dateRightAfter(text, end);
    if (date) {
      end = date.end;
      if (date.impossible) warnings.push(warning("date-impossible", `cited date "${date.raw}" cannot exist`, span(line.start + date.index, line.start + date.end)));
    }
    let issuer = issuerAfter(text, end);
    // A joint document (TTLT, NQLT ...) has its issuers joined: "của Bộ Nội vụ và Bộ Tài chính".
    if (issuer && JOINT.test(found.number)) {
      const and = /^\s+và\s+/u.exec(text.slice(issuer.end));
      const second = and ? subjectOf(text.slice(issuer.end + and[0].length, issuer.end + and[0].length + 120)) : null;
      if (and && second && second.start === 0) issuer = { name: `${issuer.name} và ${second.name}`, end: issuer.end + and[0].length + second.end };
    }
    if (issuer) end = issuer.end;
    else if (typeMatch) {
      const windowStart = Math.max(0, start - 120);
      const window = text.slice(windowStart, start);
      const earlier = /của|do/u.test(window) ? ISSUER_BEFORE.exec(window) : null;
      if (earlier) {
        const stated = subjectOf(earlier.groups!["issuer"]!);
        if (stated) issuer = { name: stated.name, end };
        // "Kế hoạch của X tại công văn số N": the phrase starts at the first type word.
        const head = typeWordBefore(text.slice(0, windowStart + earlier.index));
        if (head) start = head.index;
      } else {
        // "tham mưu UBND huyện ban hành Kế hoạch số 42/KH-UBND": the unit that issued it, just before.
        const stated = unitsBefore(window, ISSUING_CUES).find((u) => ISSUING_CUE_AT_END.test(window.slice(u.end)));
        if (stated) issuer = { name: stated.name, end };
      }
    }
    const after = text.slice(end, end + 500);
    const short = /\((?:sau đây|được|viết tắt|gọi)/u.test(after) ? SHORT_NAME.exec(after) : null;
    const nextNumber = short ? findNumbers(after)[0] : undefined;
    // The definition belongs to this citation unless another number stands before its "(".
    const paren = short ? short.index + short[0].lastIndexOf("(") : 0;
    const shortName = short && (!nextNumber || nextNumber.index > paren) ? short.groups!["short"]!.trim() : null;
    mentions.push({
      found,
      number: found.number,
      type,
      name: law ? `Luật ${law.groups!["name"]!.trim()}` : null,
      date: date?.iso ?? null,
      dateImpossible: date?.impossible ?? false,
      issuer: issuer?.name ?? null,
      relation: "mentions",
      shortName,
      inFootnote: line.kind === "footnote",
      raw: text.slice(start, end).trim(),
      span: span(line.start + start, line.start + end),
    });
    relationPlaces.push({ start, previousEnd });
    previousEnd = end;
  }
  for (const m of mayCiteLaw ? matchesOf(LAW_BY_NAME, text) : []) {
    const at = m.index;
    if (mentions.some((x) => x.span.start - line.start <= at && x.span.end - line.start > at)) continue;
    if (/^\s*(?:số|\d)/u.test(text.slice(at + m[0].length))) continue;
    const name = `Luật ${m.groups!["name"]!.trim()}`;
    const dateText = m.groups!["date"];
    const iso = dateText ? (findDates(dateText)[0]?.iso ?? null) : (m.groups!["year"] ?? null);
    mentions.push({
      found: null,
      number: null,
      type: "LUAT",
      name,
      date: iso,
      dateImpossible: false,
      issuer: null,
      relation: "mentions",
      shortName: null,
      inFootnote: line.kind === "footnote",
      raw: m[0].trim(),
      span: span(line.start + at, line.start + at + m[0].length),
    });
    relationPlaces.push({ start: at, previousEnd });
  }
  if (mentions.length > 0) {
    // Read once every mention is found, in the same order: the folded words the relations search
    // then reach only to the last mention's start. Folding the whole of a long line, most of it
    // after its citations, was most of the cost of folding.
    // Folding keeps the length of NFC text (one base letter per letter), so offsets carry over.
    const relationBefore = relationsOf(text, foldPrefix(text, Math.max(...relationPlaces.map((p) => p.start))));
    mentions.forEach((mention, k) => {
      mention.relation = relationBefore(relationPlaces[k]!.start, relationPlaces[k]!.previousEnd);
    });
  }
  return { mentions, warnings };
}

/** Two mentions are one document when their numbers agree and their dates do not conflict. */
/** `aNumber`, `bNumber`: the numbers upper-cased, once per citation and mention rather than per comparison. */
function sameDocument(a: Citation, aNumber: string | null, b: Mention, bNumber: string | null): boolean {
  if (aNumber !== null && bNumber !== null) {
    if (aNumber !== bNumber) return false;
    return a.date === null || b.date === null || a.date === b.date;
  }
  if (a.number === null && b.number === null && a.name && b.name) return fold(a.name) === fold(b.name);
  return false;
}


export function extractCitations(ctx: ExtractContext, ownNumber: string | null): Extracted<Citation[]> {
  const { seg } = ctx;
  const lines = [...seg.title, ...seg.body, ...seg.closing, ...seg.footnotes];
  const citations: Citation[] = [];
  // citations[k].number upper-cased: a footnote citing thirty documents compared each mention with every citation.
  const numbers: Array<string | null> = [];
  const warnings: Warning[] = [];
  for (const line of lines) {
    const { mentions, warnings: w } = mentionsInLine(line, ownNumber);
    warnings.push(...w);
    for (const m of mentions) {
      const number = m.number?.toUpperCase() ?? null;
      const existing = citations.find((c, k) => sameDocument(c, numbers[k] ?? null, m, number));
      if (existing) {
        existing.mentions.push({ span: m.span, relation: m.relation });
        existing.date ??= m.date;
        existing.issuer ??= m.issuer;
        existing.shortName ??= m.shortName;
        // The first mention that states a relation (title, preamble) states the document's.
        if (existing.relation === "mentions") existing.relation = m.relation;
        continue;
      }
      if (number !== null && numbers.includes(number)) {
        warnings.push(warning("citation-date-conflict", `${m.number} is cited with two different dates: kept as two documents`, m.span));
      }
      citations.push({
        raw: m.raw,
        documentType: m.type,
        number: m.number,
        numberParts: m.found?.parts ?? null,
        name: m.name,
        date: m.date,
        issuer: m.issuer,
        relation: m.relation,
        shortName: m.shortName,
        inFootnote: m.inFootnote,
        span: m.span,
        mentions: [{ span: m.span, relation: m.relation }],
      });
      numbers.push(number);
    }
  }
  return extracted(citations, warnings);
}
