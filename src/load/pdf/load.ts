import { VanbanError } from "../../errors.js";
import { charClass, isLetter, isWhiteSpace } from "../../text/chars.js";
import type { Warning } from "../../schema/document.js";
import { decodeLegacy, encodingOfFont, legacyEncodingOf } from "../encodings/index.js";
import { containsName } from "../magic.js";
import { overallStrategy, type Block, type LoadedDocument, type Page } from "../model.js";
import { recognise, type OcrOutcome, type OcrParagraph } from "../ocr/index.js";
import type { LoadContext } from "../registry.js";
import { openPdf, pdfError, type OpenPdf } from "./document.js";
import { drawsImage, pageImages } from "./images.js";
import { dropFurniture, joinAcrossPages, paragraphsOf, textBlock, type Paragraph } from "./layout.js";
import { linesOf, type PdfLine } from "./lines.js";
import { baseFontNames, readPageText, type LegacyDecoder } from "./text-layer.js";

/** What the PDF loader calls out to: passed in, so tests run without an OCR engine or encoding tables. */
export interface PdfDependencies {
  recognise: typeof recognise;
  legacy: LegacyDecoder;
}

export const defaultPdfDependencies: PdfDependencies = {
  recognise,
  legacy: { encodingOfFont, decodeLegacy, detectLegacyEncoding: legacyEncodingOf },
};

/** Share of unreadable characters (U+FFFD, private-use glyphs, controls) above which a text layer is garbage. */
const MAX_GARBAGE_SHARE = 0.3;
/** Pages rendered and handed to the OCR engine at once: enough to keep its workers busy. */
const OCR_BATCH = 8;

/** A page's text layer: usable, too few letters to be the page's text, or mostly glyphs without Unicode. */
export function textLayerQuality(text: string, minLetters: number): "usable" | "sparse" | "garbage" {
  // One pass over the code units, for every page of every PDF: three regex replaces cost more
  // than the page's layout. Letters are counted only until there are enough, and in code units,
  // as the regex count this replaced did: a letter beyond the BMP is two.
  let visible = 0;
  let garbage = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII, most of a Vietnamese page, needs no table.
    if (c > 0x20 && c < 0x7f) {
      visible++;
      if (letters < minLetters && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letters++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        visible += 2;
        if (letters < minLetters && ASTRAL_LETTER.test(text.slice(i, i + 2))) letters += 2;
        i++;
        continue;
      }
    }
    if (isGarbage(c)) garbage++;
    if (!isWhiteSpace(c)) visible++;
    if (letters < minLetters && isLetter(c)) letters++;
  }
  if (visible > 0 && garbage / visible > MAX_GARBAGE_SHARE) return "garbage";
  return letters >= minLetters ? "usable" : "sparse";
}

const isGarbage = charClass(/[\ufffd\ue000-\uf8ff\u0000-\u0008\u000b\u000c\u000e-\u001f]/u);
const ASTRAL_LETTER = /^\p{L}$/u;

/**
 * Reads a PDF into the canonical document, one Page per PDF page: the text layer where it is
 * usable, OCR where the strategy asks for it (`ocr`) or (`auto`) the layer is garbage, or has
 * fewer than `ocr.minPageChars` letters over an image. A page without text or image (blank, or
 * text drawn as outlines) is left to the `ocr` strategy. The pdf.js document is always
 * destroyed, whatever happens.
 */
export async function loadPdf(bytes: Uint8Array, context: LoadContext, deps: PdfDependencies = defaultPdfDependencies): Promise<LoadedDocument> {
  const file = context.fileName;
  // pdf.js rebuilds a file cut short from whatever objects survive; a cut file is damaged all the same.
  if (!containsName(bytes, "%%EOF", { limit: 2048 })) {
    throw new VanbanError("corrupt", "the PDF is truncated: it has no %%EOF end marker", { file });
  }
  const pdf = await openPdf(bytes, file);
  try {
    return await readPdf(pdf, bytes, context, deps);
  } catch (error) {
    throw pdfError(error, file);
  } finally {
    await pdf.close();
  }
}

