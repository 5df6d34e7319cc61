// Load test of `vanban serve` (embedded pipeline): 50 uploads at once, one file each, of the
// fixtures (seeds, genre, holdout as text; the seeds as DOCX, .doc, typed PDF, TCVN3 and VNI —
// so the same document arrives in several formats). The server runs in a process of its own.
// Checks that every upload ends done, and that every document comes out of the export exactly
// once; prints throughput and latency (upload sent → job done) percentiles.
//
// Usage: node bench/http.mjs [--uploads N] [--concurrency N]
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { ROOT } from "./_common.mjs";

const { values } = parseArgs({ options: { uploads: { type: "string", default: "50" }, concurrency: { type: "string", default: "50" } } });
const UPLOADS = Number(values.uploads);
const CONCURRENCY = Number(values.concurrency);
const TOKEN = "bench-token";

const files = (dir, test) =>
  readdirSync(join(ROOT, "fixtures", dir))
    .filter(test)
    .sort()
    .map((name) => join(ROOT, "fixtures", dir, name));
// Scans are left out: one OCR'd page takes seconds and would measure tesseract, not the server.
const FIXTURES = [
  ...files("seeds", (n) => n.endsWith(".txt")),
  ...files("genre", (n) => n.endsWith(".txt")),
  ...files("holdout", (n) => n.endsWith(".txt")),
  ...files("formats", (n) => /\.(docx|doc|pdf|txt)$/.test(n) && !n.includes(".scan.")),
];
const inputs = Array.from({ length: UPLOADS }, (_, i) => FIXTURES[i % FIXTURES.length]);
// Read before the clock starts: the bench times the server, not this disk.
const BYTES = new Map(FIXTURES.map((file) => [file, readFileSync(file)]));

const archive = mkdtempSync(join(tmpdir(), "vanban-bench-http-"));
const server = spawn(process.execPath, [join(ROOT, "bin", "vanban.js"), "serve", "--port", "0", "--archive", archive], {
  env: { ...process.env, VANBAN_TOKEN: TOKEN },
  stdio: ["ignore", "ignore", "pipe"],
});
const url = await new Promise((resolve, reject) => {
  let said = "";
  server.stderr.on("data", (chunk) => {
    said += chunk;
    const match = /serving (http:\/\/\S+?)\/ /.exec(said);
    if (match) resolve(match[1]);
  });
  server.once("exit", (code) => reject(new Error(`the server exited (${code}): ${said}`)));
});

const auth = { authorization: `Bearer ${TOKEN}` };
async function uploadAndWait(file) {
  const started = performance.now();
  const form = new FormData();
  form.append("file", new Blob([BYTES.get(file)]), basename(file));
  const response = await fetch(`${url}/api/documents`, { method: "POST", body: form, headers: auth });
  if (response.status !== 202) throw new Error(`${basename(file)}: upload answered ${response.status}: ${await response.text()}`);
  const [job] = (await response.json()).jobs;
  for (;;) {
    const state = await (await fetch(`${url}/api/jobs/${job.id}`)).json();
    if (state.status === "done" || state.status === "failed") return { file, job: state, ms: performance.now() - started };
    await sleep(10);
  }
}

let failures = 0;
const check = (ok, message) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) failures++;
};

try {
  const started = performance.now();
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, inputs.length) }, async () => {
      while (next < inputs.length) results.push(await uploadAndWait(inputs[next++]));
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const failed = results.filter((r) => r.job.status === "failed");
  const ids = new Set(results.filter((r) => r.job.status === "done").map((r) => r.job.documentId));
  const exported = (await (await fetch(`${url}/api/export.ndjson`)).text()).split("\n").filter((l) => l !== "").map((l) => JSON.parse(l).id);
  const counts = new Map();
  for (const id of exported) counts.set(id, (counts.get(id) ?? 0) + 1);

  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const percentile = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
  console.log(`${results.length} uploads, ${CONCURRENCY} at a time, of ${new Set(inputs).size} fixture files (${availableParallelism()} cores): ${ids.size} distinct documents`);
  console.log(`throughput: ${(results.length / seconds).toFixed(1)} uploads/s, ${(ids.size / seconds).toFixed(1)} new documents/s (${seconds.toFixed(2)} s in all)`);
  console.log(`latency, upload sent to job done: p50 ${percentile(50).toFixed(0)} ms, p90 ${percentile(90).toFixed(0)} ms, p99 ${percentile(99).toFixed(0)} ms, max ${latencies.at(-1).toFixed(0)} ms`);
  check(failed.length === 0, `every upload done (${failed.length} failed${failed.length ? `: ${failed.map((r) => `${basename(r.file)} ${r.job.failure.code}`).join(", ")}` : ""})`);
  check(exported.length === ids.size && [...counts.values()].every((n) => n === 1), `every document exported exactly once (${exported.length} lines, ${ids.size} documents)`);
  check([...ids].every((id) => counts.has(id)), "every done upload's document is in the export");
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(archive, { recursive: true, force: true });
}
process.exitCode = failures === 0 ? 0 : 1;
