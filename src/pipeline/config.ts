import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { packageRoot } from "../package-root.js";

export const STAGES = ["load", "normalise", "segment", "extract", "validate"] as const;

/** A pipeline definition (`pipelines/*.json`): which stages run, with which limits and strategy. */
export const pipelineConfigSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    stages: z
      .array(z.enum(STAGES))
      .min(1)
      .refine((s) => s.every((stage, i) => STAGES.indexOf(stage) >= (i === 0 ? 0 : STAGES.indexOf(s[i - 1]!))), {
        message: `stages must keep the order ${STAGES.join(" → ")}`,
      })
      .refine((s) => s.includes("load") && s.includes("extract"), { message: "a pipeline needs load and extract" }),
    strategy: z.enum(["auto", "text", "ocr"]).describe("text layer, OCR, or OCR only where a page has no usable text"),
    limits: z
      .object({
        maxBytes: z.number().int().positive().describe("largest input file accepted"),
        maxPages: z.number().int().positive().describe("most pages a PDF or image may have"),
        maxDecompressedBytes: z
          .number()
          .int()
          .positive()
          .describe("most bytes the parts of a DOCX may unpack to (zip bombs stop here)"),
        stageTimeoutMs: z.number().int().positive().describe("longest a document's load stage may run"),
        maxHeapMb: z.number().int().positive().describe("heap of the thread that reads a binary format (PDF, DOCX, images)"),
        ocrPageTimeoutMs: z.number().int().positive().describe("longest OCR may spend on one page"),
      })
      .strict(),
    ocr: z
      .object({
        engine: z
          .enum(["auto", "tesseract", "tesseract.js"])
          .describe("auto: the system tesseract when installed (faster), else tesseract.js with the npm model"),
        language: z.string().min(1).describe("tesseract language code(s), e.g. vie or vie+eng"),
        workers: z.number().int().nonnegative().describe("pages read at once; 0 = one per core"),
        minPageChars: z
          .number()
          .int()
          .nonnegative()
          .describe("auto strategy: a page with fewer usable letters in its text layer is OCR'd"),
        lowConfidence: z.number().min(0).max(1).describe("mean page confidence below which a warning is given"),
      })
      .strict(),
  })
  .strict();
export type PipelineConfig = z.infer<typeof pipelineConfigSchema>;

/** Reads and validates a pipeline definition; an invalid one stops start-up with zod's reasons. */
export function loadPipeline(path: string = join(packageRoot(), "pipelines", "default.json")): PipelineConfig {
  const raw: unknown = JSON.parse(readFileSync(path, "utf8"));
  const parsed = pipelineConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`invalid pipeline definition ${path}:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

let cached: PipelineConfig | undefined;
export function defaultPipeline(): PipelineConfig {
  cached ??= loadPipeline();
  return cached;
}
