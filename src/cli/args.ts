import { basename, extname } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { exportFormatSchema } from "../graph/export.js";
import { queueConfigSchema, type QueueConfigInput } from "../queue/config.js";

export interface ExtractCommand {
  kind: "extract";
  files: string[];
  outDir: string | null;
  pipelinePath: string | null;
  pretty: boolean;
}

/** Where the queue is: the Redis URL and the queue's settings as given on the command line. */
export interface QueueTarget {
  redis: string;
  queue: QueueConfigInput;
}

export interface IngestCommand {
  kind: "ingest";
  inputs: string[];
  /** Required without --redis; optional with it (the archive is then written when the queue is done). */
  archive: string | null;
  pipelinePath: string | null;
  workers: number | null;
  target: QueueTarget | null;
  detach: boolean;
}

export interface WorkerCommand extends QueueTarget {
  kind: "worker";
  pipelinePath: string | null;
}
export interface StatusCommand extends QueueTarget {
  kind: "status";
  json: boolean;
}
export interface RetryCommand extends QueueTarget {
  kind: "retry";
}

const docArgument = z.string().min(1, "<doc> is empty");
export const graphQuerySchema = z.discriminatedUnion("query", [
  z.object({ query: z.enum(["cites", "cited-by"]), doc: docArgument }),
  z.object({ query: z.literal("chain"), doc: docArgument, direction: z.enum(["up", "down"]), depth: z.number().int().positive() }),
  z.object({ query: z.literal("path"), from: docArgument, to: docArgument }),
  z.object({ query: z.enum(["missing", "top"]), limit: z.number().int().positive() }),
  z.object({ query: z.literal("export"), format: exportFormatSchema, out: z.string().min(1).nullable() }),
]);
export type GraphQuery = z.infer<typeof graphQuerySchema>;

export interface GraphCommand {
  kind: "graph";
  /** The graph is read from the archive's facts, or from the Redis store the workers link into. */
  source: { archive: string } | QueueTarget;
  json: boolean;
  query: GraphQuery;
}

export interface ServeCommand {
  kind: "serve";
  archive: string;
  host: string;
  port: number;
  pipelinePath: string | null;
  workers: number | null;
  /** Uploads go to the queue's workers instead of this process's threads. */
  target: QueueTarget | null;
  /** VANBAN_TOKEN; null lets the server make one up and print it. */
  token: string | null;
}

export type HelpTopic = "main" | "extract" | "ingest" | "graph" | "worker" | "status" | "retry" | "serve";
export type Command = { kind: "help"; topic: HelpTopic } | { kind: "version" } | ExtractCommand | IngestCommand | GraphCommand | WorkerCommand | StatusCommand | RetryCommand | ServeCommand;

/** A command line we cannot run; the CLI prints it with a hint to the matching --help. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly helpCommand: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

const MAIN_HELP = "vanban --help";
const EXTRACT_HELP = "vanban extract --help";
const INGEST_HELP = "vanban ingest --help";
const GRAPH_HELP = "vanban graph --help";
const SERVE_HELP = "vanban serve --help";
/** Where `serve` keeps its archive when --archive is not given. */
export const DEFAULT_SERVE_ARCHIVE = "vanban-archive";

/** The environment the CLI reads: REDIS_URL stands in for --redis. */
export type Env = Readonly<Record<string, string | undefined>>;

export function parseCommand(argv: readonly string[], env: Env = {}): Command {
  const [first, ...rest] = argv;
  switch (first) {
    case undefined:
      throw new UsageError("missing command", MAIN_HELP);
    case "-h":
    case "--help":
    case "help":
      return { kind: "help", topic: "main" };
    case "-V":
    case "--version":
      return { kind: "version" };
    case "extract":
      return parseExtract(rest);
    case "ingest":
      return parseIngest(rest, env);
    case "graph":
      return parseGraph(rest, env);
    case "serve":
      return parseServe(rest, env);
    case "worker":
    case "status":
    case "retry":
      return parseQueueCommand(first, rest, env);
    default:
      throw new UsageError(first.startsWith("-") ? `unknown option '${first}'` : `unknown command '${first}'`, MAIN_HELP);
  }
}

