import type { DocumentTypeCode, NumberParts, Span } from "../schema/document.js";
import { findDates } from "../text/dates.js";
import { foldWords } from "../text/fold.js";
import { readOwnNumber, typeOfNumber } from "../text/numbers.js";
import { DOCUMENT_TYPES, TYPE_BY_CODE } from "../vocabulary/document-types.js";
import { isDateLine, isNumberLine } from "../segment/segment.js";
import { extracted, span, warning, type Extracted, type ExtractContext } from "./context.js";

export interface OwnNumber {
  number: string | null;
  parts: NumberParts | null;
  span: Span | null;
}

/** The document's own số ký hiệu, from its "Số:" line. A lost header gives null, not a guess. */
export function extractNumber({ seg }: ExtractContext): Extracted<OwnNumber> {
  const candidates = seg.header.length ? seg.header : seg.lines.slice(0, 8);
  for (const line of candidates) {
    if (!isNumberLine(line.text)) continue;
    const m = /^Số\s*[:.]?\s*/iu.exec(line.text)!;
    const read = readOwnNumber(line.text.slice(m[0].length));
    const at = span(line.start + m[0].length, line.start + m[0].length + (read?.length ?? 0));
    if (!read) return extracted({ number: null, parts: null, span: null }, [warning("number-malformed", `cannot read the number in "${line.text}"`, span(line.start, line.end))]);
    if (read.number === null) {
      return extracted({ number: null, parts: read.parts, span: at }, [warning("number-missing", "the serial of the number is left blank (a draft)", at)]);
    }
    return extracted({ number: read.number, parts: read.parts, span: at });
  }
  return extracted({ number: null, parts: null, span: null }, seg.header.length ? [warning("number-missing", "the header has no Số line")] : []);
}

export interface DatePlace {
  issueDate: string | null;
  place: string | null;
  dateSpan: Span | null;
  placeSpan: Span | null;
}

/** "Cẩm Phả, ngày 11 tháng 5 năm 2021" in the header. */
export function extractDatePlace({ seg }: ExtractContext): Extracted<DatePlace> {
  const none: DatePlace = { issueDate: null, place: null, dateSpan: null, placeSpan: null };
  const candidates = seg.header.length ? seg.header : seg.lines.slice(0, 6);
  for (const line of candidates) {
    if (!isDateLine(line.text)) continue;
    const comma = line.text.indexOf(",");
    const placeText = comma > 0 && !/^ngày/iu.test(line.text) ? line.text.slice(0, comma).trim() : null;
    const dates = findDates(line.text);
    const date = dates[0];
    const value: DatePlace = {
      issueDate: date?.iso ?? null,
      place: placeText,
      dateSpan: date ? span(line.start + date.index, line.start + date.end) : null,
      placeSpan: placeText ? span(line.start, line.start + placeText.length) : null,
    };
    const warnings = date?.impossible ? [warning("date-impossible", `the date "${date.raw}" cannot exist`, value.dateSpan)] : [];
    return extracted(value, warnings);
  }
  return extracted(none, seg.header.length ? [warning("date-missing", "the header has no date line")] : []);
}

export interface TypeResult {
  code: DocumentTypeCode;
  name: string;
  evidence: "type-line" | "number" | "body" | "none";
  span: Span | null;
}

/**
 * The type: its type line ("KẾ HOẠCH"), else the type code of its number, else what the body
 * calls itself ("Kế hoạch nhằm ...", "Trên đây là Kế hoạch ...", "Kế hoạch này").
 */
export function extractDocumentType({ seg }: ExtractContext, own: OwnNumber): Extracted<TypeResult> {
  if (seg.typeLine) {
    const { entry, line } = seg.typeLine;
    return extracted({ code: entry.code, name: entry.name, evidence: "type-line", span: span(line.start, line.end) });
  }
  if (own.parts) {
    const code = typeOfNumber(own.parts);
    if (code) return extracted({ code, name: TYPE_BY_CODE.get(code)!.name, evidence: "number", span: own.span });
  }
  if (seg.header.some((l) => /^(?:V\/v|V\/V)\b/u.test(l.text)) || seg.kinhGui.length > 0) {
    return extracted({ code: "CONG_VAN", name: "Công văn", evidence: "body", span: null });
  }
  const selfReference = selfNamedType(seg);
  if (selfReference) return extracted(selfReference);
  return extracted({ code: "KHAC", name: "Văn bản", evidence: "none", span: null }, [warning("type-unknown", "no type line, number or self-reference names the type")]);
}

/** The type a body names itself by: the most frequent of "Kế hoạch này", "Kế hoạch nhằm", "Trên đây là Kế hoạch". */
function selfNamedType(seg: ExtractContext["seg"]): TypeResult | null {
  const lines = [...seg.body, ...seg.closing];
  // Folded once per line, not once per line and type: each was a memo lookup hashing the line.
  const foldedLines = lines.map((line) => foldWords(line.text));
  const counts = new Map<DocumentTypeCode, { n: number; span: Span }>();
  for (const t of DOCUMENT_TYPES) {
    if (t.code === "KHAC") continue;
    const name = foldWords(t.name);
    // Built once per type, not once per line: a global expression's match() starts from 0 each time.
    const thisOne = new RegExp(`\\b${name} nay\\b`, "g");
    const purpose = `${name} nham`;
    const summary = `tren day la ${name}`;
    for (const [k, line] of lines.entries()) {
      const f = foldedLines[k]!;
      const opening = f.startsWith(purpose) || f.startsWith(summary);
      const hits = (f.match(thisOne)?.length ?? 0) + (opening ? 2 : 0);
      if (hits) {
        const prev = counts.get(t.code);
        counts.set(t.code, { n: (prev?.n ?? 0) + hits, span: prev?.span ?? span(line.start, line.end) });
      }
    }
  }
  let best: [DocumentTypeCode, { n: number; span: Span }] | null = null;
  for (const entry of counts) if (!best || entry[1].n > best[1].n) best = entry;
  if (!best) return null;
  return { code: best[0], name: TYPE_BY_CODE.get(best[0])!.name, evidence: "body", span: best[1].span };
}
