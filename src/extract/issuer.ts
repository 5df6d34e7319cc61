import type { Issuer, NumberParts, Signer } from "../schema/document.js";
import type { Line } from "../normalise/normalise.js";
import { isDateLine, isNumberLine } from "../segment/segment.js";
import { toNormalCase } from "../text/casing.js";
import { isCapitalsLine, isQuocHieu } from "../text/lines.js";
import { canon } from "../text/fold.js";
import { BODY_ABBREVIATIONS, LOCALITY_WORDS, UNIT_HEADS } from "../vocabulary/names.js";
import { extracted, span, warning, type Extracted, type ExtractContext } from "./context.js";
import { unitsBefore } from "./units.js";

const startsWithHead = (text: string): boolean => {
  const c = canon(text);
  return UNIT_HEADS.some((h) => c === h || c.startsWith(`${h} `));
};
const LOCALITY = new RegExp(`(?:^|\\s)(?:${LOCALITY_WORDS.join("|")})(?:\\s|$)`, "iu");
/** Heads that take the locality of their parent agency: Sở / Phòng / Ban ... of a province or district. */
// JavaScript's \b knows only ASCII letters: Vietnamese words need look-arounds on \p{L}.
const TAKES_PARENT_LOCALITY = /^(?:sở|phòng|ban|chi cục|công an|trung tâm|văn phòng|thanh tra|hội|đoàn)(?![\p{L}])/u;
const PARTY_LOCALITY = /(?<![\p{L}])(?:tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy|trung ương)(?![\p{L}])/u;

/** Agency lines of the header, a name split over two lines joined back ("ỦY BAN NHÂN DÂN" / "TỈNH LÀO CAI"). */
function agencyLines(header: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const line of header) {
    const text = line.text.trim();
    if (!isCapitalsLine(text) || isQuocHieu(text) || isNumberLine(text) || isDateLine(text)) continue;
    const previous = out.at(-1);
    if (previous && !startsWithHead(text) && previous.end <= line.start) {
      out[out.length - 1] = { ...previous, text: `${previous.text} ${text}`, end: line.end };
      continue;
    }
    out.push({ ...line, text });
  }
  return out;
}

function localityOf(name: string): string | null {
  const m = LOCALITY.exec(name);
  return m ? name.slice(m.index).trim() : null;
}

function fromHeader(header: readonly Line[]): Issuer | null {
  const agencies = agencyLines(header);
  const own = agencies.at(-1);
  if (!own) return null;
  const parentLine = agencies.length > 1 ? agencies.at(-2)! : null;
  let name = toNormalCase(own.text);
  const parent = parentLine ? toNormalCase(parentLine.text) : null;
  const lower = canon(name);
  // "UBND TỈNH QUẢNG NAM / VĂN PHÒNG": an office is its parent's, by the parent's whole name.
  if (parent && lower === "văn phòng") return { name: `${name} ${parent}`, shortName: null, parent, evidence: "header", span: span(own.start, own.end) };
  if (parent && TAKES_PARENT_LOCALITY.test(lower) && !LOCALITY.test(name) && !PARTY_LOCALITY.test(lower)) {
    const locality = localityOf(parent);
    if (locality) name = `${name} ${locality}`;
  }
  return { name, shortName: null, parent, evidence: "header", span: span(own.start, own.end) };
}

const BUILD_CUES = ["xây dựng", "ban hành"];

/** "..., Phòng Giáo dục và Đào tạo (GDĐT) thành phố xây dựng Kế hoạch ..." */
function fromBody(lines: readonly Line[], place: string | null, typeName: string): Issuer | null {
  const own = new RegExp(`^\\s*(?:\\([^()]{1,20}\\)\\s*)?(?:xây dựng|ban hành)\\s+(?:${typeName})`, "iu");
  // What `own` needs after a unit, anywhere in the line: a line without it names no issuer here,
  // and reading its units back from every "xây dựng" was most of the cost of the issuer.
  const builds = new RegExp(`(?:xây dựng|ban hành)\\s+(?:${typeName})`, "iu");
  for (const line of lines.slice(0, 6)) {
    if (!builds.test(line.text)) continue;
    const units = unitsBefore(line.text, BUILD_CUES).filter((u) => own.test(line.text.slice(u.end)));
    const unit = units.at(-1);
    if (!unit) continue;
    let name = unit.name;
    // "Phòng GDĐT thành phố" + the place of the date line: the full name.
    if (place && /(?:thành phố|tỉnh|huyện|thị xã|quận)$/iu.test(name)) name = `${name} ${place}`;
    return { name, shortName: unit.shortName, parent: null, evidence: "body", span: span(line.start + unit.start, line.start + unit.end) };
  }
  return null;
}

/** "TM. BAN THƯỜNG VỤ" signs for the body that issues. */
function fromSignature(signer: Signer | null): Issuer | null {
  const tm = signer?.chain.find((c) => c.prefix === "TM");
  if (!tm || !startsWithHead(tm.of)) return null;
  return { name: tm.of, shortName: null, parent: null, evidence: "signature", span: signer!.span };
}

/** The issuer code of the number, spelt out: 354/KH-PGDĐT -> Phòng Giáo dục và Đào tạo. */
function fromNumber(parts: NumberParts | null): Issuer | null {
  const code = parts?.issuerCode?.split("-")[0];
  if (!code) return null;
  const full = BODY_ABBREVIATIONS[code];
  if (!full) return null;
  return { name: full, shortName: code, parent: null, evidence: "number", span: null };
}

/** The issuer, from the best source present: header, body, signature, number. */
export function extractIssuer(
  { seg }: ExtractContext,
  known: { place: string | null; numberParts: NumberParts | null; signer: Signer | null; typeName: string },
): Extracted<Issuer | null> {
  const issuer =
    fromHeader(seg.header) ??
    fromBody(seg.body, known.place, known.typeName) ??
    fromSignature(known.signer) ??
    fromNumber(known.numberParts);
  if (issuer) {
    if (!issuer.shortName && known.numberParts?.issuerCode) issuer.shortName = known.numberParts.issuerCode.split("-")[0] ?? null;
    return extracted(issuer);
  }
  return extracted(null, [warning("issuer-missing", "no header, body sentence, signature or number names the issuer")]);
}