/** parseArgs with our wording of its errors. */
function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T, helpCommand: string) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (error) {
    // Node's own wording, minus its long advice about '--' that does not fit one line.
    const message = error instanceof Error ? lowerFirst(error.message.split(". To specify")[0]!) : String(error);
    throw new UsageError(message, helpCommand);
  }
}

function parseExtract(args: string[]): Command {
  const parsed = parseOptions(
    args,
    {
      out: { type: "string", short: "o" },
      pipeline: { type: "string", short: "p" },
      pretty: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    EXTRACT_HELP,
  );
  const { values, positionals: files } = parsed;
  if (values.help) return { kind: "help", topic: "extract" };
  if (files.length === 0) throw new UsageError("no input files", EXTRACT_HELP);
  if (values.out === "") throw new UsageError("--out needs a folder", EXTRACT_HELP);
  if (values.pipeline === "") throw new UsageError("--pipeline needs a file", EXTRACT_HELP);
  const outDir = values.out ?? null;
  if (outDir !== null) rejectSharedOutputNames(files);
  return { kind: "extract", files, outDir, pipelinePath: values.pipeline ?? null, pretty: values.pretty ?? false };
}

/** `<stem>.json` under --out: two inputs with one stem would silently overwrite each other. */
export function outputName(file: string): string {
  return `${basename(file, extname(file))}.json`;
}

function rejectSharedOutputNames(files: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = outputName(file);
    const earlier = seen.get(name);
    if (earlier !== undefined) throw new UsageError(`'${earlier}' and '${file}' would both write ${name}`, EXTRACT_HELP);
    seen.set(name, file);
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A whole number option, or a usage error naming it. */
function positiveInteger(value: string | undefined, name: string, helpCommand: string): number | null {
  if (value === undefined) return null;
  const parsed = z.coerce.number().int().positive().safeParse(value);
  if (!parsed.success) throw new UsageError(`--${name} needs a whole number above 0, not '${value}'`, helpCommand);
  return parsed.data;
}

function portNumber(value: string): number {
  const parsed = z.coerce.number().int().min(0).max(65_535).safeParse(value);
  if (!parsed.success) throw new UsageError(`--port needs a port number 0-65535, not '${value}'`, SERVE_HELP);
  return parsed.data;
}

function requireArchive(archive: string | undefined, helpCommand: string): string {
  if (archive === undefined || archive === "") throw new UsageError(helpCommand === GRAPH_HELP || helpCommand === INGEST_HELP ? "--archive DIR (or --redis URL) is required" : "--archive DIR is required", helpCommand);
  return archive;
}

const ARCHIVE_OPTIONS = {
  archive: { type: "string", short: "a" },
  help: { type: "boolean", short: "h" },
} as const;

/** Options of every command that talks to the queue. */
const QUEUE_OPTIONS = {
  redis: { type: "string", short: "r" },
  prefix: { type: "string" },
  concurrency: { type: "string", short: "c" },
  threads: { type: "string", short: "t" },
  attempts: { type: "string" },
  backoff: { type: "string" },
  "lock-duration": { type: "string" },
  "stalled-interval": { type: "string" },
  "max-stalled": { type: "string" },
} as const;
type QueueValues = { [K in keyof typeof QUEUE_OPTIONS]?: string | undefined };

/** The queue target of a command line, or null when neither --redis nor REDIS_URL names one. */
function queueTarget(values: QueueValues, env: Env, helpCommand: string): QueueTarget | null {
  const redis = values.redis ?? env["REDIS_URL"];
  if (redis === undefined || redis === "") {
    const given = Object.keys(QUEUE_OPTIONS).find((name) => name !== "redis" && values[name as keyof QueueValues] !== undefined);
    if (given !== undefined) throw new UsageError(`--${given} needs --redis URL (or REDIS_URL)`, helpCommand);
    return null;
  }
  const number = (name: keyof QueueValues): number | undefined => {
    const value = values[name];
    if (value === undefined) return undefined;
    const parsed = z.coerce.number().int().nonnegative().safeParse(value);
    if (!parsed.success) throw new UsageError(`--${name} needs a whole number, not '${value}'`, helpCommand);
    return parsed.data;
  };
  const queue = {
    prefix: values.prefix,
    concurrency: number("concurrency"),
    threads: number("threads"),
    attempts: number("attempts"),
    backoffMs: number("backoff"),
    lockDurationMs: number("lock-duration"),
    stalledIntervalMs: number("stalled-interval"),
    maxStalledCount: number("max-stalled"),
  };
  const parsed = queueConfigSchema.safeParse(queue);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? "redis")}: ${issue?.message ?? "invalid"}`, helpCommand);
  }
  return { redis, queue };
}

function parseIngest(args: string[], env: Env): Command {
  const { values, positionals } = parseOptions(
    args,
    { ...ARCHIVE_OPTIONS, ...QUEUE_OPTIONS, pipeline: { type: "string", short: "p" }, workers: { type: "string", short: "w" }, detach: { type: "boolean" } },
    INGEST_HELP,
  );
  if (values.help) return { kind: "help", topic: "ingest" };
  const target = queueTarget(values, env, INGEST_HELP);
  const archive = target === null ? requireArchive(values.archive, INGEST_HELP) : (values.archive ?? null) || null;
  if (positionals.length === 0) throw new UsageError("no files or folders to ingest", INGEST_HELP);
  if (values.pipeline === "") throw new UsageError("--pipeline needs a file", INGEST_HELP);
  if (target === null && values.detach) throw new UsageError("--detach needs --redis URL (or REDIS_URL)", INGEST_HELP);
  if (target !== null && values.workers !== undefined) throw new UsageError("--workers is for embedded ingest; with --redis, start 'vanban worker' processes", INGEST_HELP);
  if (values.detach && archive !== null) throw new UsageError("--detach returns before the documents are done, so it cannot write --archive", INGEST_HELP);
  return {
    kind: "ingest",
    inputs: positionals,
    archive,
    pipelinePath: values.pipeline ?? null,
    workers: positiveInteger(values.workers, "workers", INGEST_HELP),
    target,
    detach: values.detach ?? false,
  };
}

function parseQueueCommand(kind: "worker" | "status" | "retry", args: string[], env: Env): Command {
  const helpCommand = `vanban ${kind} --help`;
  const { values, positionals } = parseOptions(
    args,
    { ...QUEUE_OPTIONS, help: { type: "boolean", short: "h" }, json: { type: "boolean" }, pipeline: { type: "string", short: "p" } },
    helpCommand,
  );
  if (values.help) return { kind: "help", topic: kind };
  if (positionals.length > 0) throw new UsageError(`'${kind}' takes no arguments`, helpCommand);
  const target = queueTarget(values, env, helpCommand);
  if (target === null) throw new UsageError("--redis URL (or REDIS_URL) is required", helpCommand);
  if (kind !== "status" && values.json) throw new UsageError("--json is for 'status'", helpCommand);
  if (kind !== "worker" && values.pipeline !== undefined) throw new UsageError("--pipeline is for 'worker'", helpCommand);
  if (kind === "worker") return { kind, ...target, pipelinePath: values.pipeline || null };
  if (kind === "status") return { kind, ...target, json: values.json ?? false };
  return { kind, ...target };
}

function parseServe(args: string[], env: Env): Command {
  const { values, positionals } = parseOptions(
    args,
    { ...ARCHIVE_OPTIONS, ...QUEUE_OPTIONS, port: { type: "string" }, host: { type: "string" }, pipeline: { type: "string", short: "p" }, workers: { type: "string", short: "w" } },
    SERVE_HELP,
  );
  if (values.help) return { kind: "help", topic: "serve" };
  if (positionals.length > 0) throw new UsageError("'serve' takes no arguments: files are uploaded to it", SERVE_HELP);
  const target = queueTarget(values, env, SERVE_HELP);
  if (target !== null && values.workers !== undefined) throw new UsageError("--workers is for the embedded pipeline; with --redis, start 'vanban worker' processes", SERVE_HELP);
  if (values.archive === "") throw new UsageError("--archive needs a folder", SERVE_HELP);
  if (values.host === "") throw new UsageError("--host needs an address", SERVE_HELP);
  if (values.pipeline === "") throw new UsageError("--pipeline needs a file", SERVE_HELP);
  const token = env["VANBAN_TOKEN"];
  return {
    kind: "serve",
    archive: values.archive ?? DEFAULT_SERVE_ARCHIVE,
    host: values.host ?? "127.0.0.1",
    port: values.port === undefined ? 8080 : portNumber(values.port),
    pipelinePath: values.pipeline ?? null,
    workers: positiveInteger(values.workers, "workers", SERVE_HELP),
    target,
    token: token === undefined || token === "" ? null : token,
  };
}

const GRAPH_QUERIES = ["cites", "cited-by", "chain", "path", "missing", "top", "export"] as const;

function parseGraph(args: string[], env: Env): Command {
  const { values, positionals } = parseOptions(
    args,
    {
      ...ARCHIVE_OPTIONS,
      ...QUEUE_OPTIONS,
      json: { type: "boolean" },
      up: { type: "boolean" },
      down: { type: "boolean" },
      depth: { type: "string", short: "d" },
      limit: { type: "string", short: "n" },
      format: { type: "string", short: "f" },
      out: { type: "string", short: "o" },
    },
    GRAPH_HELP,
  );
  if (values.help) return { kind: "help", topic: "graph" };
  const [query, ...rest] = positionals;
  if (query === undefined) throw new UsageError("missing query (cites, cited-by, chain, path, missing, top, export)", GRAPH_HELP);
  if (!(GRAPH_QUERIES as readonly string[]).includes(query)) throw new UsageError(`unknown query '${query}'`, GRAPH_HELP);
  const target = values.archive === undefined ? queueTarget(values, env, GRAPH_HELP) : null;
  const source = target ?? { archive: requireArchive(values.archive, GRAPH_HELP) };
  const wanted = query === "path" ? 2 : query === "missing" || query === "top" || query === "export" ? 0 : 1;
  if (rest.length !== wanted) {
    throw new UsageError(wanted === 0 ? `'${query}' takes no <doc>` : `'${query}' needs ${wanted === 2 ? "two documents: <a> <b>" : "one <doc>"}`, GRAPH_HELP);
  }
  if (query === "chain" && values.up === values.down) throw new UsageError("chain needs one of --up or --down", GRAPH_HELP);
  if (query === "export" && values.format === undefined) throw new UsageError("export needs --format json|graphml|dot|neo4j", GRAPH_HELP);
  const candidate = {
    query,
    doc: rest[0],
    from: rest[0],
    to: rest[1],
    direction: values.up ? "up" : "down",
    depth: positiveInteger(values.depth, "depth", GRAPH_HELP) ?? 5,
    limit: positiveInteger(values.limit, "limit", GRAPH_HELP) ?? 20,
    format: values.format,
    out: values.out ?? null,
  };
  const parsed = graphQuerySchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(issue?.path[0] === "format" ? `--format must be one of ${exportFormatSchema.options.join(", ")}` : (issue?.message ?? "invalid query"), GRAPH_HELP);
  }
  return { kind: "graph", source, json: values.json ?? false, query: parsed.data };
}
