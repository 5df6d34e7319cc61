import type { Warning } from "../../schema/document.js";
import type { Page } from "../model.js";
import type { OcrOutcome } from "./index.js";

/**
 * OCR pages as the canonical pages: one block per paragraph, origin `ocr`, with its confidence.
 * Offsets run through the page's OCR text, paragraphs two newlines apart, as `text` joins them.
 */
export function ocrPages(outcome: OcrOutcome): Page[] {
  return outcome.pages.map((result) => {
    let offset = 0;
    const blocks = result.paragraphs.map((p) => {
      const block = { text: p.text, sourceStart: offset, sourceEnd: offset + p.text.length, origin: "ocr" as const, confidence: p.confidence };
      offset = block.sourceEnd + 2;
      return block;
    });
    return { number: result.page, blocks, strategy: "ocr" as const, ocrConfidence: result.confidence };
  });
}

/** `ocr-used` for the pages read by OCR and `ocr-low-confidence` for each page below the threshold. */
export function ocrWarnings(pages: readonly Page[], threshold: number): Warning[] {
  const read = pages.filter((p) => p.strategy === "ocr");
  if (read.length === 0) return [];
  const warnings: Warning[] = [
    {
      code: "ocr-used",
      message: read.length === pages.length ? "the text was read by OCR" : `pages ${read.map((p) => p.number).join(", ")} were read by OCR`,
      span: null,
    },
  ];
  for (const page of read) {
    if (page.ocrConfidence !== null && page.ocrConfidence < threshold) {
      warnings.push({
        code: "ocr-low-confidence",
        message: `OCR read page ${page.number} with confidence ${page.ocrConfidence.toFixed(2)}, below ${threshold}: check its fields`,
        span: null,
      });
    }
  }
  return warnings;
}
