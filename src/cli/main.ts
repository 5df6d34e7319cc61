import { mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
import {
  asFailure,
  extractBytes,
  type Failure,
  type PipelineConfig,
  type VanbanDocument,
} from "../index.js";
import { packageVersion } from "../package-root.js";
import { outputName, parseCommand, UsageError, type ExtractCommand } from "./args.js";
import { osReason, readInput, writeFileAtomic } from "./files.js";
import { graphHelp, extractHelp, ingestHelp, mainHelp, retryHelp, serveHelp, statusHelp, workerHelp } from "./help.js";
import { runGraph } from "./graph.js";
import { runIngest } from "./ingest.js";
import { EXIT, pipelineOrNull, type ExitCode, type Io } from "./io.js";
import { runRetry, runStatus, runWorker } from "./queue.js";
import { runServe } from "./serve.js";

export { EXIT, type ExitCode, type Io } from "./io.js";

export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let command;
  try {
    command = parseCommand(argv, io.env ?? {});
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`vanban: ${error.message}\nTry '${error.helpCommand}'.\n`);
    return EXIT.usage;
  }
  switch (command.kind) {
    case "help":
      io.stdout({ main: () => mainHelp(packageVersion()), extract: extractHelp, ingest: ingestHelp, graph: graphHelp, worker: workerHelp, status: statusHelp, retry: retryHelp, serve: serveHelp }[command.topic]());
      return EXIT.ok;
    case "version":
      io.stdout(`${packageVersion()}\n`);
      return EXIT.ok;
    case "extract":
      return runExtract(command, io);
    case "ingest":
      return runIngest(command, io);
    case "graph":
      return runGraph(command, io);
    case "worker":
      return runWorker(command, io);
    case "status":
      return runStatus(command, io);
    case "retry":
      return runRetry(command, io);
    case "serve":
      return runServe(command, io);
  }
}

async function runExtract(command: ExtractCommand, io: Io): Promise<ExitCode> {
  const config = pipelineOrNull(command.pipelinePath, io);
  if (config === null) return EXIT.usage;
  if (command.outDir !== null) {
    try {
      await mkdir(command.outDir, { recursive: true });
    } catch (error) {
      io.stderr(`vanban: cannot create output folder ${command.outDir}: ${osReason(error)}\n`);
      return EXIT.inputFailed;
    }
  }

  let failed = 0;
  for (const file of command.files) {
    const outcome = await extractFile(file, config);
    if ("failure" in outcome) {
      failed++;
      io.stderr(`vanban: ${file}: ${outcome.failure.code}: ${oneLine(outcome.failure.message)}\n`);
      continue;
    }
    if (command.outDir === null) {
      const indent = command.pretty && command.files.length === 1 ? 2 : undefined;
      io.stdout(`${JSON.stringify(outcome.document, null, indent)}\n`);
      continue;
    }
    const outPath = join(command.outDir, outputName(file));
    try {
      await writeFileAtomic(outPath, `${JSON.stringify(outcome.document, null, 2)}\n`);
    } catch (error) {
      failed++;
      io.stderr(`vanban: ${file}: cannot write ${outPath}: ${osReason(error)}\n`);
    }
  }
  return failed === 0 ? EXIT.ok : EXIT.inputFailed;
}

async function extractFile(file: string, config: PipelineConfig): Promise<{ document: VanbanDocument } | { failure: Failure }> {
  try {
    const bytes = await readInput(file, config.limits.maxBytes);
    return { document: await extractBytes(bytes, { fileName: basename(file), config }) };
  } catch (error) {
    return { failure: asFailure(error, file) };
  }
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, " ").trim();
}


/** Entry point of bin/vanban.js: runs `main` on the process's arguments and streams. */
export async function run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    // The reader went away (`vanban extract ... | head`): stop quietly instead of a stack trace.
    if (error.code === "EPIPE") process.exit(EXIT.inputFailed);
    throw error;
  });
  try {
    process.exitCode = await main(argv, {
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
      stderrIsTTY: process.stderr.isTTY === true,
      env: process.env,
    });
  } catch (error) {
    process.stderr.write(`vanban: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.inputFailed;
  }
}
