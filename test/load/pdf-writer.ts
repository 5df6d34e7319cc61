/**
 * A minimal PDF writer for tests: text runs at given positions in given fonts, and grey images.
 * Each font maps one-byte codes to any Unicode through a ToUnicode CMap, so a run can hold
 * Vietnamese, combining marks or private-use bullets without embedding a font file; every glyph
 * advances half an em (combining marks: none, spaces: a quarter em), so positions are exact.
 */
export interface Run {
  text: string;
  /** Left end and baseline in points, y measured from the bottom of the page as PDF does. */
  x: number;
  y: number;
  size?: number;
  font?: string;
  /**
   * Draw each glyph as its own run, combining marks with an advance of their own: what a font
   * with spacing mark glyphs does to text typed in decomposed Unicode (pdf.js then sees a gap
   * after each mark).
   */
  split?: boolean;
}

export interface PageSpec {
  runs?: Run[];
  /** A grey image (one byte a pixel) drawn at the given box. */
  image?: { width: number; height: number; pixels: Uint8Array; box: [number, number, number, number] };
  width?: number;
  height?: number;
}

const A4: [number, number] = [595, 842];
/** Codes from "!" on: pdf.js drops control codes, and takes code 32 for a word space. */
const FIRST_CODE = 33;
/** Advance of a combining mark drawn as its own glyph in a split run. */
const SPACING_MARK = 300;

export function writePdf(pages: readonly PageSpec[], options: { count?: number } = {}): Uint8Array {
  const fonts = new Map<string, string[]>();
  const codeOf = (font: string, ch: string): number => {
    const chars = fonts.get(font) ?? [];
    fonts.set(font, chars);
    let code = chars.indexOf(ch);
    if (code < 0) {
      chars.push(ch);
      code = chars.length - 1;
    }
    if (code >= FIRST_CODE - 1 + 200) throw new Error(`test font ${font} has more than 200 characters`);
    return code + FIRST_CODE;
  };
  const advance = (ch: string): number => (/\p{M}/u.test(ch) ? 0 : ch === " " ? 250 : 500);

  const contents = pages.map((page) => {
    let ops = "";
    if (page.image) {
      const [x, y, w, h] = page.image.box;
      ops += `q ${w} 0 0 ${h} ${x} ${y} cm /Im0 Do Q\n`;
    }
    for (const run of page.runs ?? []) {
      const font = run.font ?? "Helvetica";
      const size = run.size ?? 12;
      const chars = [...run.text];
      const pen = (i: number): number => chars.slice(0, i).reduce((s, p) => s + (/\p{M}/u.test(p) ? SPACING_MARK : advance(p)), 0);
      const pieces = run.split ? chars.map((c, i) => ({ text: c, at: pen(i) })) : [{ text: run.text, at: 0 }];
      for (const piece of pieces) {
        const hex = [...piece.text].map((c) => codeOf(font, c).toString(16).padStart(2, "0")).join("");
        ops += `BT /${fontKey(font)} ${size} Tf ${run.x + (piece.at * size) / 1000} ${run.y} Td <${hex}> Tj ET\n`;
      }
    }
    return ops;
  });

  const objects: (string | Uint8Array)[] = [];
  const add = (body: string | Uint8Array): number => objects.push(body);
  const stream = (dict: string, data: string | Uint8Array): Uint8Array => {
    const bytes = typeof data === "string" ? Buffer.from(data, "latin1") : data;
    return Buffer.concat([Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, "latin1"), bytes, Buffer.from("\nendstream", "latin1")]);
  };

  const catalog = add("");
  const tree = add("");
  const fontRefs: string[] = [];
  for (const [name, chars] of fonts) {
    const bf = chars.map((c, i) => `<${(i + FIRST_CODE).toString(16).padStart(2, "0")}> <${utf16Hex(c)}>`);
    const blocks: string[] = [];
    for (let i = 0; i < bf.length; i += 100) blocks.push(`${bf.slice(i, i + 100).length} beginbfchar\n${bf.slice(i, i + 100).join("\n")}\nendbfchar`);
    const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n${blocks.join("\n")}\nendcmap CMapName currentdict /CMap defineresource pop end end`;
    const toUnicode = add(stream("", cmap));
    const widths = chars.map(advance).join(" ");
    const font = add(`<< /Type /Font /Subtype /Type1 /BaseFont /${name} /FirstChar ${FIRST_CODE} /LastChar ${FIRST_CODE + chars.length - 1} /Widths [${widths}] /Encoding << /Differences [${FIRST_CODE} ${chars.map(() => "/a").join(" ")}] >> /ToUnicode ${toUnicode} 0 R >>`);
    fontRefs.push(`/${fontKey(name)} ${font} 0 R`);
  }
  const pageRefs: number[] = [];
  pages.forEach((page, i) => {
    const [w, h] = [page.width ?? A4[0], page.height ?? A4[1]];
    let xobjects = "";
    if (page.image) {
      const img = add(stream(`/Type /XObject /Subtype /Image /Width ${page.image.width} /Height ${page.image.height} /ColorSpace /DeviceGray /BitsPerComponent 8`, page.image.pixels));
      xobjects = `/XObject << /Im0 ${img} 0 R >>`;
    }
    const content = add(stream("", contents[i]!));
    pageRefs.push(add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /Font << ${fontRefs.join(" ")} >> ${xobjects} >> /Contents ${content} 0 R >>`));
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${tree} 0 R >>`;
  objects[tree - 1] = `<< /Type /Pages /Kids [${pageRefs.map((r) => `${r} 0 R`).join(" ")}] /Count ${options.count ?? pageRefs.length} >>`;

  const chunks: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), typeof body === "string" ? Buffer.from(body, "latin1") : body, Buffer.from("\nendobj\n", "latin1")]);
    offsets.push(offset);
    offset += chunk.length;
    chunks.push(chunk);
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`, "latin1"));
  return new Uint8Array(Buffer.concat(chunks));
}

function fontKey(name: string): string {
  return `F${Buffer.from(name).toString("hex").slice(0, 16)}`;
}

function utf16Hex(ch: string): string {
  return Buffer.from(ch, "utf16le").swap16().toString("hex").toUpperCase();
}
