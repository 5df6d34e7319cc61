/**
 * vanban's only public entry. Everything a caller may rely on is exported here; the stage
 * folders are internal.
 */
export { extract, extractBytes, loadBytes, type ExtractOptions, type ExtractBytesOptions } from "./pipeline/run.js";
export { detectFormat, supportedFormats, FORMATS, type Format } from "./load/registry.js";
export { type LoadedDocument, type Page, type Block } from "./load/model.js";
export { loadPipeline, defaultPipeline, pipelineConfigSchema, type PipelineConfig } from "./pipeline/config.js";
export { VanbanError, asFailure, failureSchema, type Failure, type FailureCode } from "./errors.js";
export {
  vanbanDocumentSchema,
  documentJsonSchema,
  SCHEMA_VERSION,
  type VanbanDocument,
  type Citation,
  type Task,
  type Warning,
} from "./schema/document.js";
