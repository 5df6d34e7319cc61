import { z } from "zod";
import { candidateSchema, edgeSchema, nodeSchema } from "../graph/derive.js";
import { correctionSchema, reviewedDocumentSchema } from "../review/corrections.js";
import { citationLinkSchema, jobSchema } from "../review/library.js";

/** The shapes of the API's answers and parameters: the routes check against them, and the OpenAPI document is made from them. */

export const uploadResponseSchema = z.object({ jobs: z.array(jobSchema) }).describe("One job per uploaded file, in the order sent");
export const jobsResponseSchema = z.object({ jobs: z.array(jobSchema) }).describe("This server's jobs, newest first");
export const correctionResponseSchema = z.object({ correction: correctionSchema, document: reviewedDocumentSchema });
export const linksResponseSchema = z.object({ links: z.array(citationLinkSchema) }).describe("One per citation, in the document's order");

export const idParamsSchema = z.object({ id: z.string().min(1) });
export const docParamsSchema = z.object({ doc: z.string().min(1).describe("a document id, node id, number (20-CT/TW), type and serial (Chỉ thị 20) or a Luật's name") });
export const documentViewSchema = z.object({ view: z.enum(["reviewed", "machine"]).default("reviewed").describe("machine: as extracted, no corrections applied") }).strict();

export const citesResponseSchema = z.object({ node: nodeSchema, edges: z.array(edgeSchema), candidates: z.array(candidateSchema) });
export const chainQuerySchema = z.object({ direction: z.enum(["up", "down"]).default("up"), depth: z.coerce.number().int().min(1).max(20).default(5) }).strict();
export const chainResponseSchema = z.object({
  node: nodeSchema,
  direction: z.enum(["up", "down"]),
  steps: z.array(z.object({ depth: z.number().int().positive(), node: nodeSchema, via: edgeSchema })),
});
export const pathQuerySchema = z.object({ from: z.string().min(1), to: z.string().min(1) }).strict();
export const pathResponseSchema = z.object({
  from: nodeSchema,
  to: nodeSchema,
  steps: z.array(z.object({ node: nodeSchema, direction: z.enum(["cites", "cited-by"]), edge: edgeSchema })).nullable().describe("null: no connection"),
});
export const limitQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(20) }).strict();
export const rankedResponseSchema = z.array(z.object({ node: nodeSchema, citingDocuments: z.number().int().nonnegative(), candidates: z.array(candidateSchema) }));
export const graphExportQuerySchema = z.object({ format: z.enum(["json", "graphml", "dot"]).default("json") }).strict();
export const statusResponseSchema = z.object({
  status: z.literal("ok"),
  extractor: z.enum(["embedded", "queue"]),
  documents: z.number().int().nonnegative(),
  jobs: z.object({ queued: z.number().int(), running: z.number().int(), done: z.number().int(), failed: z.number().int() }),
});
