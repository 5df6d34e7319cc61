import type { Line, NormalisedDocument } from "../normalise/normalise.js";
import { canon, fold, foldWords } from "../text/fold.js";
import { parseLabel } from "../text/labels.js";
import { isCapitalsLine, isQuocHieu } from "../text/lines.js";
import { DOCUMENT_TYPES, type DocumentTypeEntry } from "../vocabulary/document-types.js";
import { SIGNER_POSITIONS } from "../vocabulary/names.js";
import { buildOutline, type OutlineItem } from "./outline.js";

/**
 * The parts of a document, as line ranges over the body lines. Formats differ, but every
 * administrative document is: header block, type line and trích yếu, (Kính gửi), body,
 * closing, Nơi nhận, signature, footnotes. Any part may be missing.
 */
export interface Segments {
  lines: readonly Line[];
  footnotes: readonly Line[];
  /** Lines before the type line (or the whole header block when there is none). */
  header: readonly Line[];
  typeLine: { line: Line; entry: DocumentTypeEntry; rest: string } | null;
  title: readonly Line[];
  kinhGui: readonly Line[];
  /** Căn cứ / Thực hiện lines and the rest of the body before the first outline item. */
  body: readonly Line[];
  outline: readonly OutlineItem[];
  closing: readonly Line[];
  noiNhan: readonly Line[];
  signature: readonly Line[];
}

const TYPE_LINES = DOCUMENT_TYPES.filter((t) => t.typeLine).map((t) => ({ entry: t, folded: foldWords(t.name) }));

/** "KẾ HOẠCH", "QUYẾT ĐỊNH", or a capitals line that starts with a type name ("BÁO CÁO TỔNG KẾT ..."). */
function readTypeLine(line: Line): Segments["typeLine"] {
  if (!isCapitalsLine(line.text) || parseLabel(line.text)) return null;
  const words = foldWords(line.text);
  for (const t of TYPE_LINES) {
    if (words === t.folded) return { line, entry: t.entry, rest: "" };
    if (words.startsWith(`${t.folded} `) && words.split(" ").length <= 40) {
      const nameWords = t.folded.split(" ").length;
      const rest = line.text.split(/\s+/).slice(nameWords).join(" ");
      if (!/^(?:và|của|số)(?![\p{L}])/iu.test(rest)) return { line, entry: t.entry, rest };
    }
  }
  return null;
}

/** "Số: 45/KH-UBND", "Số 120-KH/HU", a draft's "Số: …/KH-UBND"; not "Số liệu ..." or "Số trường ...". */
export const isNumberLine = (text: string): boolean => /^Số\s*[:.]?\s*(?:\d{1,5}[a-z]?|[….\s_]*)\s*[/\-–]\s*(?:(?:19|20)\d\d\s*\/\s*)?\p{Lu}/u.test(text);
export const isDateLine = (text: string): boolean =>
  /^[\p{L}\p{M}.\s-]{2,40},\s*ngày\b/iu.test(text) || /^ngày\s*[\d.…_ ]*\s*tháng/iu.test(text);
const isAboutLine = (text: string): boolean => /^(?:V\/v|V\/V|Về việc)\b/u.test(text);

/** A header line: agency lines in capitals, Số, date line, quốc hiệu, V/v. */
function isHeaderLine(text: string): boolean {
  return isCapitalsLine(text) || isNumberLine(text) || isDateLine(text) || isQuocHieu(text) || isAboutLine(text);
}

const NOI_NHAN = /^N[ơo]i\s+nh[ậa]n\s*[:.]?\s*/iu;
const KINH_GUI = /^Kính\s+gửi\s*[:.]?\s*/iu;
/** TM., T/M, KT., K/T, TL., T/L, TUQ., Q. at the start of a signature line. */
export const AUTHORITY_PREFIX = /^(?<prefix>TM|T\/M|KT|K\/T|TL|T\/L|TUQ|Q)\s*[.:]?\s+(?=\p{Lu})/u;

function isSignatureStart(text: string): boolean {
  if (AUTHORITY_PREFIX.test(text) && isCapitalsLine(text)) return true;
  return isCapitalsLine(text) && SIGNER_POSITIONS.includes(canon(text).replace(/[^\p{L}\s]/gu, "").trim());
}

function isClosing(text: string): boolean {
  const f = fold(text);
  if (/^(tren day la|tren day|nhan duoc)\b/.test(f)) return true;
  // "Nghị quyết này đã được Hội đồng nhân dân tỉnh ... thông qua ngày ... và có hiệu lực từ ...".
  if (text.length < 400 && /^(nghi quyet|quyet dinh|chi thi|quy dinh|quy che|thong tu|ke hoach|van ban) nay (da duoc|co hieu luc)\b/.test(f)) return true;
  if (text.length < 300 && /^.{0,80}\bthong bao (de|cho)\b/.test(f)) return true;
  if (text.length < 400 && /^trong qua trinh (thuc hien|trien khai|to chuc)\b.*\bneu co\b/.test(f)) return true;
  return text.length < 400 && /\b(yeu cau|de nghi)\b.*\b(thuc hien|trien khai|bao cao)\b.{0,40}$/.test(f) && !parseLabel(text);
}

