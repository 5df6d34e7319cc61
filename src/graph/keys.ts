import { z } from "zod";
import type { Citation, DocumentTypeCode, NumberParts } from "../schema/document.js";
import { fold } from "../text/fold.js";
import { normaliseNumber, typeOfNumber } from "../text/numbers.js";
import { BODY_ABBREVIATIONS } from "../vocabulary/names.js";

/**
 * Canonical keys. A số ký hiệu alone does not name a document: state numbers restart every year
 * (45/KH-UBND of 2023 is not that of 2024), Party numbers restart every term (khóa), and many
 * bodies share one issuer code (every UBND writes /KH-UBND). So a key is the type and number plus
 * a scope — the year, the year inside a normative number, or the Party term — and the issuer
 * when it is known. The raw form travels beside the key for people.
 *
 *   key    CHI_THI:20-CT/TW@khoa-XI#trung-uong   identity, issuer included when known
 *   node   CHI_THI:20-CT/TW@khoa-XI              what a citation without the issuer can reach
 *   base   CHI_THI:20-CT/TW                      type and number, no scope
 *   group  party:CHI_THI:20                      family, type and serial: where near misses live
 */

export const keyFamilySchema = z.enum(["state", "normative", "party", "unknown", "named", "unnumbered"]);

export const documentKeySchema = z.object({
  key: z.string(),
  node: z.string(),
  base: z.string(),
  group: z.string(),
  family: keyFamilySchema,
  type: z.string().describe("document type code: from the number's type code when it has one, else as stated"),
  number: z.string().nullable().describe("normalised số ký hiệu as cited or issued"),
  serial: z.string().nullable(),
  issuerCode: z.string().nullable(),
  scope: z.string().nullable().describe("2023 (state), 2017 (normative), khoa-XI or nk-2010-2015 (Party); null when unknown"),
  issuer: z.string().nullable().describe("canonical issuer slug, null when not stated"),
  raw: z.string().describe("the number, name or phrase as written"),
});
export type DocumentKey = z.infer<typeof documentKeySchema>;

/** National congresses of the Party: central numbering (…/TW) restarts with each term. */
const CENTRAL_TERMS: ReadonlyArray<{ term: string; from: string }> = [
  { term: "VIII", from: "1996-07-01" },
  { term: "IX", from: "2001-04-22" },
  { term: "X", from: "2006-04-25" },
  { term: "XI", from: "2011-01-19" },
  { term: "XII", from: "2016-01-28" },
  { term: "XIII", from: "2021-02-01" },
  { term: "XIV", from: "2026-01-23" },
];

/**
 * Local Party committees (…/TU, …/HU, …/ĐU) number per their own congress term, which opens in
 * the autumn before the national congress. October 1st is an approximation: congresses are held
 * from August to October, so a document issued in those weeks may be given the wrong term and
 * then show up as a near miss rather than a link.
 */
const LOCAL_TERM_START_MONTH = "-10-01";
const LOCAL_TERM_FIRST_YEAR = 1995;

const CENTRAL_ISSUER_CODES = new Set(["TW", "BCT", "BBT", "BCHTW"]);

export function partyTerm(date: string | null, issuerCode: string | null): string | null {
  if (date === null) return null;
  const central = issuerCode !== null && (CENTRAL_ISSUER_CODES.has(issuerCode) || issuerCode.endsWith("TW"));
  return central ? centralTerm(date) : localTerm(date);
}

function centralTerm(date: string): string | null {
  const year = date.slice(0, 4);
  let found: string | null = null;
  for (const { term, from } of CENTRAL_TERMS) {
    // A bare year (or month) that straddles a congress cannot say which term it belongs to.
    if (date.length < 10 && from.startsWith(year) && !(date.length === 7 && date !== from.slice(0, 7))) return null;
    if (date >= from) found = term;
  }
  return found === null ? null : `khoa-${found}`;
}

