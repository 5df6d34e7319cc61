import { VanbanError } from "../../errors.js";
import type { PipelineConfig } from "../../pipeline/config.js";

/** One page image to read: encoded PNG, JPEG or TIFF bytes (an embedded scan, or a rendered page). */
export interface OcrImage {
  page: number;
  bytes: Uint8Array;
  mediaType: string;
}

export interface OcrPageResult {
  page: number;
  /** Lines as the engine reads them, blank lines between paragraphs. */
  text: string;
  /** Mean word confidence 0..1. */
  confidence: number;
}

export interface OcrOutcome {
  /** Engine and version, recorded in the output: `tesseract 5.3.0`, `tesseract.js 7.0.0`. */
  engine: string;
  pages: OcrPageResult[];
}

/**
 * Reads page images with the configured engine, pages in parallel across cores. Rejects with
 * VanbanError `timeout` when a page passes `limits.ocrPageTimeoutMs`.
 */
export async function recognise(
  _images: readonly OcrImage[],
  options: { config: PipelineConfig; fileName: string | null },
): Promise<OcrOutcome> {
  throw new VanbanError("unsupported-format", "OCR is not built yet", { file: options.fileName });
}
