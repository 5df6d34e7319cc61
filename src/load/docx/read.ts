import { VanbanError } from "../../errors.js";
import type { LoadedDocument } from "../model.js";
import type { LoadContext } from "../registry.js";
import { BodyReader } from "./body.js";
import { wordDocument } from "./loaded.js";
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
  if (!zip.entries.has("word/document.xml")) {
    throw new VanbanError("unsupported-format", `the zip is not a Word document: it is ${describeZip(zip)}`, { file });
  }
  const part = (name: string): XmlElement | null => {
    const data = zip.read(name);
    if (data === null) return null;
    return parseXml(decodeXml(data, name, file), name, file);
  };
  const document = part("word/document.xml")!;
  const styles = new Styles(part("word/styles.xml"));
  const numbering = new Numbering(numberingFromXml(part("word/numbering.xml")), styles);
  const footnotes = new Map<string, XmlElement>();
  for (const note of childrenNamed(part("word/footnotes.xml") ?? undefined, "w:footnote")) {
    footnotes.set(note.attributes["w:id"] ?? "", note);
  }
  const body = child(document, "w:body");
  if (body === undefined) throw new VanbanError("corrupt", "word/document.xml has no w:body", { file });
  const read = new BodyReader(styles, numbering, footnotes).read(body, firstPageHeader(body, part));
  if (read.blocks.length === 0) throw new VanbanError("empty", "the Word document has no text (a scan pasted as a picture?)", { file });

  const runs = [...read.legacyRuns.values()].reduce((a, b) => a + b, 0);
  return wordDocument(read.blocks, {
    format: "docx",
    mediaType: DOCX_MEDIA_TYPE,
    bytes: bytes.length,
    context,
    legacy: { counts: read.legacyRuns, what: `${runs} run(s) in legacy fonts (${[...read.legacyFonts].join(", ")})` },
  });
}

/**
 * The header part shown on the first page: the first section's `first` header when it has a
 * distinct first page (w:titlePg), else its `default` one; found through document.xml.rels.
 */
function firstPageHeader(body: XmlElement, part: (name: string) => XmlElement | null): XmlElement | null {
  const section = firstSection(body);
  if (section === undefined) return null;
  const wanted = child(section, "w:titlePg") !== undefined ? "first" : "default";
  const reference = childrenNamed(section, "w:headerReference").find((h) => (h.attributes["w:type"] ?? "default") === wanted);
  const id = reference?.attributes["r:id"];
  if (id === undefined) return null;
  const relationship = childrenNamed(part("word/_rels/document.xml.rels") ?? undefined, "Relationship").find((r) => r.attributes["Id"] === id);
  const target = relationship?.attributes["Target"];
  if (target === undefined || target.includes("..") || target.startsWith("/")) return null;
  return part(`word/${target}`);
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
