import { basename, extname } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { exportFormatSchema } from "../graph/export.js";

export interface ExtractCommand {
  kind: "extract";
  files: string[];
  outDir: string | null;
  pipelinePath: string | null;
  pretty: boolean;
}

export interface IngestCommand {
  kind: "ingest";
  inputs: string[];
  archive: string;
  pipelinePath: string | null;
  workers: number | null;
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
  archive: string;
  json: boolean;
  query: GraphQuery;
}

export type HelpTopic = "main" | "extract" | "ingest" | "graph";
export type Command = { kind: "help"; topic: HelpTopic } | { kind: "version" } | ExtractCommand | IngestCommand | GraphCommand;

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

export function parseCommand(argv: readonly string[]): Command {
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
      return parseIngest(rest);
    case "graph":
      return parseGraph(rest);
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

function requireArchive(archive: string | undefined, helpCommand: string): string {
  if (archive === undefined || archive === "") throw new UsageError("--archive DIR is required", helpCommand);
  return archive;
}

const ARCHIVE_OPTIONS = {
  archive: { type: "string", short: "a" },
  help: { type: "boolean", short: "h" },
} as const;

function parseIngest(args: string[]): Command {
  const { values, positionals } = parseOptions(
    args,
    { ...ARCHIVE_OPTIONS, pipeline: { type: "string", short: "p" }, workers: { type: "string", short: "w" } },
    INGEST_HELP,
  );
  if (values.help) return { kind: "help", topic: "ingest" };
  const archive = requireArchive(values.archive, INGEST_HELP);
  if (positionals.length === 0) throw new UsageError("no files or folders to ingest", INGEST_HELP);
  if (values.pipeline === "") throw new UsageError("--pipeline needs a file", INGEST_HELP);
  return { kind: "ingest", inputs: positionals, archive, pipelinePath: values.pipeline ?? null, workers: positiveInteger(values.workers, "workers", INGEST_HELP) };
}

const GRAPH_QUERIES = ["cites", "cited-by", "chain", "path", "missing", "top", "export"] as const;

function parseGraph(args: string[]): Command {
  const { values, positionals } = parseOptions(
    args,
    {
      ...ARCHIVE_OPTIONS,
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
  const archive = requireArchive(values.archive, GRAPH_HELP);
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
  return { kind: "graph", archive, json: values.json ?? false, query: parsed.data };
}
