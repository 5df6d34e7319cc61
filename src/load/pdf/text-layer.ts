import type { PDFPageProxy, TextItem } from "pdfjs-dist/types/src/display/api.js";
import type { LegacyEncoding } from "../encodings/index.js";
import type { PdfItem } from "./lines.js";

/** The legacy-encoding API (src/load/encodings), passed in so tests can stand in for the tables. */
export interface LegacyDecoder {
  encodingOfFont(fontName: string): { encoding: LegacyEncoding; upperCase: boolean } | null;
  decodeLegacy(text: string, encoding: LegacyEncoding, options: { upperCase?: boolean }): string;
  detectLegacyEncoding(text: string): LegacyEncoding | null;
}

export interface PageText {
  items: PdfItem[];
  /** Page size in the items' units (points), after the page's rotation. */
  width: number;
  height: number;
  /** Legacy encodings converted on this page. */
  encodings: LegacyEncoding[];
}

/** Text a legacy font gives through pdf.js: its byte codes as Windows-1252 characters, nothing beyond. */
const LEGACY_BYTES = /^[\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]*$/u;

/** BaseFont names in the file's uncompressed objects: enough to tell whether any legacy font is used at all. */
export function baseFontNames(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return [...new Set([...text.matchAll(/\/BaseFont\s*\/([^\s/[\]<>(){}%]+)/g)].map((m) => stripSubset(m[1]!)))];
}

/** "ABCDEF+.VnTime" → ".VnTime": the subset tag says nothing about the encoding. */
function stripSubset(name: string): string {
  return name.replace(/^[A-Z]{6}\+/, "");
}

/**
 * The page's text runs in page coordinates (y down, rotation applied). Runs in a legacy
 * Vietnamese font (.VnTime: TCVN3, VNI-Times: VNI) are converted by font name. Font names cost
 * an operator list (pdf.js only resolves fonts when drawing), so they are looked up only where
 * the file names a legacy font or the page's text looks legacy-encoded.
 */
export async function readPageText(page: PDFPageProxy, legacy: LegacyDecoder, fileHasLegacyFont: boolean): Promise<PageText> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const raw = content.items.filter((i): i is TextItem => "str" in i);
  const rawText = raw.map((i) => i.str).join(" ");
  const fonts = fileHasLegacyFont || legacy.detectLegacyEncoding(rawText) !== null ? await fontNames(page, Object.keys(content.styles)) : new Map<string, string>();
  const encodings = new Set<LegacyEncoding>();
  const items = raw.map((item): PdfItem => {
    const [x, y] = viewport.convertToViewportPoint(item.transform[4], item.transform[5]) as [number, number];
    const size = Math.hypot(item.transform[2], item.transform[3]) || item.height;
    const fontName = fonts.get(item.fontName);
    const encoding = fontName === undefined ? null : legacy.encodingOfFont(fontName);
    let str = item.str;
    // A producer may already have mapped a legacy font to Unicode (ToUnicode): decoding again would garble it.
    if (encoding && LEGACY_BYTES.test(str)) {
      str = legacy.decodeLegacy(str, encoding.encoding, { upperCase: encoding.upperCase });
      encodings.add(encoding.encoding);
    }
    return { str, x, y, width: item.width, size };
  });
  return { items, width: viewport.width, height: viewport.height, encodings: [...encodings] };
}

/** pdf.js font ids (`g_d0_f1`) → the fonts' names, once the page's fonts are resolved. */
async function fontNames(page: PDFPageProxy, ids: readonly string[]): Promise<Map<string, string>> {
  await page.getOperatorList();
  const names = new Map<string, string>();
  const objs = page.commonObjs as unknown as { has(id: string): boolean; get(id: string): { name?: string } | null };
  for (const id of ids) {
    if (!objs.has(id)) continue;
    const font = objs.get(id);
    if (typeof font?.name === "string") names.set(id, stripSubset(font.name));
  }
  return names;
}
