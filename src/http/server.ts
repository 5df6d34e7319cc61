import type { AddressInfo } from "node:net";
import multipart from "@fastify/multipart";
import Fastify, { type FastifyError } from "fastify";
import { z } from "zod";
import { packageVersion } from "../package-root.js";
import { defaultPipeline, type PipelineConfig } from "../pipeline/config.js";
import type { VanbanQueue } from "../queue/queue.js";
import { embeddedExtractor, queueExtractor, type Extractor } from "../review/extractors.js";
import { Library } from "../review/library.js";
import { bearerGuard } from "./auth.js";
import { ApiError, codeOfStatus } from "./errors.js";
import { openApiDocument } from "./openapi.js";
import { PAGE_SECURITY_HEADERS, pageFiles } from "./page.js";
import { registerApi } from "./routes.js";

export const serveOptionsSchema = z
  .object({
    archiveDir: z.string().min(1),
    token: z.string().min(1).describe("the bearer token write routes need"),
    host: z.string().min(1).default("127.0.0.1"),
    port: z.number().int().min(0).max(65_535).default(8080),
    /** Files in one upload request; each may be up to the pipeline's maxBytes. */
    maxFilesPerRequest: z.number().int().positive().default(20),
    /**
     * Upload bytes held at once, waiting or being extracted: past it, uploads are answered 503
     * with Retry-After until the backlog drains, so a burst cannot exhaust memory.
     */
    maxPendingBytes: z.number().int().positive().default(1 << 30),
    /** Extract threads of the embedded pipeline (default: one per core). */
    workers: z.number().int().positive().optional(),
  })
  .strict();
export type ServeOptions = z.input<typeof serveOptionsSchema>;

export interface RunningServer {
  url: string;
  library: Library;
  /** Stops taking requests, finishes the jobs in hand and releases the archive. */
  close(): Promise<void>;
}


/**
 * The HTTP server: the review page and the API over one Library. Embedded by default; given a
 * queue, uploads are extracted by `vanban worker` processes and collected into the archive here.
 */
export async function startServer(options: ServeOptions, context: { config?: PipelineConfig; queue?: VanbanQueue; extractor?: Extractor } = {}): Promise<RunningServer> {
  const settings = serveOptionsSchema.parse(options);
  const config = context.config ?? defaultPipeline();
  const extractor = context.extractor ?? (context.queue === undefined ? embeddedExtractor(config, settings.workers) : queueExtractor(context.queue));
  let library: Library;
  try {
    library = await Library.open({ archiveDir: settings.archiveDir, extractor });
  } catch (error) {
    await extractor.close();
    throw error;
  }

  const app = Fastify({ logger: false, bodyLimit: 1 << 20, return503OnClosing: true });
  app.addHook("onSend", async (_request, reply) => {
    reply.header("x-content-type-options", "nosniff");
  });
  app.setErrorHandler((error: FastifyError | ApiError, _request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(error.body());
    const status = typeof error.statusCode === "number" && error.statusCode >= 400 ? error.statusCode : 500;
    const message = status === 500 ? `internal error: ${error.message}` : error.code === "FST_REQ_FILE_TOO_LARGE" ? `a file is over the limit of ${config.limits.maxBytes} bytes` : error.message;
    return reply.code(status).send(new ApiError(status, codeOfStatus(status), message).body());
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send(new ApiError(404, "not-found", `no route ${request.method} ${request.url.split("?")[0]}`).body()));

  await app.register(multipart, {
    limits: { fileSize: config.limits.maxBytes, files: settings.maxFilesPerRequest, fields: 10, fieldSize: 1024, parts: settings.maxFilesPerRequest + 10, headerPairs: 200 },
  });
  for (const file of pageFiles()) {
    app.get(file.path, async (_request, reply) => reply.headers(PAGE_SECURITY_HEADERS).type(file.type).send(file.body));
  }
  // Made at the first request for it: turning every schema into JSON Schema is start-up time most runs never need.
  let openapi: unknown;
  registerApi(app, { library, guard: bearerGuard(settings.token), openapi: () => (openapi ??= openApiDocument(packageVersion())), maxPendingBytes: settings.maxPendingBytes });

  try {
    await app.listen({ host: settings.host, port: settings.port });
  } catch (error) {
    await library.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${address.port}`,
    library,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await library.close();
      })()),
  };
}
