import { z } from "zod";
import { sourceSchema, warningSchema } from "../schema/document.js";

/**
 * The canonical intermediate document. Every loader (text, DOCX, .doc, PDF, OCR) produces this
 * shape, so nothing after the load stage knows which format a document came in.
 */
export const blockSchema = z.object({
  text: z.string(),
  /** Offsets of the block in the loader's own text stream (decoded text, DOCX body, page text). */
  sourceStart: z.number().int().nonnegative(),
  sourceEnd: z.number().int().nonnegative(),
  origin: z.enum(["text", "text-layer", "ocr"]),
  /** OCR confidence 0..1 where the text came from OCR. */
  confidence: z.number().min(0).max(1).nullable(),
});
export type Block = z.infer<typeof blockSchema>;

export const pageStrategySchema = z.enum(["text", "text-layer", "ocr"]);
export type PageStrategy = z.infer<typeof pageStrategySchema>;

export const pageSchema = z.object({
  number: z.number().int().positive(),
  blocks: z.array(blockSchema),
  /** How this page's text was obtained: a text file or Word body, a PDF text layer, or OCR. */
  strategy: pageStrategySchema.default("text"),
  /** Mean OCR confidence of the page, 0..1; null where no OCR ran. */
  ocrConfidence: z.number().min(0).max(1).nullable().default(null),
});
export type Page = z.infer<typeof pageSchema>;

export const loadedDocumentSchema = z.object({
  fileName: z.string().nullable(),
  /** Registry id of the format that read the bytes: text, docx, doc, pdf, image. */
  format: sourceSchema.shape.format,
  mediaType: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  encoding: z.string(),
  strategy: z.enum(["text", "text-layer", "ocr", "mixed"]),
  /** The OCR engine that read any page (`tesseract 5.3.0`, `tesseract.js 7.0.0`), else null. */
  ocrEngine: z.string().nullable().default(null),
  pages: z.array(pageSchema).min(1),
  /** What the loader noticed but could cope with (a dropped image, a converted legacy font). */
  warnings: z.array(warningSchema).default([]),
});
export type LoadedDocument = z.infer<typeof loadedDocumentSchema>;

/** The document-level strategy from the pages': one kind, or `mixed`. */
export function overallStrategy(pages: readonly Pick<Page, "strategy">[]): LoadedDocument["strategy"] {
  const kinds = new Set(pages.map((p) => p.strategy));
  if (kinds.size === 1) return [...kinds][0]!;
  return kinds.size === 0 ? "text" : "mixed";
}
