import { ArchiveBusyError, type ArchiveSummary, type FailureLine } from "../ingest/archive.js";
import { ingest } from "../ingest/ingest.js";
import { queueIngest } from "../queue/ingest.js";
import type { IngestCommand } from "./args.js";
import { EXIT, pipelineOrNull, type ExitCode, type Io } from "./io.js";
import { progressReporter } from "./progress.js";
import { withQueue } from "./queue.js";

export async function runIngest(command: IngestCommand, io: Io): Promise<ExitCode> {
  const config = pipelineOrNull(command.pipelinePath, io);
  if (config === null) return EXIT.usage;
  const progress = progressReporter(io.stderr, io.stderrIsTTY ?? false);
  // The first Ctrl-C lets the files in flight finish and be committed, so a re-run resumes.
  const stop = new AbortController();
  const onInterrupt = (): void => {
    io.stderr(`\nvanban: ${command.target === null ? "stopping after the files in flight" : "stopping; queued documents stay queued for the workers"} (Ctrl-C again to quit now)\n`);
    stop.abort();
    process.off("SIGINT", onInterrupt);
  };
  process.on("SIGINT", onInterrupt);
  const archiveLine = (archive: string | null, summary: ArchiveSummary | null): string =>
    archive === null || summary === null
      ? ""
      : `; archive ${archive}: ${summary.documents} documents, ${summary.graph.nodes} nodes (${summary.graph.placeholders} not archived), ${summary.graph.edges} citations, ${summary.graph.candidates} candidate links`;
  /** Another ingest writes the archive: said plainly, not as a crash. */
  const archiveBusy = (error: unknown): ExitCode => {
    if (!(error instanceof ArchiveBusyError)) throw error;
    io.stderr(`vanban: ${error.message}\n`);
    return EXIT.inputFailed;
  };
  const printFailures = (failures: readonly FailureLine[]): void => {
    for (const failure of failures) io.stderr(`vanban: ${failure.file}: ${failure.code}: ${failure.message.replace(/\s*\n\s*/g, " ")}\n`);
  };
  try {
    if (command.target !== null) {
      const target = command.target;
      return await withQueue(target, io, async (queue) => {
        let summary;
        try {
          summary = await queueIngest(queue, command.inputs, { archiveDir: command.archive, detach: command.detach, config, signal: stop.signal, onProgress: (p) => progress.update(p) });
        } catch (error) {
          return archiveBusy(error);
        }
        progress.end();
        printFailures(summary.failures);
        io.stderr(
          summary.detached
            ? `vanban: ${summary.queued} queued on ${target.redis} ${queue.config.prefix}, ${summary.skipped} already stored, ${summary.failed} failed; 'vanban status' follows them\n`
            : `vanban: ${summary.extracted} done by the queue, ${summary.skipped} already ${command.archive === null ? "stored" : "archived"}, ${summary.failed} failed in ${(summary.ms / 1000).toFixed(1)} s` +
                `${archiveLine(command.archive, summary.archive)}${summary.interrupted ? "; interrupted: the rest stays queued, run the same command again to collect it" : ""}\n`,
        );
        return summary.failed > 0 || summary.interrupted ? EXIT.inputFailed : EXIT.ok;
      });
    }
    const archive = command.archive!;
    let summary;
    try {
      summary = await ingest(command.inputs, { archiveDir: archive, config, workers: command.workers ?? undefined, signal: stop.signal, onProgress: (p) => progress.update(p) });
    } catch (error) {
      return archiveBusy(error);
    }
    progress.end();
    printFailures(summary.failures);
    io.stderr(
      `vanban: ${summary.extracted} extracted, ${summary.skipped} already archived, ${summary.failed} failed in ${(summary.ms / 1000).toFixed(1)} s` +
        `${archiveLine(archive, summary)}${summary.interrupted ? "; interrupted: run the same command again to resume" : ""}\n`,
    );
    return summary.failed > 0 || summary.interrupted ? EXIT.inputFailed : EXIT.ok;
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}
