import type { LoadedDocument } from "../load/model.js";
import type { Warning } from "../schema/document.js";
import { parseLabel } from "../text/labels.js";
import { isCapitalsLine } from "../text/lines.js";
import { HEADER_SLIP_GATE, HEADER_SLIPS, OCR_SLIP_GATE, OCR_SLIPS, type OcrSlip } from "../vocabulary/ocr-slips.js";
import { placeFromMentions } from "./place.js";
import { splitColumns, unfoldMarkdownTables } from "./layout.js";

/** One logical line of the normalised text: a paragraph, a list item, a header line. */
export interface Line {
  text: string;
  /** Offsets in NormalisedDocument.text. */
  start: number;
  end: number;
  kind: "body" | "footnote";
  /** A blank line (or a page break) stood before this line in the source. */
  blankBefore: boolean;
}

export interface NormalisedDocument {
  text: string;
  lines: Line[];
  warnings: Warning[];
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const FOOTNOTE_START = new RegExp(`^(?:[${SUPERSCRIPT_DIGITS}]+|\\[\\^?\\d{1,3}\\]:?)\\s*`, "u");
const FOOTNOTE_MARK_IN_TEXT = new RegExp(`\\s?[${SUPERSCRIPT_DIGITS}]+(?=[\\s.,;:)]|$)|\\[\\^\\d{1,3}\\]`, "gu");

/** Lines that carry nothing: rules, the Party header's star, page numbers. */
const DECORATION = /^(?:[-_=*~.·–—]{1,}|\*+|[-–]?\s*\d{1,3}\s*[-–]?|Trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?)$/iu;

interface WorkLine {
  text: string;
  kind: "body" | "footnote";
  blankBefore: boolean;
  /** Leading spaces in the source, or null where a column split made it meaningless. */
  indent: number | null;
}

/**
 * normalise: NFC, white space, markdown, two-column layout, page numbers, OCR slips, footnotes
 * interleaved by page breaks, and sentences split by a page break. Pure: same input, same output.
 */
export function normalise(doc: LoadedDocument): NormalisedDocument {
  const warnings: Warning[] = [];
  const rawLines: string[] = [];
  // Most texts hold no tab, no two spaces in a row and no OCR slip: one search of the whole text
  // spares a search of every line for each (spaces are everywhere, and each is a candidate start
  // of a gap). What a line holds then, a part of the text holds, unless markdown or emphasis
  // stripping rewrote it: "a [ ](u) b" leaves a gap, "T**Í**NH" a slip.
  let gapless = true;
  let slipless = true;
  // The long list of tone slips (tống kết …) is searched only in text this run read by OCR: a
  // search of every typed document for a hundred phrases would cost a tenth of its time.
  const slips = doc.pages.some((p) => p.blocks.some((b) => b.origin === "ocr")) ? OCR_SLIP_SET : HEADER_SLIP_SET;
  for (const page of doc.pages) {
    for (const block of page.blocks) {
      const nfc = block.text.normalize("NFC");
      let clean = nfc;
      // Most texts need none of the three: one scan for all of them spares the three scans.
      if (slips.anyCharacterGapOrSlip.test(nfc)) {
        clean = cleanCharacters(nfc);
        gapless &&= !TAB_OR_TWO_SPACES.test(clean);
        slipless &&= !slips.gate.test(clean);
      }
      rawLines.push(...clean.split("\n"), "");
    }
  }
  const stripped = rawLines.map(stripMarkdownLine);
  // Table cells are parts of their lines.
  const markdownless = stripped.every((line, i) => line === rawLines[i]);
  gapless &&= markdownless;
  slipless &&= markdownless;
  const lines = splitColumns(unfoldMarkdownTables(stripped), gapless);

  const work: WorkLine[] = [];
  let blank = false;
  for (const { text: rawLine, fromColumns } of lines) {
    const unemphasised = stripEmphasis(rawLine);
    const untouched = unemphasised === rawLine;
    // Collapsing spaces never joins letters, so it cannot make a slip.
    const spaced = gapless && untouched ? unemphasised.trim() : collapseSpaces(unemphasised);
    const text = slipless && untouched ? spaced : fixOcrSlips(spaced, slips, warnings);
    if (text === "" || DECORATION.test(text)) {
      // A page number between two halves of a sentence is a page break: treat it as a blank line.
      blank = true;
      continue;
    }
    const indent = fromColumns ? null : indentOf(rawLine);
    work.push({ text, kind: FOOTNOTE_START.test(text) ? "footnote" : "body", blankBefore: blank, indent });
    blank = false;
  }

  if (slips === OCR_SLIP_SET) {
    const place = placeFromMentions(work.map((w) => w.text));
    if (place !== null) {
      const line = work[place.line]!;
      line.text = place.right + line.text.slice(place.wrong.length);
      warnings.push({
        code: "ocr-slip-corrected",
        message: `the place "${place.wrong}" read as "${place.right}", the unit the document names elsewhere`,
        span: null,
      });
    }
  }
  const joined = joinContinuations(dropRunningHeaders(work, warnings), warnings);
  return assemble(joined, warnings);
}

/** Leading spaces, a tab counting four: a match and a split of it for every line cost more than this loop. */
function indentOf(line: string): number {
  let indent = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 0x20) indent += 1;
    else if (code === 0x09) indent += 4;
    else break;
  }
  return indent;
}

