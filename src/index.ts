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
export { ingest, type IngestOptions, type IngestProgress, type IngestSummary } from "./ingest/ingest.js";
export { documentKey, citationKey, type DocumentKey } from "./graph/keys.js";
export { resolveShortForms, DEFAULT_RESOLVERS, type ResolvedShortForm, type Resolvers } from "./graph/short-forms.js";
export { documentFacts, documentFactSchema, type DocumentFact } from "./graph/facts.js";
export { deriveGraph, graphSchema, type GraphData, type GraphNode, type GraphEdge, type CandidateLink } from "./graph/derive.js";
export { FileGraphStore, type GraphStore } from "./graph/store.js";
export { ReferenceGraph } from "./graph/graph.js";
export { findNodes, chain, path, missing, top } from "./graph/queries.js";
export { exportJson, exportGraphml, exportDot, exportNeo4j, type ExportFormat } from "./graph/export.js";
