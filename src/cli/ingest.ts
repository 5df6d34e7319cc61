import { ArchiveBusyError } from "../ingest/archive.js";
import { ingest } from "../ingest/ingest.js";
import type { IngestCommand } from "./args.js";
import { EXIT, pipelineOrNull, type ExitCode, type Io } from "./io.js";
import { progressReporter } from "./progress.js";

export async function runIngest(command: IngestCommand, io: Io): Promise<ExitCode> {
  const config = pipelineOrNull(command.pipelinePath, io);
  if (config === null) return EXIT.usage;
  const progress = progressReporter(io.stderr, io.stderrIsTTY ?? false);
  // The first Ctrl-C lets the files in flight finish and be committed, so a re-run resumes.
  const stop = new AbortController();
  const onInterrupt = (): void => {
    io.stderr("\nvanban: stopping after the files in flight (Ctrl-C again to quit now)\n");
    stop.abort();
    process.off("SIGINT", onInterrupt);
  };
  process.on("SIGINT", onInterrupt);
  try {
    let summary;
    try {
      summary = await ingest(command.inputs, {
        archiveDir: command.archive,
        config,
        workers: command.workers ?? undefined,
        signal: stop.signal,
        onProgress: (p) => progress.update(p),
      });
    } catch (error) {
      if (!(error instanceof ArchiveBusyError)) throw error;
      io.stderr(`vanban: ${error.message}\n`);
      return EXIT.inputFailed;
    }
    progress.end();
    for (const failure of summary.failures) io.stderr(`vanban: ${failure.file}: ${failure.code}: ${failure.message.replace(/\s*\n\s*/g, " ")}\n`);
    const { graph } = summary;
    io.stderr(
      `vanban: ${summary.extracted} extracted, ${summary.skipped} already archived, ${summary.failed} failed in ${(summary.ms / 1000).toFixed(1)} s; ` +
        `archive ${command.archive}: ${summary.documents} documents, ${graph.nodes} nodes (${graph.placeholders} not archived), ${graph.edges} citations, ${graph.candidates} candidate links` +
        `${summary.interrupted ? "; interrupted: run the same command again to resume" : ""}\n`,
    );
    return summary.failed > 0 || summary.interrupted ? EXIT.inputFailed : EXIT.ok;
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}
