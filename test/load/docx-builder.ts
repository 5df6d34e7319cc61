import JSZip from "jszip";

/** Builds small DOCX files in memory from WordprocessingML fragments, for the loader's tests. */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface DocxParts {
  /** The inside of `<w:body>`. */
  body: string;
  /** The inside of `<w:numbering>`. */
  numbering?: string;
  /** The inside of `<w:styles>`. */
  styles?: string;
  /** The inside of `<w:footnotes>` (the separator footnotes are added). */
  footnotes?: string;
  /** Extra entries, as is. */
  extra?: Record<string, string | Uint8Array>;
  /** Store the entries uncompressed. */
  store?: boolean;
  /** The inside of `<w:hdr>`, the page header; on the first page only when `firstPage`. */
  pageHeader?: { xml: string; firstPage?: boolean };
}

export async function makeDocx(parts: DocxParts): Promise<Uint8Array> {
  const zip = new JSZip();
  // The package plumbing Word and LibreOffice need to open the file (vanban itself reads parts by name).
  const related = [
    ["numbering", parts.numbering, "numbering"],
    ["styles", parts.styles, "styles"],
    ["footnotes", parts.footnotes, "footnotes"],
  ].filter(([, part]) => part !== undefined);
  const ML = "application/vnd.openxmlformats-officedocument.wordprocessingml";
  zip.file(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${ML}.document.main+xml"/>${related.map(([name]) => `<Override PartName="/word/${name}.xml" ContentType="${ML}.${name}+xml"/>`).join("")}</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${related.map(([name, , type], i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${name}.xml"/>`).join("")}${parts.pageHeader ? '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' : ""}</Relationships>`,
  );
  let sectPr = "<w:sectPr/>";
  if (parts.pageHeader) {
    const type = parts.pageHeader.firstPage ? "first" : "default";
    zip.file("word/header1.xml", `${HEAD}<w:hdr ${W} xmlns:r="${R}">${parts.pageHeader.xml}</w:hdr>`);
    sectPr = `<w:sectPr><w:headerReference w:type="${type}" r:id="rIdH"/>${parts.pageHeader.firstPage ? "<w:titlePg/>" : ""}</w:sectPr>`;
  }
  zip.file("word/document.xml", `${HEAD}<w:document ${W} xmlns:r="${R}"><w:body>${parts.body}${sectPr}</w:body></w:document>`);
  if (parts.numbering !== undefined) zip.file("word/numbering.xml", `${HEAD}<w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.styles !== undefined) zip.file("word/styles.xml", `${HEAD}<w:styles ${W}>${parts.styles}</w:styles>`);
  if (parts.footnotes !== undefined) {
    zip.file(
      "word/footnotes.xml",
      `${HEAD}<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${parts.footnotes}</w:footnotes>`,
    );
  }
  for (const [name, data] of Object.entries(parts.extra ?? {})) zip.file(name, data);
  return zip.generateAsync({ type: "uint8array", compression: parts.store ? "STORE" : "DEFLATE" });
}

export async function makeZip(entries: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(entries)) zip.file(name, data);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A paragraph of one run; `numbered` gives it `w:numPr`, `style` a `w:pStyle`. */
export function p(text: string, options: { numId?: number; ilvl?: number; style?: string; runProps?: string } = {}): string {
  const numPr =
    options.numId === undefined ? "" : `<w:numPr>${options.ilvl === undefined ? "" : `<w:ilvl w:val="${options.ilvl}"/>`}<w:numId w:val="${options.numId}"/></w:numPr>`;
  const style = options.style === undefined ? "" : `<w:pStyle w:val="${options.style}"/>`;
  const pPr = numPr || style ? `<w:pPr>${style}${numPr}</w:pPr>` : "";
  const rPr = options.runProps === undefined ? "" : `<w:rPr>${options.runProps}</w:rPr>`;
  return `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
}

/** A table; each cell is a list of paragraph texts. */
export function table(rows: readonly (readonly (readonly string[])[])[]): string {
  const cell = (paragraphs: readonly string[]): string => `<w:tc>${paragraphs.map((t) => p(t)).join("") || "<w:p/>"}</w:tc>`;
  return `<w:tbl><w:tblPr/>${rows.map((r) => `<w:tr>${r.map(cell).join("")}</w:tr>`).join("")}</w:tbl>`;
}

export interface LevelSpec {
  format: string;
  text: string;
  start?: number;
  restart?: number;
  style?: string;
}

/** An abstractNum with the given levels (ilvl 0, 1, …). */
export function abstractNum(id: number, levels: readonly LevelSpec[]): string {
  const lvl = (l: LevelSpec, i: number): string =>
    `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.format}"/>${l.restart === undefined ? "" : `<w:lvlRestart w:val="${l.restart}"/>`}${l.style === undefined ? "" : `<w:pStyle w:val="${l.style}"/>`}<w:lvlText w:val="${escape(l.text)}"/></w:lvl>`;
  return `<w:abstractNum w:abstractNumId="${id}">${levels.map(lvl).join("")}</w:abstractNum>`;
}

/** A w:num; `startOverrides` maps a level to its restart value. */
export function num(numId: number, abstractId: number, startOverrides: Record<number, number> = {}): string {
  const overrides = Object.entries(startOverrides)
    .map(([ilvl, start]) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`)
    .join("");
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}
