import { OPS, Util } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";
import type { OcrImage } from "../ocr/index.js";
import type { OpenPdf } from "./document.js";

/** Scans are read at 300 dpi: tesseract's sweet spot for body text. */
const OCR_DPI = 300;
/** A rendered page is kept under this many pixels (a poster-sized page would otherwise take gigabytes). */
const MAX_RENDER_PIXELS = 40_000_000;
/** An image covering this share of the page is the page. */
const FULL_PAGE = 0.85;

type Matrix = [number, number, number, number, number, number];

/** The images a page draws: each one's name and the share of the page it covers. */
async function paintedImages(page: PDFPageProxy): Promise<{ name: string; share: number }[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const view = page.view;
  const pageArea = Math.abs((view[2]! - view[0]!) * (view[3]! - view[1]!));
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const painted: { name: string; share: number }[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args as Matrix) as Matrix;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      // Images are drawn into the unit square: the matrix's determinant is the area covered.
      const area = Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
      painted.push({ name: typeof args[0] === "string" ? args[0] : "", share: area / pageArea });
    }
  }
  return painted;
}

/** Whether a page draws any image: a sparse text layer over an image may be a scan with a stamp's words. */
export async function drawsImage(page: PDFPageProxy): Promise<boolean> {
  return (await paintedImages(page)).length > 0;
}

/**
 * The image a page is made of, when it is one: a scan wrapped in a PDF draws one image over the
 * whole page. Null when the page draws several images, a small one, or none.
 */
async function fullPageImageName(page: PDFPageProxy): Promise<string | null> {
  const painted = await paintedImages(page);
  const only = painted.length === 1 ? painted[0]! : null;
  return only && only.name !== "" && only.share >= FULL_PAGE ? only.name : null;
}

/**
 * Page images for OCR: the embedded scan itself where a page is one full-page image (pdf-parse
 * hands it back as PNG), else the page rendered at 300 dpi.
 */
export async function pageImages(pdf: OpenPdf, pages: readonly number[]): Promise<OcrImage[]> {
  const out: OcrImage[] = [];
  for (const number of pages) {
    const page = await pdf.document.getPage(number);
    const name = await fullPageImageName(page);
    let bytes: Uint8Array | null = null;
    if (name !== null) {
      // pdf-parse converts only some pixel layouts; for any other, the rendered page will do.
      const result = await pdf.parser.getImage({ partial: [number], imageThreshold: 0, imageBuffer: true, imageDataUrl: false }).catch(() => null);
      const image = result?.pages[0]?.images.find((i) => i.name === name);
      if (image && image.data.length > 0) bytes = image.data;
    }
    if (bytes === null) {
      const { width, height } = page.getViewport({ scale: 1 });
      const scale = Math.min(OCR_DPI / 72, Math.sqrt(MAX_RENDER_PIXELS / Math.max(1, width * height)));
      const shot = await pdf.parser.getScreenshot({ partial: [number], scale, imageBuffer: true, imageDataUrl: false });
      bytes = shot.pages[0]?.data ?? new Uint8Array();
    }
    page.cleanup();
    out.push({ page: number, bytes, mediaType: "image/png" });
  }
  return out;
}