export function segment(doc: NormalisedDocument): Segments {
  const lines = doc.lines.filter((l) => l.kind === "body");
  const footnotes = doc.lines.filter((l) => l.kind === "footnote");

  // Type line: the first capitals type name in the top part of the document.
  const searchLimit = Math.max(12, Math.ceil(lines.length * 0.4));
  let typeIndex = -1;
  let typeLine: Segments["typeLine"] = null;
  for (let i = 0; i < Math.min(lines.length, searchLimit); i++) {
    const found = readTypeLine(lines[i]!);
    if (found) {
      typeIndex = i;
      typeLine = found;
      break;
    }
    // The body has begun: labelled items or a long sentence mean no type line is coming.
    if (parseLabel(lines[i]!.text) || lines[i]!.text.length > 250) break;
  }

  let headerEnd: number;
  if (typeIndex >= 0) headerEnd = typeIndex;
  else {
    headerEnd = 0;
    while (headerEnd < lines.length && isHeaderLine(lines[headerEnd]!.text) && !parseLabel(lines[headerEnd]!.text)) headerEnd++;
  }
  const header = lines.slice(0, headerEnd);

  // Trích yếu: the lines after the type line until the body starts.
  let cursor = typeIndex >= 0 ? typeIndex + 1 : headerEnd;
  const title: Line[] = [];
  if (typeIndex >= 0) {
    while (cursor < lines.length) {
      const line = lines[cursor]!;
      const text = line.text;
      // A rule drawn under the trích yếu (-----), or a speck OCR read off the page (|): no words, no title.
      if (!HAS_WORD.test(text)) {
        if (title.length > 0) break;
        cursor++;
        continue;
      }
      if (title.length > 0 && (line.blankBefore || startsBody(text) || isCapitalsLine(text) !== isCapitalsLine(title[0]!.text))) break;
      if (title.length === 0 && (parseLabel(text) || KINH_GUI.test(text) || NOI_NHAN.test(text) || text.length > 600)) break;
      if (isCapitalsLine(text) && title.length === 0 && typeLine?.entry.code === "QUYET_DINH" && isAuthorityLine(text)) break;
      // "CHỈ THỊ / CỦA BAN THƯỜNG VỤ TỈNH ỦY / về ...": the body that issues it stands between the type and the trích yếu.
      if (title.length === 0 && isCapitalsLine(text) && /^CỦA\s/u.test(text)) {
        cursor++;
        continue;
      }
      title.push(line);
      cursor++;
      if (title.length >= 4) break;
    }
  }
  // A Quyết định's authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...") sits between the title and the Căn cứ.
  while (cursor < lines.length && isCapitalsLine(lines[cursor]!.text) && isAuthorityLine(lines[cursor]!.text)) cursor++;

  const kinhGui: Line[] = [];
  if (cursor < lines.length && KINH_GUI.test(lines[cursor]!.text)) {
    kinhGui.push(lines[cursor]!);
    cursor++;
    while (cursor < lines.length && /^[-–+•]/.test(lines[cursor]!.text) && lines[cursor]!.text.length < 200) {
      kinhGui.push(lines[cursor]!);
      cursor++;
    }
  }

  // Closing block: Nơi nhận and the signature, found from the end.
  let noiNhanIndex = -1;
  for (let i = lines.length - 1; i >= cursor; i--) {
    if (NOI_NHAN.test(lines[i]!.text)) {
      noiNhanIndex = i;
      break;
    }
  }
  let signatureIndex = -1;
  for (let i = lines.length - 1; i >= Math.max(cursor, lines.length - 25); i--) {
    if (isSignatureStart(lines[i]!.text)) {
      signatureIndex = i;
      // Several prefix lines stack up (TM. ... / KT. ...): take the first of the run.
      while (signatureIndex - 1 >= cursor && isSignatureStart(lines[signatureIndex - 1]!.text)) signatureIndex--;
      break;
    }
  }
  const ends = [noiNhanIndex, signatureIndex].filter((i) => i >= 0);
  let bodyEnd = ends.length ? Math.min(...ends) : lines.length;

  const noiNhan: Line[] = [];
  const signature: Line[] = [];
  if (noiNhanIndex >= 0) {
    const stop = signatureIndex > noiNhanIndex ? signatureIndex : lines.length;
    for (let i = noiNhanIndex; i < stop; i++) noiNhan.push(lines[i]!);
  }
  if (signatureIndex >= 0) {
    const stop = noiNhanIndex > signatureIndex ? noiNhanIndex : lines.length;
    for (let i = signatureIndex; i < Math.min(stop, signatureIndex + 8); i++) signature.push(lines[i]!);
  }

  // Closing sentences ("Trên đây là Kế hoạch ...", "... yêu cầu các đơn vị triển khai thực hiện").
  const closing: Line[] = [];
  while (bodyEnd - 1 >= cursor && isClosing(lines[bodyEnd - 1]!.text) && !parseLabel(lines[bodyEnd - 1]!.text)) {
    closing.unshift(lines[bodyEnd - 1]!);
    bodyEnd--;
  }

  const body = lines.slice(cursor, bodyEnd);
  return {
    lines,
    footnotes,
    header,
    typeLine,
    title,
    kinhGui,
    body,
    outline: buildOutline(body),
    closing,
    noiNhan,
    signature,
  };
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/** Lines that begin the body after a title: Căn cứ, Thực hiện, Kính gửi, or a labelled item. */
function startsBody(text: string): boolean {
  return /^(?:[-–]\s*)?(?:Căn cứ|Thực hiện|Kính gửi|Theo đề nghị|Xét đề nghị|Để|Nhằm|Ngày|Trong)(?![\p{L}])/u.test(text) || parseLabel(text) !== null;
}

/** The authority that enacts a Quyết định: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...", "BỘ TRƯỞNG BỘ ...". */
function isAuthorityLine(text: string): boolean {
  const f = foldWords(text);
  return /^(chu tich|bo truong|giam doc|thu tuong|hieu truong|truong phong|truong ban|cuc truong|vu truong|tong cuc truong|chanh van phong|uy ban nhan dan|hoi dong nhan dan|ban thuong vu|ban chap hanh|bo chinh tri|ban bi thu|thuong truc|khoa [ivxl]+)\b/.test(f);
}
