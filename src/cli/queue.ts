import { availableParallelism } from "node:os";
import { asFailure } from "../errors.js";
import { connect, whenReady } from "../queue/connection.js";
import { STAGES } from "../queue/config.js";
import { VanbanQueue } from "../queue/queue.js";
import { WorkerSet } from "../queue/worker.js";
import type { QueueTarget, RetryCommand, StatusCommand, WorkerCommand } from "./args.js";
import { EXIT, pipelineOrNull, untilStopped, type ExitCode, type Io } from "./io.js";

/**
 * Runs `work` against the queue of a command line over one connection, after warning on stderr
 * when Redis may evict the queue's data; the connection is closed however `work` ends.
 */
export async function withQueue(target: QueueTarget, io: Io, work: (queue: VanbanQueue) => Promise<ExitCode>): Promise<ExitCode> {
  const redis = connect(target.redis);
  redis.on("error", () => undefined); // reconnects by itself; whenReady reports a Redis that never answers
  let queue: VanbanQueue | null = null;
  try {
    await whenReady(redis);
    queue = new VanbanQueue(redis, target.queue);
    const warning = await queue.warning();
    if (warning !== null) io.stderr(`vanban: warning: ${warning.message}\n`);
    return await work(queue);
  } catch (error) {
    const failure = asFailure(error);
    io.stderr(`vanban: ${target.redis}: ${failure.code}: ${failure.message}\n`);
    return EXIT.inputFailed;
  } finally {
    await queue?.close();
    redis.disconnect();
  }
}

export function runWorker(command: WorkerCommand, io: Io): Promise<ExitCode> {
  const pipeline = pipelineOrNull(command.pipelinePath, io);
  if (pipeline === null) return Promise.resolve(EXIT.usage);
  return withQueue(command, io, async (queue) => {
    const workers = new WorkerSet(queue, { pipeline });
    io.stderr(`vanban: worker ${process.pid} on ${command.redis} ${queue.config.prefix}: ${queue.config.concurrency} jobs at a time per stage, ${queue.config.threads ?? availableParallelism()} extract threads; SIGTERM or Ctrl-C stops after the jobs in hand\n`);
    await untilStopped();
    await workers.close();
    io.stderr(`vanban: worker ${process.pid} stopped\n`);
    return EXIT.ok;
  });
}

export function runStatus(command: StatusCommand, io: Io): Promise<ExitCode> {
  return withQueue(command, io, async (queue) => {
    const status = await queue.status();
    if (command.json) {
      io.stdout(`${JSON.stringify(status)}\n`);
      return EXIT.ok;
    }
    const head = `${"stage".padEnd(8)}${["waiting", "children", "active", "delayed", "completed", "failed"].map((h) => h.padStart(11)).join("")}\n`;
    const rows = STAGES.map((stage) => {
      const c = status.stages[stage];
      return `${stage.padEnd(8)}${[c.waiting, c.waitingChildren, c.active, c.delayed, c.completed, c.failed].map((n) => String(n).padStart(11)).join("")}\n`;
    });
    const failures = status.failures.map((f) => `  ${f.file}: ${f.stage}: ${f.code}: ${f.message.replace(/\s*\n\s*/g, " ")} (${f.attempts} ${f.attempts === 1 ? "try" : "tries"})\n`);
    io.stdout(
      `queue ${status.prefix}: ${status.documents} documents stored\n${head}${rows.join("")}` +
        `${failures.length === 0 ? "no failures\n" : `${failures.length} failed:\n${failures.join("")}`}` +
        `${status.warning === null ? "" : `warning: ${status.warning.message}\n`}`,
    );
    return EXIT.ok;
  });
}

export function runRetry(command: RetryCommand, io: Io): Promise<ExitCode> {
  return withQueue(command, io, async (queue) => {
    const { requeued, expired } = await queue.retryFailed();
    for (const f of expired) io.stderr(`vanban: ${f.file}: its bytes are no longer in Redis: submit it again with 'vanban ingest --redis'\n`);
    io.stderr(`vanban: ${requeued.length} failed ${requeued.length === 1 ? "document" : "documents"} queued again${expired.length > 0 ? `, ${expired.length} could not be` : ""}\n`);
    return expired.length === 0 ? EXIT.ok : EXIT.inputFailed;
  });
}
