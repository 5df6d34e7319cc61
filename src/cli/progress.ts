import type { IngestProgress } from "../ingest/ingest.js";

const BAR_WIDTH = 30;
const TTY_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 5_000;

/**
 * Ingest progress on stderr: a bar redrawn in place on a terminal, and otherwise (a log, CI) a
 * plain line every few seconds, so a long run shows it is alive without flooding the log.
 */
export function progressReporter(write: (text: string) => void, isTTY: boolean, now: () => number = () => performance.now()): { update(p: IngestProgress): void; end(): void } {
  const started = now();
  let last = -Infinity;
  let latest: IngestProgress | null = null;
  const line = (p: IngestProgress): string => {
    const processed = p.extracted + p.skipped + p.failed;
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? p.extracted / seconds : 0;
    const left = rate > 0 ? Math.ceil((p.total - processed) / rate) : null;
    const counts = `${processed}/${p.total} (${p.extracted} extracted, ${p.skipped} skipped, ${p.failed} failed) ${rate.toFixed(1)} documents/s${left === null ? "" : `, ~${left}s left`}`;
    if (!isTTY) return `vanban: ingest ${counts}\n`;
    const filled = p.total === 0 ? BAR_WIDTH : Math.round((processed / p.total) * BAR_WIDTH);
    return `\r[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${counts}\x1b[K`;
  };
  return {
    update(p) {
      latest = p;
      const t = now();
      if (t - last < (isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS)) return;
      last = t;
      write(line(p));
    },
    end() {
      if (latest !== null) write(line(latest) + (isTTY ? "\n" : ""));
    },
  };
}
