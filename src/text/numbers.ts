import type { NumberParts } from "../schema/document.js";
import { DOCUMENT_TYPES, type DocumentTypeCodeData } from "../vocabulary/document-types.js";
import { matchesOf } from "./matches.js";

/**
 * Số ký hiệu in its three families:
 *   state       45/KH-UBND, 126/SGDĐT-CTTT (a Công văn: no type code)
 *   normative   56/2017/NĐ-CP, 102/2016/QH13
 *   party       20-CT/TW, 1849-CV/BTGTW, 08-QĐi/TW
 * Spaces are tolerated around the first separator ("2123 - CV/BTGTW", "56 /KH-UBND").
 */

/** A code part: at least two capitals (UBND, TTg, QĐi, GDTrH), so that "2/ Nội dung" is no number. */
const CODE = String.raw`(?=(?:[\p{Ll}\d&]*\p{Lu}){2})\p{Lu}[\p{L}\d&]*(?![\p{L}])`;
const SERIAL = String.raw`\d{1,5}[a-z]?`;

export const NUMBER_SOURCE =
  String.raw`(?<serial>${SERIAL})\s*(?<sep>[/\-–])\s*(?:(?<year>(?:19|20)\d{2})\s*/\s*)?` +
  String.raw`(?<codes>${CODE}(?:\s?[/\-–]\s?${CODE})*)`;

export const NUMBER_RE = new RegExp(String.raw`(?<![\p{L}\d/\-])${NUMBER_SOURCE}`, "gu");

/** The draft form with the serial left blank: "Số: …/KH-MTTQ-BTT", "Số:   /KH-UBND". */
const BLANK_SERIAL_RE = new RegExp(String.raw`^(?<serial>[.…_\s]*)/\s*(?<codes>${CODE}(?:[/\-–]${CODE})*)`, "u");

const TYPE_BY_STATE_CODE = new Map<string, DocumentTypeCodeData>();
const TYPE_BY_PARTY_CODE = new Map<string, DocumentTypeCodeData>();
for (const t of DOCUMENT_TYPES) {
  for (const c of t.stateCodes) TYPE_BY_STATE_CODE.set(c, t.code);
  for (const c of t.partyCodes) TYPE_BY_PARTY_CODE.set(c, t.code);
}

/** "2123 - CV/BTGTW" -> "2123-CV/BTGTW": white space out, every dash a hyphen. */
export function normaliseNumber(raw: string): string {
  return raw.replace(/\s+/g, "").replace(/[–—‐]/g, "-");
}

export interface FoundNumber {
  raw: string;
  number: string;
  parts: NumberParts;
  index: number;
  end: number;
}

function partsOf(raw: string, groups: Record<string, string | undefined>): NumberParts {
  const year = groups["year"] ? Number(groups["year"]) : null;
  const codes = (groups["codes"] ?? "").split(/\s?[/\-–]\s?/).filter(Boolean);
  const sep = groups["sep"] ?? "/";
  const family: NumberParts["family"] = year !== null ? "normative" : sep === "/" ? "state" : "party";
  const table = family === "party" ? TYPE_BY_PARTY_CODE : TYPE_BY_STATE_CODE;
  const first = codes[0] ?? null;
  const lawCode = first !== null && /^QH\d+$/.test(first);
  const isType = first !== null && (table.has(first) || lawCode);
  return {
    raw,
    serial: groups["serial"]?.trim() || null,
    year,
    typeCode: isType ? first : null,
    issuerCode: (isType ? codes.slice(1) : codes).join("-") || (lawCode ? first : null),
    family,
  };
}

/** Every số ký hiệu in a text, in order. */
const MAY_HOLD_NUMBER = /\d\s*[/\-–]\s*(?:\p{Lu}|(?:19|20)\d\d\s*\/)/u;

export function findNumbers(text: string): FoundNumber[] {
  if (!MAY_HOLD_NUMBER.test(text)) return [];
  return matchesOf(NUMBER_RE, text).map((m) => {
    const raw = m[0];
    return { raw, number: normaliseNumber(raw), parts: partsOf(raw, m.groups ?? {}), index: m.index, end: m.index + raw.length };
  });
}

const OWN_NUMBER = new RegExp(`^${NUMBER_SOURCE}`, "u");

/** Reads the text after "Số:"; a blank serial gives parts without a number. */
export function readOwnNumber(afterSo: string): { number: string | null; parts: NumberParts; length: number } | null {
  const m = OWN_NUMBER.exec(afterSo);
  if (m) return { number: normaliseNumber(m[0]), parts: partsOf(m[0], m.groups ?? {}), length: m[0].length };
  const blank = BLANK_SERIAL_RE.exec(afterSo);
  if (blank) return { number: null, parts: { ...partsOf(blank[0], blank.groups ?? {}), serial: null }, length: blank[0].length };
  return null;
}

/** The document type a number's type code stands for (KH -> KE_HOACH); Công văn when it has none. */
export function typeOfNumber(parts: NumberParts): DocumentTypeCodeData | null {
  if (parts.typeCode === null) return parts.family === "normative" ? null : "CONG_VAN";
  if (/^QH\d+$/.test(parts.typeCode)) return "LUAT";
  const table = parts.family === "party" ? TYPE_BY_PARTY_CODE : TYPE_BY_STATE_CODE;
  return table.get(parts.typeCode) ?? null;
}