function localTerm(date: string): string | null {
  const year = Number(date.slice(0, 4));
  if (year < LOCAL_TERM_FIRST_YEAR) return null;
  const offset = (year - LOCAL_TERM_FIRST_YEAR) % 5;
  let start = year - offset;
  if (offset === 0) {
    if (date.length < 7) return null;
    if (`${date}-01`.slice(0, 10) < `${year}${LOCAL_TERM_START_MONTH}`) start -= 5;
  }
  return `nk-${start}-${start + 5}`;
}

/** Bodies that issue under the central Party code, whatever the citing phrase calls them. */
const CENTRAL_PARTY_BODIES: ReadonlySet<string> = new Set([
  "bo chinh tri",
  "ban bi thu",
  "ban chap hanh trung uong",
  "ban chap hanh trung uong dang",
  "trung uong",
  "trung uong dang",
]);
const CENTRAL_SLUG = "trung-uong";
const PLACE_ABBREVIATIONS: Readonly<Record<string, string>> = { TP: "thành phố", Tp: "thành phố", TX: "thị xã", TT: "thị trấn" };
const ISSUER_SLUGS = new Map<string, string | null>();

/**
 * The issuer as a comparable slug: abbreviations spelled out (UBND, GD&ĐT, TP), diacritics and
 * punctuation dropped, and the central Party bodies made one, since they share one numbering.
 */
export function issuerSlug(name: string | null): string | null {
  if (name === null) return null;
  const cached = ISSUER_SLUGS.get(name);
  if (cached !== undefined) return cached;
  const spelled = name
    .split(/\s+/)
    .map((word) => BODY_ABBREVIATIONS[word] ?? PLACE_ABBREVIATIONS[word] ?? word)
    .join(" ");
  const words = fold(spelled).replace(/&/g, " va ").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const slug = words === "" ? null : CENTRAL_PARTY_BODIES.has(words) ? CENTRAL_SLUG : words.replace(/ /g, "-");
  if (ISSUER_SLUGS.size > 50_000) ISSUER_SLUGS.clear();
  ISSUER_SLUGS.set(name, slug);
  return slug;
}

/**
 * Two issuers can be one body when either is unknown or the words of one run inside the other's:
 * "UBND tỉnh" and "Ủy ban nhân dân tỉnh Quảng Ninh", "Tỉnh ủy" and "Ban Thường vụ Tỉnh ủy".
 */
export function issuersCompatible(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return true;
  // The central bodies are one slug, not words of a longer name (Ban Tuyên giáo Trung ương).
  if (a === CENTRAL_SLUG || b === CENTRAL_SLUG) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return `-${long}-`.includes(`-${short}-`);
}

/** The slug of the body an issuer code names on its own (TW -> trung-uong), for near-miss reasons. */
export function issuerCodeSlug(code: string | null): string | null {
  if (code === null) return null;
  if (CENTRAL_ISSUER_CODES.has(code)) return CENTRAL_SLUG;
  const body = BODY_ABBREVIATIONS[code];
  return body === undefined ? null : issuerSlug(body);
}

const upper = (number: string): string => normaliseNumber(number).normalize("NFC").toUpperCase();

interface KeyInput {
  type: string;
  number: string | null;
  parts: NumberParts | null;
  name: string | null;
  date: string | null;
  issuer: string | null;
  raw: string;
  /** For a document with neither number nor name: its own id. */
  fallbackId: string | null;
}

/**
 * Archives cite the same documents over and over: keys are memoised on everything they are made
 * of but the raw form, which is put back on each.
 */
const KEY_MEMO = new Map<string, DocumentKey>();
const KEY_MEMO_LIMIT = 200_000;

function keyOf(input: KeyInput): DocumentKey {
  return { ...sharedKeyOf(input), raw: input.raw };
}

/** The memoised key itself, shared by every input that makes it; its `raw` is the first one seen. */
function sharedKeyOf(input: KeyInput): Readonly<DocumentKey> {
  const memo = `${input.type}|${input.number}|${input.parts?.family}|${input.name}|${input.date}|${input.issuer}|${input.fallbackId}`;
  const known = KEY_MEMO.get(memo);
  if (known !== undefined) return known;
  const key = computeKey(input);
  if (KEY_MEMO.size >= KEY_MEMO_LIMIT) KEY_MEMO.clear();
  KEY_MEMO.set(memo, key);
  return key;
}

