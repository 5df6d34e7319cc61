// Documents/s of embedded ingest against the queue (BullMQ on Redis) with one and with two
// worker processes, on the same input: the seeds repeated with small variations. Each mode
// writes a full archive, so both do the same work end to end. `--soak` instead pushes 10,000
// documents through two workers and prints their RSS as it goes, to show memory stays flat.
//
// Twice: first on the machine's cores as they are, shared by the workers, Redis and the
// submitter (on two cores, a second worker finds no core free, whatever the queue costs); then,
// where this process may write the cpu cgroup (Linux, as root), as separate machines: the
// embedded ingest and each worker process get a CPU quota of their own (`--cpus` cores each,
// default 0.5), as a machine of that size would, while Redis and the submitter run outside the
// quotas, as on the machines of their own they have when workers are spread over several.
//
// Usage: node bench/queue.mjs [--documents N] [--cpus C] [--soak [N]]     REDIS_URL (default redis://127.0.0.1:6379)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadBuilt, readTexts, ROOT } from "./_common.mjs";

const { ingest } = await loadBuilt("dist/src/ingest/ingest.js");
const { queueIngest } = await loadBuilt("dist/src/queue/ingest.js");
const { VanbanQueue } = await loadBuilt("dist/src/queue/queue.js");
const { connect, whenReady } = await loadBuilt("dist/src/queue/connection.js");

const { values } = parseArgs({
  options: {
    documents: { type: "string", default: "600" },
    soak: { type: "boolean", default: false },
    "soak-documents": { type: "string", default: "10000" },
    concurrency: { type: "string" },
    cpus: { type: "string", default: "0.5" },
    // Internal: the embedded ingest as a process of its own, so it can have a CPU quota.
    "embedded-child": { type: "string" },
  },
});
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const BIN = join(ROOT, "bin", "vanban.js");

function variedSeeds(dir, count, line = "Bản sao số") {
  mkdirSync(dir, { recursive: true });
  const seeds = readTexts("fixtures/seeds", ".txt");
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length];
    // A line of its own makes a new document (a new id) without changing what is extracted.
    writeFileSync(join(dir, `${String(i).padStart(5, "0")}_${seed.name}`), `${seed.text}\n${line} ${i + 1}.\n`);
  }
  return dir;
}

/**
 * Documents each process extracts before the timed run, so that every process is timed warm, as
 * a long-running worker is: V8 is still compiling the pipeline's hot paths over the first hundred
 * or so documents (a worker's CPU per document falls by about 15 % from 50 to 200 warm-up
 * documents), and inside the timed run two workers would pay for it twice.
 */
const WARM_UP_PER_PROCESS = 200;

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

/**
 * CPU quotas, one cgroup per process, under the cpu controller (cgroup v2's cpu.max, or v1's
 * cfs quota). Null, with the reason, where this process may not make them.
 */
function cpuQuotas(cores) {
  const v2 = "/sys/fs/cgroup";
  const v1 = "/sys/fs/cgroup/cpu";
  let base, write;
  try {
    if (readFileSync(join(v2, "cgroup.controllers"), "utf8").split(/\s+/).includes("cpu")) {
      base = v2;
      write = (dir) => writeFileSync(join(dir, "cpu.max"), `${Math.round(cores * 100_000)} 100000`);
    }
  } catch {}
  if (base === undefined) {
    try {
      readFileSync(join(v1, "cpu.cfs_quota_us"));
      base = v1;
      write = (dir) => (writeFileSync(join(dir, "cpu.cfs_period_us"), "100000"), writeFileSync(join(dir, "cpu.cfs_quota_us"), String(Math.round(cores * 100_000))));
    } catch {
      return { quotas: null, why: "no cpu cgroup controller here" };
    }
  }
  const made = [];
  const makeGroup = () => {
    const dir = join(base, `vanban-bench-${process.pid}-${made.length}`);
    mkdirSync(dir);
    made.push(dir);
    write(dir);
    return dir;
  };
  const quotas = {
    cores,
    /** Puts a process (all its threads) in a cgroup of its own with the quota. */
    confine: (pid) => writeFileSync(join(makeGroup(), "cgroup.procs"), String(pid)),
    /** Removes the cgroups, once their processes have exited. */
    remove() {
      for (const dir of made.splice(0)) {
        try {
          rmdirSync(dir);
        } catch {}
      }
    },
  };
  try {
    makeGroup();
    quotas.remove();
  } catch (error) {
    quotas.remove();
    return { quotas: null, why: `cannot make a cgroup: ${error.code ?? error.message}` };
  }
  return { quotas, why: null };
}

