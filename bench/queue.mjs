// Documents/s of embedded ingest against the queue (BullMQ on Redis) with one and with two
// worker processes, on the same input: the seeds repeated with small variations. Each mode
// writes a full archive, so both do the same work end to end. `--soak` instead pushes 10,000
// documents through two workers and prints their RSS as it goes, to show memory stays flat.
//
// Usage: node bench/queue.mjs [--documents N] [--soak [N]]     REDIS_URL (default redis://127.0.0.1:6379)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { loadBuilt, readTexts, ROOT } from "./_common.mjs";

const { ingest } = await loadBuilt("dist/src/ingest/ingest.js");
const { queueIngest } = await loadBuilt("dist/src/queue/ingest.js");
const { VanbanQueue } = await loadBuilt("dist/src/queue/queue.js");
const { connect, whenReady } = await loadBuilt("dist/src/queue/connection.js");

const { values } = parseArgs({ options: { documents: { type: "string", default: "600" }, soak: { type: "boolean", default: false }, "soak-documents": { type: "string", default: "10000" }, concurrency: { type: "string" } } });
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const BIN = join(ROOT, "bin", "vanban.js");

function variedSeeds(dir, count) {
  mkdirSync(dir, { recursive: true });
  const seeds = readTexts("fixtures/seeds", ".txt");
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length];
    // A line of its own makes a new document (a new id) without changing what is extracted.
    writeFileSync(join(dir, `${String(i).padStart(5, "0")}_${seed.name}`), `${seed.text}\nBản sao số ${i + 1}.\n`);
  }
  return dir;
}

/** Memory of a process from /proc (Linux): current and peak resident set, in MB. */
function rss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
    return { now: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
  } catch {
    return { now: NaN, peak: NaN };
  }
}

/** `vanban worker` processes, resolved once each has said it is running. */
async function startWorkers(count, prefix, concurrency) {
  return Promise.all(
    Array.from({ length: count }, () => {
      const child = spawn(process.execPath, [BIN, "worker", "--redis", REDIS_URL, "--prefix", prefix, "--threads", String(concurrency)], { stdio: ["ignore", "ignore", "pipe"] });
      return new Promise((resolve, reject) => {
        child.stderr.on("data", (chunk) => String(chunk).includes("jobs at a time") && resolve(child));
        child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
      });
    }),
  );
}

async function stopWorkers(children) {
  await Promise.all(children.map((child) => new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGTERM")))));
}

async function withQueue(run) {
  const redis = connect(REDIS_URL);
  await whenReady(redis);
  const queue = new VanbanQueue(redis, { prefix: `{vanban-bench-${randomBytes(4).toString("hex")}}` });
  try {
    return await run(queue);
  } finally {
    await queue.obliterate();
    await queue.close();
    redis.disconnect();
  }
}

async function queueRun(inputs, archiveDir, workerCount, concurrency, onProgress) {
  return withQueue(async (queue) => {
    const children = await startWorkers(workerCount, queue.config.prefix, concurrency);
    let summary, seconds, peaks;
    try {
      const start = performance.now();
      summary = await queueIngest(queue, [inputs], { archiveDir, onProgress: onProgress && ((p) => onProgress(p, children)) });
      seconds = (performance.now() - start) / 1000;
      peaks = children.map((c) => rss(c.pid).peak);
    } finally {
      // Also when the run fails: no worker may outlive the bench.
      await stopWorkers(children);
    }
    if (summary.failed > 0) throw new Error(`${summary.failed} documents failed`);
    return { documents: summary.extracted, seconds, peaks };
  });
}

const work = mkdtempSync(join(tmpdir(), "vanban-bench-queue-"));
try {
  const cores = availableParallelism();
  if (values.soak) {
    const count = Number(values["soak-documents"]);
    const inputs = variedSeeds(join(work, "soak"), count);
    console.log(`soak: ${count.toLocaleString("en")} documents through 2 worker processes (${values.concurrency ?? 1} extract thread(s) each) on ${cores} cores`);
    let nextReport = 0;
    const run = await queueRun(inputs, join(work, "soak-archive"), 2, Number(values.concurrency ?? 1), (p, children) => {
      const done = p.extracted + p.failed;
      if (done < nextReport) return;
      nextReport += count / 10;
      console.log(`  ${String(done).padStart(6)} done   worker RSS now ${children.map((c) => `${rss(c.pid).now} MB`).join(", ")}`);
    });
    console.log(`  ${run.documents} documents in ${run.seconds.toFixed(1)} s (${(run.documents / run.seconds).toFixed(0)} documents/s); peak RSS of the workers ${run.peaks.map((p) => `${p} MB`).join(", ")}`);
  } else {
    const count = Number(values.documents);
    const inputs = variedSeeds(join(work, "inputs"), count);
    // One extract thread per worker process and one embedded thread, so the ratios compare like
    // with like whatever the machine: the queue's cost per document, then how it scales.
    const concurrency = Number(values.concurrency ?? 1);
    console.log(`queue: ${count} documents (the seeds, varied) on ${cores} cores; embedded with ${concurrency} thread(s), each worker process with ${concurrency} extract thread(s)`);
    const t0 = performance.now();
    const embedded = await ingest([inputs], { archiveDir: join(work, "embedded"), workers: concurrency });
    const embeddedRate = embedded.extracted / ((performance.now() - t0) / 1000);
    const one = await queueRun(inputs, join(work, "one"), 1, concurrency);
    const two = await queueRun(inputs, join(work, "two"), 2, concurrency);
    const oneRate = one.documents / one.seconds;
    const twoRate = two.documents / two.seconds;
    console.log(`  embedded          ${embeddedRate.toFixed(0).padStart(5)} documents/s`);
    console.log(`  queue, 1 worker   ${oneRate.toFixed(0).padStart(5)} documents/s   ${(oneRate / embeddedRate).toFixed(2)} of embedded (target ≥ 0.70)   peak RSS ${one.peaks.join(", ")} MB`);
    console.log(`  queue, 2 workers  ${twoRate.toFixed(0).padStart(5)} documents/s   ${(twoRate / oneRate).toFixed(2)} × one worker (target ≥ 1.70)   peak RSS ${two.peaks.join(", ")} MB`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