function computeKey(input: KeyInput): DocumentKey {
  const issuer = issuerSlug(input.issuer);
  const withIssuer = (node: string): string => (issuer === null ? node : `${node}#${issuer}`);
  const { number, parts } = input;
  if (number !== null && parts !== null) {
    const type = typeOfNumber(parts) ?? input.type;
    const family = parts.family;
    const scope =
      family === "normative" ? String(parts.year) : family === "party" ? partyTerm(input.date, parts.issuerCode) : (input.date?.slice(0, 4) ?? null);
    const base = `${type}:${upper(number)}`;
    const node = `${base}@${scope ?? "?"}`;
    const serial = parts.serial === null ? null : parts.serial.replace(/^0+(?=\d)/, "");
    return {
      key: withIssuer(node),
      node,
      base,
      group: `${family}:${type}:${serial ?? upper(number)}${family === "normative" ? `/${parts.year}` : ""}`,
      family,
      type,
      number: normaliseNumber(number),
      serial,
      issuerCode: parts.issuerCode,
      scope,
      issuer,
      raw: input.raw,
    };
  }
  if (input.name !== null) {
    // A Luật by name: the name is the identity; the year separates the 2005 and 2019 Luật Giáo dục.
    const slug = fold(input.name).replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
    const scope = input.date?.slice(0, 4) ?? null;
    const base = `${input.type}:${slug}`;
    const node = `${base}@${scope ?? "?"}`;
    return { key: withIssuer(node), node, base, group: `named:${base}`, family: "named", type: input.type, number: null, serial: null, issuerCode: null, scope, issuer, raw: input.raw };
  }
  const id = input.fallbackId ?? input.raw;
  const node = `${input.type}:${id}`;
  return { key: node, node, base: node, group: `unnumbered:${id}`, family: "unnumbered", type: input.type, number: null, serial: null, issuerCode: null, scope: null, issuer, raw: input.raw };
}

/** What a document's key is read from: its own header, flattened as the graph's facts keep it. */
export interface IssuedDocumentFields {
  id: string;
  documentType: string;
  number: string | null;
  numberParts: NumberParts | null;
  issueDate: string | null;
  issuer: string | null;
  title: string | null;
}

/** The key of an issued document, from its own header. A document whose number was lost is keyed by its id. */
export function documentKey(document: IssuedDocumentFields): DocumentKey {
  const isLaw = document.documentType === "LUAT" && document.number === null && document.title !== null;
  return keyOf({
    type: document.documentType,
    number: document.number,
    parts: document.numberParts,
    name: isLaw ? `Luật ${document.title}` : null,
    date: document.issueDate,
    issuer: document.issuer,
    raw: document.number ?? document.id,
    fallbackId: document.id,
  });
}

/** The key of a cited document, from what the citing phrase states. */
export function citationKey(citation: Pick<Citation, "documentType" | "number" | "numberParts" | "name" | "date" | "issuer" | "raw">): DocumentKey {
  return { ...citationKeyShared(citation), raw: citation.raw };
}

/**
 * citationKey without its own copy: the graph derives a million of them and reads the raw form
 * from the citation itself, so one shared object per distinct key saves as many allocations.
 */
export function citationKeyShared(citation: Pick<Citation, "documentType" | "number" | "numberParts" | "name" | "date" | "issuer" | "raw">): Readonly<DocumentKey> {
  const type: DocumentTypeCode | "KHAC" = citation.documentType ?? "KHAC";
  return sharedKeyOf({
    type,
    number: citation.number,
    parts: citation.numberParts,
    name: citation.name,
    date: citation.date,
    issuer: citation.issuer,
    raw: citation.raw,
    fallbackId: null,
  });
}
