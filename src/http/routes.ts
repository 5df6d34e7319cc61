import { Readable } from "node:stream";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type {} from "@fastify/multipart";
import { exportDot, exportGraphml, exportJson } from "../graph/export.js";
import type { ReferenceGraph } from "../graph/graph.js";
import { chain, findNodes, missing, path, top } from "../graph/queries.js";
import type { GraphNode } from "../graph/derive.js";
import { CorrectionError, correctionRequestSchema } from "../review/corrections.js";
import type { Library } from "../review/library.js";
import { searchQuerySchema } from "../review/search.js";
import { ApiError, parseOrBadRequest } from "./errors.js";
import {
  chainQuerySchema,
  docParamsSchema,
  documentViewSchema,
  graphExportQuerySchema,
  idParamsSchema,
  limitQuerySchema,
  pathQuerySchema,
} from "./schemas.js";

export interface ApiOptions {
  library: Library;
  guard: (request: FastifyRequest) => Promise<void>;
  openapi: () => unknown;
  maxPendingBytes: number;
}

/** The client's name for a file, as metadata only: its last path segment, no control characters, bounded. */
export function clientFileName(name: string | undefined): string {
  const last = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = last.normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 255);
  return clean === "" || clean === "." || clean === ".." ? "upload" : clean;
}

const notFound = (what: string): ApiError => new ApiError(404, "not-found", what);
function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw notFound(what);
  return value;
}

/** The one node a typed `doc` names: 404 for none, 409 listing them for several. */
function oneNode(graph: ReferenceGraph, typed: string): GraphNode {
  const found = findNodes(graph, typed);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw notFound(`no document in the graph matches '${typed}'`);
  throw new ApiError(409, "ambiguous", `'${typed}' may mean ${found.length} documents; name one by its id`, found);
}

export function registerApi(app: FastifyInstance, { library, guard, openapi, maxPendingBytes }: ApiOptions): void {
  app.get("/api/openapi.json", async () => openapi());

  app.get("/api/status", async () => {
    return { status: "ok", extractor: library.extractorKind, documents: await library.documentCount(), jobs: library.jobCounts() };
  });

  app.post("/api/documents", { preHandler: guard }, async (request, reply) => {
    if (!request.isMultipart()) throw new ApiError(415, "unsupported-media-type", "send the files as multipart/form-data, each in a field named 'file'");
    // Judged before a byte is read: an upload that would pass the budget waits for the backlog, however small.
    const incoming = Number(request.headers["content-length"] ?? 0);
    if (library.pendingBytes > 0 && library.pendingBytes + incoming > maxPendingBytes) {
      void reply.header("retry-after", "5");
      throw new ApiError(503, "busy", `the server holds ${library.pendingBytes} bytes of uploads not yet extracted; try again shortly`);
    }
    const uploads: { bytes: Buffer; fileName: string }[] = [];
    // Every file is read (within the size limit) before any job starts: a request refused half-way starts nothing.
    for await (const part of request.parts()) {
      if (part.type !== "file") continue;
      if (part.fieldname !== "file") {
        part.file.resume();
        throw new ApiError(400, "bad-request", `unexpected file field '${part.fieldname}': send files in fields named 'file'`);
      }
      uploads.push({ bytes: await part.toBuffer(), fileName: clientFileName(part.filename) });
    }
    if (uploads.length === 0) throw new ApiError(400, "bad-request", "no file: send one or more files in multipart fields named 'file'");
    const jobs = uploads.map((upload) => library.submit(upload.bytes, upload.fileName));
    return reply.code(202).send({ jobs });
  });

  app.get("/api/jobs", async () => ({ jobs: library.jobs() }));

  app.get("/api/jobs/:id", async (request) => {
    const { id } = parseOrBadRequest(idParamsSchema, request.params, "path");
    return found(library.job(id), `no job ${id} on this server (jobs are kept while it runs)`);
  });

  app.get("/api/documents", async (request) => library.search(parseOrBadRequest(searchQuerySchema, request.query, "query")));

  app.get("/api/documents/:id", async (request) => {
    const { id } = parseOrBadRequest(idParamsSchema, request.params, "path");
    const { view } = parseOrBadRequest(documentViewSchema, request.query, "query");
    return found(await library.document(id, view), `no document ${id} in the archive`);
  });

  app.get("/api/documents/:id/links", async (request) => {
    const { id } = parseOrBadRequest(idParamsSchema, request.params, "path");
    return { links: found(await library.links(id), `no document ${id} in the archive`) };
  });

  app.post("/api/documents/:id/corrections", { preHandler: guard }, async (request, reply) => {
    const { id } = parseOrBadRequest(idParamsSchema, request.params, "path");
    const body = parseOrBadRequest(correctionRequestSchema, request.body, "body");
    try {
      const made = found(await library.correct(id, body, "unknown"), `no document ${id} in the archive`);
      return await reply.code(201).send(made);
    } catch (error) {
      if (error instanceof CorrectionError) throw new ApiError(400, "bad-request", error.message);
      throw error;
    }
  });

  app.get("/api/export.ndjson", async (_request, reply) => reply.type("application/x-ndjson; charset=utf-8").send(Readable.from(library.exportLines())));

  app.get("/api/corrections.ndjson", async (_request, reply) =>
    reply.type("application/x-ndjson; charset=utf-8").send(library.allCorrections().map((c) => `${JSON.stringify(c)}\n`).join("")),
  );

  app.get("/api/graph/cites/:doc", async (request) => citesOrCitedBy(await library.graph(), parseOrBadRequest(docParamsSchema, request.params, "path").doc, "cites"));
  app.get("/api/graph/cited-by/:doc", async (request) => citesOrCitedBy(await library.graph(), parseOrBadRequest(docParamsSchema, request.params, "path").doc, "cited-by"));

  app.get("/api/graph/chain/:doc", async (request) => {
    const { doc } = parseOrBadRequest(docParamsSchema, request.params, "path");
    const { direction, depth } = parseOrBadRequest(chainQuerySchema, request.query, "query");
    const graph = await library.graph();
    const node = oneNode(graph, doc);
    return { node, direction, steps: chain(graph, node.id, direction, depth) };
  });

  app.get("/api/graph/path", async (request) => {
    const query = parseOrBadRequest(pathQuerySchema, request.query, "query");
    const graph = await library.graph();
    const from = oneNode(graph, query.from);
    const to = oneNode(graph, query.to);
    return { from, to, steps: path(graph, from.id, to.id) };
  });

  app.get("/api/graph/missing", async (request) => missing(await library.graph(), parseOrBadRequest(limitQuerySchema, request.query, "query").limit));
  app.get("/api/graph/top", async (request) => top(await library.graph(), parseOrBadRequest(limitQuerySchema, request.query, "query").limit));

  app.get("/api/graph/export", async (request, reply) => {
    const { format } = parseOrBadRequest(graphExportQuerySchema, request.query, "query");
    const data = (await library.graph()).data;
    const types = { json: "application/json", graphml: "application/graphml+xml", dot: "text/vnd.graphviz" } as const;
    const text = { json: exportJson, graphml: exportGraphml, dot: exportDot }[format](data);
    return reply.type(`${types[format]}; charset=utf-8`).send(text);
  });
}

function citesOrCitedBy(graph: ReferenceGraph, typed: string, which: "cites" | "cited-by") {
  const node = oneNode(graph, typed);
  return { node, edges: which === "cites" ? graph.cites(node.id) : graph.citedBy(node.id), candidates: graph.candidates(node.id) };
}
