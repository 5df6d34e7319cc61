// Throughput of `extract` on the seeds, in one process on one thread.
import { loadBuilt, loopFor, readTexts } from "./_common.mjs";

const WARMUP_MS = 1_000;
const MEASURE_MS = 5_000;
const TIMINGS_MS = 2_000;
const TARGET_DOCUMENTS_PER_SECOND = 1_000;

const { extract } = await loadBuilt("dist/src/index.js");
const run = await loadBuilt("dist/src/pipeline/run.js");
const seeds = readTexts("fixtures/seeds", ".txt");
if (seeds.length === 0) throw new Error("no seeds in fixtures/seeds");

// Keeps every result observable so no call can be optimised away.
let sink = 0;
const extractSeed = (seed) => {
  sink += extract(seed.text, { fileName: seed.name }).text.length;
};

for (const seed of seeds) {
  try {
    extractSeed(seed);
  } catch (error) {
    console.error(`bench extract: extract failed on ${seed.name}: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
loopFor(seeds, WARMUP_MS, extractSeed);
const result = loopFor(seeds, MEASURE_MS, extractSeed);

const seconds = result.ms / 1000;
const documentsPerSecond = result.documents / seconds;
const corpusKb = seeds.reduce((sum, seed) => sum + seed.bytes, 0) / 1000;
console.log(`extract: ${seeds.length} seeds (${corpusKb.toFixed(1)} kB), ${result.documents} documents in ${seconds.toFixed(2)} s`);
console.log(`  documents/s   ${documentsPerSecond.toFixed(0)}`);
console.log(`  MB/s          ${(result.bytes / 1e6 / seconds).toFixed(2)}`);
console.log(`  ms/document   ${(result.ms / result.documents).toFixed(3)} (mean)`);
console.log(`  cpu           ${(result.cpuMs / result.ms).toFixed(2)} s of CPU per s (GC threads count too)`);
// Wall time counts whatever else the machine runs; CPU time of this process (all its threads)
// does not, so on a shared machine this line is the steadier measure of the same work.
console.log(`  documents per CPU-second ${(result.documents / (result.cpuMs / 1000)).toFixed(0)} (all threads)`);
console.log(
  `  target ≥ ${TARGET_DOCUMENTS_PER_SECOND} documents/s on one core: ${documentsPerSecond >= TARGET_DOCUMENTS_PER_SECOND ? "PASS" : "FAIL"}`,
);
printStageShares();
if (sink < 0) console.log(sink);

/** Per-stage share of time, from the optional `extractWithTimings(text, options)` of run.js. */
function printStageShares() {
  if (typeof run.extractWithTimings !== "function") {
    console.log("  per-stage timings: not available");
    return;
  }
  const totals = new Map();
  const { documents } = loopFor(seeds, TIMINGS_MS, (seed) => {
    const { document, timings } = run.extractWithTimings(seed.text, { fileName: seed.name });
    sink += document.text.length;
    for (const [stage, ms] of Object.entries(timings)) {
      if (typeof ms === "number") totals.set(stage, (totals.get(stage) ?? 0) + ms);
    }
  });
  const all = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  console.log(`  per-stage share of time (${documents} documents):`);
  for (const [stage, ms] of totals) {
    const share = all > 0 ? (100 * ms) / all : 0;
    console.log(`    ${stage.padEnd(12)} ${share.toFixed(1).padStart(5)}%   ${(ms / documents).toFixed(3)} ms/document`);
  }
}
