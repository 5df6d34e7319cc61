// Typed PDF: pages/s of the whole `extractBytes` against pdf-parse's own text extraction on the
// same files, in one process. Issue 3's target: vanban's overhead ≤ 15 %.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { loadBuilt, ROOT } from "./_common.mjs";

const PASSES_MS = 8_000;
const TARGET_OVERHEAD = 0.15;
const DIR = join(ROOT, "fixtures", "formats");

const files = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((n) => n.endsWith(".pdf") && !n.endsWith(".scan.pdf"))
      .sort()
      .map((n) => ({ name: n, bytes: readFileSync(join(DIR, n)) }))
  : [];
if (files.length === 0) {
  console.log(`pdf: no typed PDFs in ${DIR}: skipped (npm run fixtures:formats makes them)`);
  process.exit(0);
}

const { extractBytes } = await loadBuilt("dist/src/index.js");
// pdf-parse's pdf.js installs core-js polyfills over V8's Array.prototype.push and JSON.parse for
// the whole thread; vanban puts the natives (taken when its module loaded, above) back after each
// PDF. The baseline gets the same, so both sides run on the same built-ins.
const { restoreNativeBuiltIns } = await loadBuilt("dist/src/load/formats/pdf.js");
const { PDFParse } = await import("pdf-parse");

async function pdfParseText(file) {
  const parser = new PDFParse({ data: new Uint8Array(file.bytes) });
  try {
    const result = await parser.getText();
    return result.total ?? result.pages?.length ?? 0;
  } finally {
    await parser.destroy();
    restoreNativeBuiltIns();
  }
}

async function vanban(file, isolate) {
  const document = await extractBytes(new Uint8Array(file.bytes), { fileName: file.name, isolate });
  if (document.source.strategy !== "text-layer") throw new Error(`${file.name} was read by ${document.source.strategy}, not its text layer`);
  return document.source.pages.length;
}

/**
 * Pages per second of `work` over all files, pass after pass, for about `budgetMs`: of wall-clock
 * time, which the target is set in, and of the process's CPU time, which also counts what V8's
 * helper threads spend beside the one running both sides: mostly optimising compilation, which
 * for vanban's many more functions goes on for seconds (with --no-concurrent-recompilation the
 * CPU and wall-clock gaps agree).
 */
async function pagesPerSecond(work, budgetMs) {
  for (const file of files) await work(file); // modules, fonts
  let pages = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  do {
    for (const file of files) pages += await work(file);
  } while (performance.now() - start < budgetMs);
  const cpu = process.cpuUsage(cpuStart);
  return { wall: pages / ((performance.now() - start) / 1000), cpu: pages / ((cpu.user + cpu.system) / 1e6) };
}

// Warm-up: a second of each, so that V8 has optimised the hot code of both before anything counts.
await pagesPerSecond(pdfParseText, 1_000);
await pagesPerSecond((f) => vanban(f, false), 1_000);
await pagesPerSecond((f) => vanban(f, true), 1_000); // the loader thread's own pdf.js and JIT

// Alternate the two so neither gets the machine's better moments, and judge by the median of the
// rounds' ratios: one round caught by another process's burst does not decide the verdict.
const ROUNDS = 5;
const baseline = [];
const whole = [];
for (let round = 0; round < ROUNDS; round++) {
  baseline.push(await pagesPerSecond(pdfParseText, PASSES_MS / ROUNDS));
  whole.push(await pagesPerSecond((f) => vanban(f, false), PASSES_MS / ROUNDS));
}
const isolated = await pagesPerSecond((f) => vanban(f, true), PASSES_MS / 2);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const overheadOf = (clock) => median(baseline.map((b, i) => b[clock] / whole[i][clock])) - 1;
const wallOverhead = overheadOf("wall");
const cpuOverhead = overheadOf("cpu");
const rate = (runs, clock) => mean(runs.map((r) => r[clock])).toFixed(1);
console.log(`pdf: ${files.length} typed PDFs                       wall clock     per CPU second`);
console.log(`  pdf-parse getText alone          ${rate(baseline, "wall").padStart(7)} pages/s  ${rate(baseline, "cpu").padStart(7)} pages/s`);
console.log(`  vanban extractBytes (in process) ${rate(whole, "wall").padStart(7)} pages/s  ${rate(whole, "cpu").padStart(7)} pages/s`);
console.log(`  vanban extractBytes (isolated)   ${isolated.wall.toFixed(1).padStart(7)} pages/s  (pooled loader threads, reused across files)`);
console.log(`  overhead of the whole extract over pdf-parse (median of ${ROUNDS} rounds): wall clock ${(100 * wallOverhead).toFixed(1)} %, CPU time ${(100 * cpuOverhead).toFixed(1)} %`);
console.log(`  target ≤ ${100 * TARGET_OVERHEAD} % (pages/s, wall clock): ${wallOverhead <= TARGET_OVERHEAD ? "PASS" : "FAIL"}`);
