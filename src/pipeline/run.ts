// STUB — replaced by the real pipeline shortly.
import type { VanbanDocument } from "../schema/document.js";
import type { PipelineConfig } from "./config.js";

export interface ExtractOptions {
  fileName?: string | null;
  mediaType?: string;
}
export interface ExtractBytesOptions {
  fileName?: string | null;
  config?: PipelineConfig;
}
/** Extracts a document from text. Never throws for any string. */
export function extract(_text: string, _options: ExtractOptions = {}): VanbanDocument {
  throw new Error("not yet");
}
/** Decodes bytes (UTF-8/UTF-16/legacy) and extracts. Throws VanbanError (empty, binary, too-large). */
export function extractBytes(_bytes: Uint8Array, _options: ExtractBytesOptions = {}): VanbanDocument {
  throw new Error("not yet");
}