async function readPdf(pdf: OpenPdf, bytes: Uint8Array, context: LoadContext, deps: PdfDependencies): Promise<LoadedDocument> {
  const { config, fileName: file } = context;
  const count = pdf.document.numPages;
  // A PDF whose page tree holds no page parses, but has nothing to read: like an empty text file.
  if (count === 0) throw new VanbanError("empty", "the PDF has no pages", { file });
  if (count > config.limits.maxPages) {
    throw new VanbanError("too-large", `the PDF has ${count} pages, over the limit of ${config.limits.maxPages}`, { file });
  }
  const warnings: Warning[] = [];
  const numbers = Array.from({ length: count }, (_, i) => i + 1);

  const layers: { lines: PdfLine[]; height: number }[] = [];
  const encodings = new Set<string>();
  if (config.strategy !== "ocr") {
    const legacyNamed = baseFontNames(bytes).some((name) => deps.legacy.encodingOfFont(name) !== null);
    for (const n of numbers) {
      const page = await pdf.document.getPage(n);
      const text = await readPageText(page, deps.legacy, legacyNamed);
      page.cleanup();
      text.encodings.forEach((e) => encodings.add(e));
      layers.push({ lines: linesOf(text.items), height: text.height });
    }
  }
  for (const encoding of encodings) {
    warnings.push({ code: "legacy-encoding-converted", message: `text in ${encoding.toUpperCase()} fonts was converted to Unicode`, span: null });
  }

  const toOcr: number[] = [];
  for (const n of numbers) {
    if (config.strategy === "ocr") toOcr.push(n);
    if (config.strategy !== "auto") continue;
    const layer = textLayerQuality(layers[n - 1]!.lines.map((l) => l.text).join("\n"), config.ocr.minPageChars);
    // A sparse layer is worth OCR only over an image: a typed page that holds just a signer's name, or nothing, stays as it is.
    if (layer === "garbage" || (layer === "sparse" && (await drawsImage(await pdf.document.getPage(n))))) toOcr.push(n);
  }
  let ocr = null as OcrOutcome | null;
  // Page images are a few MB each: render and read them a batch at a time, never the whole file at once.
  for (let start = 0; start < toOcr.length; start += OCR_BATCH) {
    const batch = await deps.recognise(await pageImages(pdf, toOcr.slice(start, start + OCR_BATCH)), { config, fileName: file });
    ocr = { engine: ocr?.engine ?? batch.engine, pages: [...(ocr?.pages ?? []), ...batch.pages] };
  }
  if (ocr) warnings.push({ code: "ocr-used", message: `pages read by OCR (${ocr.engine}): ${toOcr.join(", ")}`, span: null });

  const furniture = dropFurniture(layers);
  for (const text of furniture.dropped) warnings.push({ code: "page-furniture-dropped", message: `a line repeated on every page was dropped: "${text}"`, span: null });
  const block = textBlock(furniture.pages.filter((_, i) => !toOcr.includes(i + 1)));
  const notes = { last: 0 };
  const paragraphs: Paragraph[][] = numbers.map((n) => {
    const read = ocr?.pages.find((p) => p.page === n);
    if (toOcr.includes(n)) return read ? ocrParagraphs(read, notes) : [];
    return paragraphsOf(furniture.pages[n - 1] ?? [], block, { first: n === 1, last: n === count });
  });
  joinAcrossPages(paragraphs);

  const pages: Page[] = numbers.map((n) => {
    const fromOcr = toOcr.includes(n);
    const confidence = fromOcr ? (ocr?.pages.find((p) => p.page === n)?.confidence ?? 0) : null;
    if (confidence !== null && confidence < config.ocr.lowConfidence) {
      warnings.push({ code: "ocr-low-confidence", message: `page ${n} was read by OCR with confidence ${confidence.toFixed(2)}`, span: null });
    }
    return {
      number: n,
      blocks: blocksOf(paragraphs[n - 1]!, fromOcr ? "ocr" : "text-layer", confidence),
      strategy: fromOcr ? "ocr" : "text-layer",
      ocrConfidence: confidence,
    };
  });
  if (pages.every((p) => p.blocks.length === 0)) {
    const why = config.strategy === "text" ? "it has no text layer (a scan?) and the strategy is text only" : "no page holds any text";
    throw new VanbanError("empty", `nothing to read in the PDF: ${why}`, { file });
  }
  return {
    fileName: file,
    format: "pdf",
    mediaType: "application/pdf",
    sha256: context.sha256,
    bytes: bytes.length,
    encoding: encodings.size > 0 ? [...encodings].join("+") : "pdf",
    strategy: overallStrategy(pages),
    ocrEngine: ocr?.engine ?? null,
    pages,
    warnings,
  };
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/**
 * An OCR page's paragraphs with their layout, so that joinAcrossPages treats them as it treats a
 * text layer's: a paragraph cut by the page break, a footnote carried over. A lone page number
 * goes (normalise would drop it, but here it would stand between the two halves). A footnote
 * whose raised number OCR could not read takes the next number of the document.
 */
function ocrParagraphs(read: { text: string; paragraphs: readonly OcrParagraph[] }, notes: { last: number }): Paragraph[] {
  if (read.paragraphs.length === 0) return plainOcrParagraphs(read.text);
  return read.paragraphs.flatMap((p): Paragraph[] => {
    const text = p.text.trim();
    if (text === "" || /^[-–—]?\s*\d{1,3}\s*[-–—]?$/u.test(text)) return [];
    const layout = p.layout;
    if (layout === undefined) return [{ text, kind: "body", endSlack: null, flushStart: false, firstWordWidth: 0, size: 0 }];
    let noted = text;
    const mark = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+/u.exec(text)?.[0];
    if (layout.kind === "footnote" && mark !== undefined) {
      if (layout.guessedMark) noted = [...String(notes.last + 1)].map((d) => SUPERSCRIPT[Number(d)]).join("") + text.slice(mark.length);
      notes.last = Number([...(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+/u.exec(noted)![0])].map((c) => SUPERSCRIPT.indexOf(c)).join(""));
    }
    return [{ text: noted, kind: layout.kind, endSlack: layout.endSlack, flushStart: layout.flushStart, firstWordWidth: layout.firstWordWidth, size: layout.size }];
  });
}

/** OCR text is lines with blank lines between paragraphs: each paragraph a block. */
function plainOcrParagraphs(text: string): Paragraph[] {
  return text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .map((t) => ({ text: t, kind: "body", endSlack: null, flushStart: false, firstWordWidth: 0, size: 0 }));
}

/** Blocks with offsets into the page's text: its paragraphs separated by blank lines. */
function blocksOf(paragraphs: readonly Paragraph[], origin: Block["origin"], confidence: number | null): Block[] {
  const blocks: Block[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    blocks.push({ text: p.text, sourceStart: offset, sourceEnd: offset + p.text.length, origin, confidence });
    offset += p.text.length + 2;
  }
  return blocks;
}