/** `vanban worker` processes, resolved once each has said it is running. */
async function startWorkers(count, prefix, concurrency, quotas) {
  return Promise.all(
    Array.from({ length: count }, () => {
      const child = spawn(process.execPath, [BIN, "worker", "--redis", REDIS_URL, "--prefix", prefix, "--threads", String(concurrency)], { stdio: ["ignore", "ignore", "pipe"] });
      quotas?.confine(child.pid);
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

async function queueRun(inputs, archiveDir, workerCount, concurrency, { quotas = null, onProgress, warmUp = null } = {}) {
  return withQueue(async (queue) => {
    const children = await startWorkers(workerCount, queue.config.prefix, concurrency, quotas);
    let summary, seconds, peaks;
    try {
      if (warmUp !== null) await queueIngest(queue, [warmUp]);
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

/** Embedded ingest, timed from the first file to the archive's last write. */
async function embeddedRun(inputs, archiveDir, threads, warmUp) {
  if (warmUp !== null) await ingest([warmUp], { archiveDir: `${archiveDir}-warm-up`, workers: threads });
  const start = performance.now();
  const summary = await ingest([inputs], { archiveDir, workers: threads });
  if (summary.failed > 0) throw new Error(`${summary.failed} documents failed`);
  return { documents: summary.extracted, seconds: (performance.now() - start) / 1000 };
}

/** Embedded ingest in a process of its own under a quota; it starts when told, once confined. */
async function confinedEmbeddedRun(inputs, archiveDir, threads, warmUp, quotas) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--embedded-child", JSON.stringify({ inputs, archiveDir, threads, warmUp })], { stdio: ["pipe", "pipe", "inherit"] });
  quotas.confine(child.pid);
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  const code = await new Promise((resolve) => (child.once("exit", resolve), child.stdin.end("go\n")));
  if (code !== 0) throw new Error(`the embedded run exited with ${code}`);
  return JSON.parse(out);
}

/** The three runs on one input, and their ratios. */
async function compare(label, inputs, warmUps, work, concurrency, quotas) {
  const archive = join(work, `${label}-embedded`);
  const embedded = quotas ? await confinedEmbeddedRun(inputs, archive, concurrency, warmUps[1], quotas) : await embeddedRun(inputs, archive, concurrency, warmUps[1]);
  const one = await queueRun(inputs, join(work, `${label}-one`), 1, concurrency, { quotas, warmUp: warmUps[1] });
  // The workers share the warm-up as they share the run: twice the documents, about as many each.
  const two = await queueRun(inputs, join(work, `${label}-two`), 2, concurrency, { quotas, warmUp: warmUps[2] });
  quotas?.remove();
  const embeddedRate = embedded.documents / embedded.seconds;
  const oneRate = one.documents / one.seconds;
  const twoRate = two.documents / two.seconds;
  const verdict = (ratio, target) => `(target ≥ ${target.toFixed(2)}: ${ratio >= target ? "met" : "missed"})`;
  console.log(`  embedded          ${embeddedRate.toFixed(0).padStart(5)} documents/s`);
  console.log(`  queue, 1 worker   ${oneRate.toFixed(0).padStart(5)} documents/s   ${(oneRate / embeddedRate).toFixed(2)} of embedded ${verdict(oneRate / embeddedRate, 0.7)}   peak RSS ${one.peaks.join(", ")} MB`);
  console.log(`  queue, 2 workers  ${twoRate.toFixed(0).padStart(5)} documents/s   ${(twoRate / oneRate).toFixed(2)} × one worker ${verdict(twoRate / oneRate, 1.7)}   peak RSS ${two.peaks.join(", ")} MB`);
}

if (values["embedded-child"] !== undefined) {
  const { inputs, archiveDir, threads, warmUp } = JSON.parse(values["embedded-child"]);
  // Wait until the parent has put this process under its quota.
  await new Promise((resolve) => process.stdin.once("data", resolve));
  process.stdout.write(JSON.stringify(await embeddedRun(inputs, archiveDir, threads, warmUp)));
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "vanban-bench-queue-"));
try {
  const cores = availableParallelism();
  if (values.soak) {
    const count = Number(values["soak-documents"]);
    const inputs = variedSeeds(join(work, "soak"), count);
    console.log(`soak: ${count.toLocaleString("en")} documents through 2 worker processes (${values.concurrency ?? 1} extract thread(s) each) on ${cores} cores`);
    let nextReport = 0;
    const run = await queueRun(inputs, join(work, "soak-archive"), 2, Number(values.concurrency ?? 1), {
      onProgress: (p, children) => {
        const done = p.extracted + p.failed;
        if (done < nextReport) return;
        // The submitter sends every file before it collects: the first count may be well past a tenth.
        nextReport = (Math.floor(done / (count / 10)) + 1) * (count / 10);
        console.log(`  ${String(done).padStart(6)} done   worker RSS now ${children.map((c) => `${rss(c.pid).now} MB`).join(", ")}`);
      },
    });
    console.log(`  ${run.documents} documents in ${run.seconds.toFixed(1)} s (${(run.documents / run.seconds).toFixed(0)} documents/s); peak RSS of the workers ${run.peaks.map((p) => `${p} MB`).join(", ")}`);
  } else {
    const count = Number(values.documents);
    const inputs = variedSeeds(join(work, "inputs"), count);
    const warmUps = { 1: variedSeeds(join(work, "warm-up-1"), WARM_UP_PER_PROCESS, "Bản nháp số"), 2: variedSeeds(join(work, "warm-up-2"), 2 * WARM_UP_PER_PROCESS, "Bản nháp số") };
    // One extract thread per worker process and one embedded thread, so the ratios compare like
    // with like whatever the machine: the queue's cost per document, then how it scales.
    const concurrency = Number(values.concurrency ?? 1);
    console.log(`queue: ${count} documents (the seeds, varied), each process warmed up on about ${WARM_UP_PER_PROCESS} others first; embedded with ${concurrency} thread(s), each worker process with ${concurrency} extract thread(s)`);
    console.log(` on this machine's ${cores} cores, shared by the workers, Redis and the submitter:`);
    await compare("shared", inputs, warmUps, work, concurrency, null);
    const { quotas, why } = cpuQuotas(Number(values.cpus));
    if (quotas === null) console.log(` as separate machines: not measured (${why})`);
    else {
      console.log(` as separate machines: embedded and each worker process under a quota of ${quotas.cores} core, Redis and the submitter outside:`);
      await compare("machines", inputs, warmUps, work, concurrency, quotas);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
