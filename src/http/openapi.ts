import { z } from "zod";
import { correctionRequestSchema, correctionSchema, reviewedDocumentSchema } from "../review/corrections.js";
import { jobSchema } from "../review/library.js";
import { searchQuerySchema, searchResultSchema } from "../review/search.js";
import { apiErrorSchema } from "./errors.js";
import {
  chainQuerySchema,
  chainResponseSchema,
  citesResponseSchema,
  correctionResponseSchema,
  docParamsSchema,
  documentViewSchema,
  graphExportQuerySchema,
  jobsResponseSchema,
  limitQuerySchema,
  linksResponseSchema,
  pathQuerySchema,
  pathResponseSchema,
  rankedResponseSchema,
  statusResponseSchema,
  uploadResponseSchema,
} from "./schemas.js";

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
};

/** The components every path refers to by name. */
const COMPONENTS = {
  Document: reviewedDocumentSchema,
  Job: jobSchema,
  Correction: correctionSchema,
  SearchResult: searchResultSchema,
  Error: apiErrorSchema,
} as const;
const ref = (name: keyof typeof COMPONENTS): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

const json = (schema: JsonSchema, description: string) => ({ description, content: { "application/json": { schema } } });
const error = (description: string) => json(ref("Error"), description);
const queryParameters = (schema: z.ZodObject) =>
  Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = schemaOf(field as z.ZodType, "input");
    return { name, in: "query", required: false, schema: fieldSchema, ...(typeof fieldSchema["description"] === "string" ? { description: fieldSchema["description"] } : {}) };
  });
const pathParameter = (name: string, description: string) => ({ name, in: "path", required: true, schema: { type: "string" }, description });
const DOC = pathParameter("doc", docParamsSchema.shape.doc.description!);
const bearer = [{ bearer: [] }];

/**
 * The OpenAPI 3.1 document of the HTTP API, made from the same zod schemas the routes check
 * against. `npm run schema` writes it to schema/openapi.json; a test fails when they drift.
 */
export function openApiDocument(version: string): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "vanban",
      version,
      description: "Upload Vietnamese administrative documents, search the archive, correct extracted fields and follow citations. Write routes need `Authorization: Bearer <VANBAN_TOKEN>`.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "the token given to the server in VANBAN_TOKEN" } },
      schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([name, schema]) => [name, schemaOf(schema)])),
    },
    paths: {
      "/api/documents": {
        post: {
          summary: "Upload one or many files; each becomes a job",
          security: bearer,
          requestBody: {
            required: true,
            content: { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "array", items: { type: "string", format: "binary" } } }, required: ["file"] } } },
          },
          responses: {
            "202": json(schemaOf(uploadResponseSchema), "the jobs, one per file"),
            "400": error("no file field, or an unexpected field"),
            "401": error("no token, or a wrong one"),
            "413": error("a file over the size limit, or too many files"),
            "415": error("not multipart/form-data"),
            "503": error("busy: too many upload bytes wait to be extracted; retry after the Retry-After seconds"),
          },
        },
        get: {
          summary: "Search the archive",
          parameters: queryParameters(searchQuerySchema),
          responses: { "200": json(ref("SearchResult"), "one page of matching documents and the count of all"), "400": error("a parameter out of range") },
        },
      },
      "/api/documents/{id}": {
        get: {
          summary: "A document's JSON, corrections applied",
          parameters: [pathParameter("id", "the document id (vb_…)"), ...queryParameters(documentViewSchema)],
          responses: { "200": json(ref("Document"), "the document"), "404": error("no such document") },
        },
      },
      "/api/documents/{id}/corrections": {
        post: {
          summary: "Correct one field; the machine's value is kept beside it",
          security: bearer,
          parameters: [pathParameter("id", "the document id")],
          requestBody: { required: true, content: { "application/json": { schema: schemaOf(correctionRequestSchema, "input") } } },
          responses: {
            "201": json(schemaOf(correctionResponseSchema), "the correction and the corrected document"),
            "400": error("a field that cannot be corrected, or a value the schema refuses"),
            "401": error("no token, or a wrong one"),
            "404": error("no such document"),
          },
        },
      },
      "/api/documents/{id}/links": {
        get: {
          summary: "Where each citation of the document leads",
          parameters: [pathParameter("id", "the document id")],
          responses: { "200": json(schemaOf(linksResponseSchema), "one link per citation"), "404": error("no such document") },
        },
      },
      "/api/jobs": { get: { summary: "This server's jobs, newest first", responses: { "200": json(schemaOf(jobsResponseSchema), "the jobs") } } },
      "/api/jobs/{id}": {
        get: { summary: "A job's status, and its document id when done", parameters: [pathParameter("id", "the job id (job_…)")], responses: { "200": json(ref("Job"), "the job"), "404": error("no such job") } },
      },
      "/api/export.ndjson": {
        get: { summary: "Every document, corrections applied, one JSON per line", responses: { "200": { description: "NDJSON of Document", content: { "application/x-ndjson": { schema: ref("Document") } } } } },
      },
      "/api/corrections.ndjson": {
        get: { summary: "Every correction ever made, oldest first", responses: { "200": { description: "NDJSON of Correction", content: { "application/x-ndjson": { schema: ref("Correction") } } } } },
      },
      "/api/graph/cites/{doc}": { get: { summary: "What a document cites", parameters: [DOC], responses: graphResponses(citesResponseSchema) } },
      "/api/graph/cited-by/{doc}": { get: { summary: "What cites a document", parameters: [DOC], responses: graphResponses(citesResponseSchema) } },
      "/api/graph/chain/{doc}": {
        get: { summary: "Citations followed up (what it cites) or down (who cites it)", parameters: [DOC, ...queryParameters(chainQuerySchema)], responses: graphResponses(chainResponseSchema) },
      },
      "/api/graph/path": { get: { summary: "The shortest citation path between two documents", parameters: queryParameters(pathQuerySchema), responses: graphResponses(pathResponseSchema) } },
      "/api/graph/missing": { get: { summary: "Cited but not archived, most cited first", parameters: queryParameters(limitQuerySchema), responses: { "200": json(schemaOf(rankedResponseSchema), "ranked nodes") } } },
      "/api/graph/top": { get: { summary: "Most cited, archived or not", parameters: queryParameters(limitQuerySchema), responses: { "200": json(schemaOf(rankedResponseSchema), "ranked nodes") } } },
      "/api/graph/export": {
        get: {
          summary: "The whole graph as JSON, GraphML or DOT",
          parameters: queryParameters(graphExportQuerySchema),
          responses: { "200": { description: "the graph", content: { "application/json": {}, "application/graphml+xml": {}, "text/vnd.graphviz": {} } } },
        },
      },
      "/api/status": { get: { summary: "Whether the server runs, and its counts", responses: { "200": json(schemaOf(statusResponseSchema), "status") } } },
      "/api/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } } } },
    },
  };
}

function graphResponses(schema: z.ZodType) {
  return { "200": json(schemaOf(schema), "the answer"), "404": error("nothing in the graph matches"), "409": error("the query names several documents; `matches` lists them") };
}
