import { z } from "zod";

/**
 * The canonical intermediate document. Every loader (plain text today; DOCX, PDF and OCR next)
 * produces this shape, so nothing after the load stage knows which format a document came in.
 */
export const blockSchema = z.object({
  text: z.string(),
  /** Offsets of the block in the decoded source text (or the loader's own text stream). */
  sourceStart: z.number().int().nonnegative(),
  sourceEnd: z.number().int().nonnegative(),
  origin: z.enum(["text", "text-layer", "ocr"]),
  /** OCR confidence 0..1 where the text came from OCR. */
  confidence: z.number().min(0).max(1).nullable(),
});
export type Block = z.infer<typeof blockSchema>;

export const pageSchema = z.object({
  number: z.number().int().positive(),
  blocks: z.array(blockSchema),
});
export type Page = z.infer<typeof pageSchema>;

export const loadedDocumentSchema = z.object({
  fileName: z.string().nullable(),
  mediaType: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  encoding: z.string(),
  strategy: z.enum(["text", "text-layer", "ocr", "mixed"]),
  pages: z.array(pageSchema).min(1),
});
export type LoadedDocument = z.infer<typeof loadedDocumentSchema>;
