import { basename, extname } from "node:path";
import { parseArgs } from "node:util";

export interface ExtractCommand {
  kind: "extract";
  files: string[];
  outDir: string | null;
  pipelinePath: string | null;
  pretty: boolean;
}

export type Command = { kind: "help"; topic: "main" | "extract" } | { kind: "version" } | ExtractCommand;

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
    default:
      throw new UsageError(first.startsWith("-") ? `unknown option '${first}'` : `unknown command '${first}'`, MAIN_HELP);
  }
}

function parseExtract(args: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string", short: "o" },
        pipeline: { type: "string", short: "p" },
        pretty: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    // Node's own wording, minus its long advice about '--' that does not fit one line.
    const message = error instanceof Error ? lowerFirst(error.message.split(". To specify")[0]!) : String(error);
    throw new UsageError(message, EXTRACT_HELP);
  }
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