/** One scan for either: two includes() searches of a long text took half as long again. */
const TAB_OR_TWO_SPACES = /\t| {2}/;

/** Any character cleanCharacters rewrites: most texts hold none, and one scan rules out five. */
const UNCLEAN = /[\r\f\u00a0\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u00ad\uf0b7\uf0a7\uf0d8\uf076\uf0fc]/;

function cleanCharacters(nfc: string): string {
  if (!UNCLEAN.test(nfc)) return nfc;
  return nfc
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, " ")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/[\uf0b7\uf0a7\uf0d8\uf076\uf0fc]/g, "-") // Symbol/Wingdings bullets from Word and PDF
    .replace(/\f/g, "\n\n");
}

/** Markdown block syntax: headings, quotes, escapes, links, list stars. Tables are unfolded later. */
function stripMarkdownLine(line: string): string {
  if (!/[#>*\[\\]/.test(line)) return line;
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/^\s*>\s?/, "")
    .replace(/^(\s*)[*](\s+)/, "$1-$2")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1");
}

/**
 * Each expression runs only on a line holding its character: their Unicode classes and the
 * end-anchored one, tried at every position, made this a large cost of long footnote lines.
 */
function stripEmphasis(line: string): string {
  if (!line.includes("*") && !line.includes("_")) return line;
  let out = line.replace(/\*\*|__/g, "");
  // The lookahead asks for the mark after the character before asking the Unicode classes of
  // that character, at every position of the line: it made the expression three times faster.
  if (out.includes("*")) out = out.replace(/(^|(?=[^*]\*)[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}*])/gu, "$1$2");
  if (out.includes("_")) out = out.replace(/(^|(?=[^_]_)[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, "$1$2");
  // What a table cell split left of an emphasis run: "*Nơi nhận:", "Lưu: VT.*". (trim drops what \s matches.)
  if (out.trimStart().startsWith("*") || out.trimEnd().endsWith("*")) out = out.replace(/^(\s*)\*+(?=\S)|(?<=\S)\*+(\s*)$/gu, "$1$2");
  return out;
}

function collapseSpaces(line: string): string {
  return (line.includes("  ") || line.includes("\t") ? line.replace(/[ \t]+/g, " ") : line).trim();
}

interface SlipSet {
  slips: readonly OcrSlip[];
  /** Matches wherever any of the slips may stand: built from the list itself. */
  gate: RegExp;
  /** Matches wherever a character cleanCharacters rewrites, a tab or two spaces, or a slip may stand. */
  anyCharacterGapOrSlip: RegExp;
}
const slipSet = (slips: readonly OcrSlip[], gate: RegExp): SlipSet => ({
  slips,
  gate,
  anyCharacterGapOrSlip: new RegExp(`${UNCLEAN.source}|${TAB_OR_TWO_SPACES.source}|${gate.source}`, "u"),
});
const OCR_SLIP_SET = slipSet(OCR_SLIPS, OCR_SLIP_GATE);
const HEADER_SLIP_SET = slipSet(HEADER_SLIPS, HEADER_SLIP_GATE);

function fixOcrSlips(line: string, { slips, gate }: SlipSet, warnings: Warning[]): string {
  if (!gate.test(line)) return line;
  let out = line;
  for (const slip of slips) {
    if (slip.pattern.test(out)) {
      out = out.replace(slip.pattern, slip.replacement);
      warnings.push({ code: "ocr-slip-corrected", message: `"${slip.wrong}" read as "${slip.right}"`, span: null });
    }
  }
  return out;
}

const TERMINAL = /[.;:!?…"”»)\]]$|\.\/\.?$/u;

function isUnterminated(text: string): boolean {
  // A Số line is complete however it ends ("Số: 120/KH-UBND").
  return !TERMINAL.test(text) && !isCapitalsLine(text) && !/^Số\s*[:.]?\s*\S*\d/u.test(text);
}

function startsLowercase(text: string): boolean {
  return /^[\p{Ll}]/u.test(text);
}

/** A line that is nothing but a date: the header's date line, never the rest of a sentence. */
const DATE_ONLY_LINE = /^ngày\s*[\d.…_ ]*\s*tháng\s*\d{1,2}\s*năm\s*\d{4}\.?$/iu;

/** A line that can only be the rest of an earlier sentence. */
function isContinuation(text: string): boolean {
  if (parseLabel(text) || DATE_ONLY_LINE.test(text)) return false;
  return startsLowercase(text) || /^\d+(?:[,;]|\s+\p{Ll})/u.test(text);
}

/**
 * Hard-wrapped text (a PDF in layout mode) indents the first line of each paragraph: there, a
 * line at the margin right after a body line goes on with that paragraph, whatever its case.
 */
function usesParagraphIndent(lines: readonly WorkLine[]): boolean {
  const known = lines.filter((l) => l.indent !== null && l.kind === "body");
  if (known.length < 8) return false;
  const indented = known.filter((l) => l.indent! >= 2).length / known.length;
  return indented >= 0.2 && indented <= 0.9;
}

function continuesByIndent(line: WorkLine, previous: WorkLine | undefined, indentMode: boolean): boolean {
  if (!indentMode || !previous || line.blankBefore || line.indent !== 0 || previous.kind !== "body") return false;
  if (parseLabel(line.text) || isCapitalsLine(line.text) || isCapitalsLine(previous.text)) return false;
  return previous.text.length >= 40 && !/:$/.test(previous.text);
}

/**
 * Page breaks cut sentences, and put the page's footnotes between the halves. A continuation
 * line is joined to the sentence it finishes: a footnote that ends on a hyphen takes a line
 * starting with a number ("2021-" + "2025; ..."), otherwise the last unfinished body line.
 */
function joinContinuations(lines: readonly WorkLine[], warnings: Warning[]): WorkLine[] {
  const out: WorkLine[] = [];
  let lastBody = -1;
  let lastFootnote = -1;
  const indentMode = usesParagraphIndent(lines);
  let previous: WorkLine | undefined;
  for (const line of lines) {
    const before = previous;
    previous = line;
    if (line.kind === "footnote") {
      out.push({ ...line });
      lastFootnote = out.length - 1;
      continue;
    }
    const body = lastBody >= 0 ? out[lastBody]! : undefined;
    // Same paragraph, next line: "... Kế hoạch;" + "tham mưu UBND huyện ...", or a margin line under an indented paragraph.
    if (body && lastBody === out.length - 1 && (continuesByIndent(line, before, indentMode) || (!line.blankBefore && startsLowercase(line.text) && /[;,]$/.test(body.text)))) {
      body.text = `${body.text} ${line.text}`;
      continue;
    }
    if (isContinuation(line.text)) {
      const footnote = lastFootnote >= 0 ? out[lastFootnote]! : undefined;
      const footnoteWantsIt = footnote !== undefined && /[-–]$/.test(footnote.text) && /^\d/.test(line.text);
      const target = footnoteWantsIt
        ? footnote
        : body && isUnterminated(body.text)
          ? body
          : footnote && isUnterminated(footnote.text) && lastFootnote === out.length - 1
            ? footnote
            : undefined;
      if (target) {
        const glue = /[-–]$/.test(target.text) && /^\d/.test(line.text) ? "" : " ";
        target.text = `${target.text}${glue}${line.text}`;
        if (line.blankBefore) {
          warnings.push({
            code: target.kind === "footnote" ? "footnote-relocated" : "page-break-joined",
            message:
              target.kind === "footnote"
                ? "the rest of a footnote, cut by a page break, was joined to its start"
                : `a sentence cut by a page break was joined: "…${target.text.slice(-40)}"`,
            span: null,
          });
        }
        continue;
      }
    }
    out.push({ ...line });
    lastBody = out.length - 1;
  }
  return out;
}

function superscriptValue(mark: string): string {
  return [...mark.trim()].map((c) => (SUPERSCRIPT_DIGITS.includes(c) ? String(SUPERSCRIPT_DIGITS.indexOf(c)) : c)).join("").replace(/\D/g, "");
}

/** "¹ Văn bản ..." -> "1"; "[^2]: ..." -> "2". */
/** Where a footnote line's marker ("¹", "[^2]:") ends. */
export function footnoteMarkerLength(text: string): number {
  return FOOTNOTE_START.exec(text)?.[0].length ?? 0;
}

export function footnoteMarker(text: string): string {
  const m = FOOTNOTE_START.exec(text);
  return m ? superscriptValue(m[0]) : "";
}

/**
 * A page header or footer repeated on every page ("Sở TN&MT tỉnh Bắc Ninh - KH hưởng ứng ...") is
 * furniture, not text: a plain line found twice or more below the document's own header goes.
 */
function dropRunningHeaders(lines: readonly WorkLine[], warnings: Warning[]): WorkLine[] {
  // Only lines of a furniture's length are counted: hashing every long paragraph cost more than the rest.
  const counts = new Map<string, number>();
  for (const l of lines) if (l.text.length >= 15 && l.text.length <= 160) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  const furniture = (l: WorkLine, i: number): boolean =>
    i >= 6 &&
    l.text.length >= 15 &&
    l.text.length <= 160 &&
    (counts.get(l.text) ?? 0) >= 2 &&
    !parseLabel(l.text) &&
    !isCapitalsLine(l.text) &&
    !/^N[ơo]i nhận/iu.test(l.text);
  const kept = lines.filter((l, i) => !furniture(l, i));
  if (kept.length < lines.length) {
    const dropped = new Set(lines.filter((l, i) => furniture(l, i)).map((l) => l.text));
    for (const text of dropped) warnings.push({ code: "page-furniture-dropped", message: `a line repeated on every page was dropped: "${text}"`, span: null });
  }
  return kept;
}

/** Body first, then footnotes: the body reads straight through and spans point into one text. */
function assemble(lines: readonly WorkLine[], warnings: Warning[]): NormalisedDocument {
  const markers = new Set(lines.flatMap((l) => (l.kind === "footnote" ? [footnoteMarker(l.text)] : [])));
  const body = lines
    .filter((l) => l.kind === "body")
    .map((l) =>
      markers.size && /[⁰¹²³⁴⁵⁶⁷⁸⁹]|\[\^/u.test(l.text)
        ? { ...l, text: l.text.replace(FOOTNOTE_MARK_IN_TEXT, (m) => (markers.has(superscriptValue(m)) ? "" : m)) }
        : l,
    );
  const footnotes = lines.filter((l) => l.kind === "footnote");
  const interleaved = footnotes.length > 0 && lines.findIndex((l) => l.kind === "footnote") < lines.length - footnotes.length;
  if (interleaved) {
    warnings.push({ code: "footnote-relocated", message: "footnotes printed inside the body were moved behind it", span: null });
  }
  let text = "";
  const out: Line[] = [];
  const add = (line: WorkLine, forceBlank: boolean): void => {
    if (out.length > 0) text += line.blankBefore || forceBlank ? "\n\n" : "\n";
    const start = text.length;
    text += line.text;
    out.push({ text: line.text, start, end: text.length, kind: line.kind, blankBefore: line.blankBefore || forceBlank });
  };
  body.forEach((l) => add(l, false));
  footnotes.forEach((l, i) => add(l, i === 0));
  return { text, lines: out, warnings };
}
