import { VanbanError } from "../../errors.js";
import type { LoadedDocument } from "../model.js";
import type { LoadContext } from "../registry.js";
import { BodyReader } from "./body.js";
import { legacyFontRuns, wordDocument } from "./loaded.js";
import { Numbering, numberingFromXml } from "./numbering.js";
import { Styles } from "./styles.js";
import { openZip, type ZipArchive } from "./zip.js";
import { child, childrenNamed, elements, parseXml, type XmlElement } from "./xml.js";

export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * Reads a DOCX: a bounded zip, a DTD-free XML reader, then the body walked with Word's numbering,
 * styles and footnotes. Only the four parts that carry text are unpacked.
 */
export function readDocx(bytes: Uint8Array, context: LoadContext): LoadedDocument {
  const file = context.fileName;
  const zip = openZip(bytes, { maxUnpackedBytes: context.config.limits.maxDecompressedBytes, file });
  const part = (name: string): XmlElement | null => {
    const data = zip.read(name);
    if (data === null) return null;
    return parseXml(decodeXml(data, name, file), name, file);
  };
  const main = mainPart(zip, part);
  if (main === null) throw new VanbanError("unsupported-format", `the zip is not a Word document: it is ${describeZip(zip)}`, { file });
  const related = relationships(main, part);
  const byType = (type: string): XmlElement | null => {
    const target = [...related.values()].find((r) => r.type === type)?.target;
    return target === undefined ? null : part(target);
  };

  const document = part(main)!;
  const styles = new Styles(byType("styles"));
  const numbering = new Numbering(numberingFromXml(byType("numbering")), styles);
  const footnotes = new Map<string, XmlElement>();
  for (const note of childrenNamed(byType("footnotes") ?? undefined, "w:footnote")) {
    footnotes.set(note.attributes["w:id"] ?? "", note);
  }
  const body = child(document, "w:body");
  if (body === undefined) throw new VanbanError("corrupt", `${main} has no w:body`, { file });
  const header = firstPageHeader(body, related);
  const read = new BodyReader(styles, numbering, footnotes).read(body, header === null ? null : part(header));
  if (read.blocks.length === 0) throw new VanbanError("empty", "the Word document has no text (a scan pasted as a picture?)", { file });

  return wordDocument(read.blocks, {
    format: "docx",
    mediaType: DOCX_MEDIA_TYPE,
    bytes: bytes.length,
    context,
    legacy: legacyFontRuns(read.legacyRuns, read.legacyFonts),
  });
}

const MAIN_DOCUMENT = "word/document.xml";

/**
 * The main document part: where `_rels/.rels` points (Word sometimes names it document2.xml),
 * else word/document.xml; null when the zip holds no Word body.
 */
function mainPart(zip: ZipArchive, part: (name: string) => XmlElement | null): string | null {
  const target = [...relationships("", part).values()].find((r) => r.type === "officeDocument")?.target;
  if (target !== undefined && target.endsWith(".xml") && zip.entries.has(target) && (target === MAIN_DOCUMENT || target.startsWith("word/"))) return target;
  return zip.entries.has(MAIN_DOCUMENT) ? MAIN_DOCUMENT : null;
}

/**
 * A part's relationships (`word/_rels/document.xml.rels` for word/document.xml; `_rels/.rels`
 * for the package), by id, with targets resolved to zip entry names and their type's last word.
 * Targets that leave the package (external links, `..` above the root) are left out.
 */
function relationships(partName: string, part: (name: string) => XmlElement | null): Map<string, { type: string; target: string }> {
  const slash = partName.lastIndexOf("/");
  const folder = partName.slice(0, slash + 1);
  const rels = part(`${folder}_rels/${partName.slice(slash + 1)}.rels`);
  const out = new Map<string, { type: string; target: string }>();
  for (const r of childrenNamed(rels ?? undefined, "Relationship")) {
    const { Id: id, Type: type, Target: target, TargetMode: mode } = r.attributes;
    if (id === undefined || type === undefined || target === undefined || mode === "External") continue;
    const resolved = resolvePath(folder, target);
    if (resolved !== null) out.set(id, { type: type.slice(type.lastIndexOf("/") + 1), target: resolved });
  }
  return out;
}

function resolvePath(folder: string, target: string): string | null {
  const parts = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
  const out: string[] = [];
  for (const segment of parts) {
    if (segment === "..") {
      if (out.pop() === undefined) return null;
    } else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

/**
 * The header part shown on the first page: the first section's `first` header when it has a
 * distinct first page (w:titlePg), else its `default` one.
 */
function firstPageHeader(body: XmlElement, related: ReadonlyMap<string, { target: string }>): string | null {
  const section = firstSection(body);
  if (section === undefined) return null;
  const wanted = child(section, "w:titlePg") !== undefined ? "first" : "default";
  const reference = childrenNamed(section, "w:headerReference").find((h) => (h.attributes["w:type"] ?? "default") === wanted);
  const id = reference?.attributes["r:id"];
  return id === undefined ? null : (related.get(id)?.target ?? null);
}

/** A section's properties sit in the last paragraph of each section but the last, which has them in the body. */
function firstSection(body: XmlElement): XmlElement | undefined {
  for (const el of elements(body)) {
    const inParagraph = el.name === "w:p" ? child(child(el, "w:pPr"), "w:sectPr") : undefined;
    if (inParagraph !== undefined) return inParagraph;
  }
  return child(body, "w:sectPr");
}

/** XML parts are UTF-8 (Word) or UTF-16 with a BOM (some generators). */
function decodeXml(data: Buffer, name: string, file: string | null): string {
  try {
    if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true }).decode(data.subarray(2));
    if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true }).decode(data.subarray(2));
    // Buffer's decoder is several times faster; the strict one only runs where a U+FFFD says it must.
    const text = data.toString("utf8");
    return text.includes("\ufffd") ? new TextDecoder("utf-8", { fatal: true }).decode(data) : text;
  } catch {
    throw new VanbanError("corrupt", `${name} is not valid UTF-8 or UTF-16 XML`, { file });
  }
}

/** What a zip without a Word body is, for the refusal: an Office sibling, an OpenDocument, an EPUB. */
function describeZip(zip: ZipArchive): string {
  const has = (name: string): boolean => zip.entries.has(name);
  if (has("xl/workbook.xml")) return "an Excel workbook (.xlsx)";
  if (has("ppt/presentation.xml")) return "a PowerPoint presentation (.pptx)";
  if (has("mimetype")) {
    // The mimetype entry is a few bytes, stored uncompressed by both specifications.
    const entry = zip.entries.get("mimetype")!;
    const type = entry.declaredSize <= 200 ? (zip.read("mimetype")?.toString("latin1").trim() ?? "") : "";
    if (type === "application/epub+zip") return "an EPUB e-book";
    if (type === "application/vnd.oasis.opendocument.text") return "an OpenDocument text (.odt): save it as .docx";
    if (type.startsWith("application/vnd.oasis.opendocument.")) return `an OpenDocument file (${type})`;
  }
  if (has("[Content_Types].xml")) return "an Office Open XML package without word/document.xml";
  return `a plain zip archive (${zip.entries.size} entries)`;
}
