import { VanbanError } from "../errors.js";
import type { PipelineConfig } from "../pipeline/config.js";
import { docFormat } from "./formats/doc.js";
import { docxFormat } from "./formats/docx.js";
import { imageFormat } from "./formats/image.js";
import { pdfFormat } from "./formats/pdf.js";
import { textFormat } from "./formats/text.js";
import type { LoadedDocument } from "./model.js";

/** What a loader is given besides the bytes. */
export interface LoadContext {
  fileName: string | null;
  config: PipelineConfig;
  /** sha256 of the bytes, computed once by the caller. */
  sha256: string;
}

/**
 * One entry per file format (Unstructured's registry): how to recognise its bytes and how to
 * turn them into the canonical document. Detection goes by content, never by file name.
 */
export interface Format {
  id: LoadedDocument["format"];
  /** For people: named in the error an unknown format gets. */
  label: string;
  mediaTypes: readonly string[];
  extensions: readonly string[];
  /** Whether these bytes are this format (magic bytes, container entries). Cheap: reads a few kB. */
  detect(bytes: Uint8Array): boolean;
  load(bytes: Uint8Array, context: LoadContext): Promise<LoadedDocument>;
}

/** Detection order matters: containers and magic numbers first, text (which accepts anything readable) last. */
export const FORMATS: readonly Format[] = [pdfFormat, docxFormat, docFormat, imageFormat, textFormat];

export function supportedFormats(): string {
  return FORMATS.map((f) => `${f.label} (${f.extensions.join(", ")})`).join("; ");
}

/** The format of these bytes. Containers we recognise but cannot read get a typed refusal here. */
export function detectFormat(bytes: Uint8Array, fileName: string | null = null): Format {
  for (const format of FORMATS) if (format.detect(bytes)) return format;
  throw new VanbanError("unsupported-format", `not a format vanban reads; it reads ${supportedFormats()}`, { file: fileName });
}

export function formatById(id: Format["id"]): Format {
  const format = FORMATS.find((f) => f.id === id);
  if (format === undefined) throw new Error(`no format ${id} in the registry`);
  return format;
}
