// The reference graph at archive scale, and ingest throughput.
//  1. A synthetic archive of 100,000 documents citing 1,000,000 times: time to write the facts
//     log, to open it (replay) and derive the graph (writing its snapshot), peak memory, the time
//     a query takes to open the graph, and query latency p50/p99 for cites, cited-by and a
//     depth-5 chain.
//  2. `ingest` on the seeds copied to 2,000 files, each varied so that every copy is a new
//     document: documents/s over every core.
// Usage: npm run bench -- graph   (GRAPH_DOCUMENTS=… INGEST_FILES=… to scale down)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { loadBuilt, readTexts } from "./_common.mjs";

const DOCUMENTS = Number(process.env.GRAPH_DOCUMENTS ?? 100_000);
const CITATIONS_PER_DOCUMENT = 10;
const INGEST_FILES = Number(process.env.INGEST_FILES ?? 2_000);
const QUERY_SAMPLES = 2_000;
const CHAIN_SAMPLES = 50;

const { FileGraphStore } = await loadBuilt("dist/src/graph/store.js");
const { chain } = await loadBuilt("dist/src/graph/queries.js");
const { findNumbers } = await loadBuilt("dist/src/text/numbers.js");
const { ingest } = await loadBuilt("dist/src/ingest/ingest.js");

/** A deterministic pseudo-random sequence, so every run builds the same archive. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

const ISSUERS = [
  ["UBND", "Ủy ban nhân dân tỉnh Quảng Ninh"],
  ["SGDĐT", "Sở Giáo dục và Đào tạo"],
  ["PGDĐT", "Phòng Giáo dục và Đào tạo thành phố Cẩm Phả"],
  ["SYT", "Sở Y tế"],
  ["UBND", "Ủy ban nhân dân huyện Ba Chẽ"],
];
const TYPES = [["KH", "KE_HOACH"], ["CT", "CHI_THI"], ["QĐ", "QUYET_DINH"], ["HD", "HUONG_DAN"]];
const partsCache = new Map();
const partsOf = (number) => {
  let parts = partsCache.get(number);
  if (parts === undefined) partsCache.set(number, (parts = findNumbers(number)[0].parts));
  return parts;
};

/** Document i: a state number, serial restarting every year, issued by one of five bodies. */
function synthetic(i) {
  const year = 2010 + (i % 15);
  const serial = Math.floor(i / 15) + 1;
  const [typeCode, type] = TYPES[i % TYPES.length];
  const [issuerCode, issuer] = ISSUERS[Math.floor(i / 60) % ISSUERS.length];
  const number = `${serial}/${typeCode}-${issuerCode}`;
  return { number, type, year, issuer, date: `${year}-0${1 + (i % 9)}-1${i % 10}` };
}

function buildFacts() {
  const next = random(42);
  const facts = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const own = synthetic(i);
    const citations = [];
    for (let c = 0; c < CITATIONS_PER_DOCUMENT; c++) {
      // Mostly earlier archived documents; one in ten beyond the archive (a placeholder).
      const target = next() < 0.9 ? Math.floor(next() * DOCUMENTS) : DOCUMENTS + Math.floor(next() * DOCUMENTS);
      const cited = synthetic(target);
      citations.push({
        raw: `${cited.number} ngày ${cited.date}`,
        documentType: cited.type,
        number: cited.number,
        numberParts: partsOf(cited.number),
        name: null,
        date: next() < 0.8 ? cited.date : null,
        issuer: next() < 0.5 ? cited.issuer : null,
        relation: c === 0 ? "implements" : "mentions",
        shortName: null,
        spans: [{ start: c * 100, end: c * 100 + 30 }],
      });
    }
    facts.push({
      id: `vb_${i.toString(16).padStart(24, "0")}`,
      fileName: `${i}.txt`,
      documentType: own.type,
      number: own.number,
      numberParts: partsOf(own.number),
      issueDate: own.date,
      issuer: own.issuer,
      title: null,
      citations,
      selfReferences: 0,
    });
  }
  return facts;
}

/** Wall and CPU seconds of a phase: on a shared machine the CPU time is the steadier figure. */
function phase() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return `${((performance.now() - wall) / 1000).toFixed(1)} s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s)`;
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function latency(label, samples, run) {
  const times = samples.map((sample) => {
    const start = performance.now();
    run(sample);
    return performance.now() - start;
  });
  times.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(16)} p50 ${percentile(times, 50).toFixed(3)} ms   p99 ${percentile(times, 99).toFixed(3)} ms   (${samples.length} queries)`);
}
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function graphAtScale(work) {
  console.log(`synthetic archive: ${DOCUMENTS.toLocaleString("en")} documents, ${(DOCUMENTS * CITATIONS_PER_DOCUMENT).toLocaleString("en")} citations`);
  let done = phase();
  const facts = buildFacts();
  console.log(`  generate facts   ${done()}`);
  const archive = join(work, "synthetic");
  done = phase();
  const writer = await FileGraphStore.open(archive);
  for (let i = 0; i < facts.length; i += 1_000) await writer.putDocuments(facts.slice(i, i + 1_000));
  await writer.close();
  console.log(`  write facts log  ${done()}, fsync per 1,000 documents`);
  facts.length = 0;

  const build = phase();
  done = phase();
  const store = await FileGraphStore.open(archive);
  console.log(`  open (replay)    ${done()}`);
  done = phase();
  const derived = await store.graph();
  const { nodes, edges, candidates } = derived.data;
  console.log(`  derive graph     ${done()}, snapshot written: ${nodes.length.toLocaleString("en")} nodes (${nodes.filter((n) => n.status === "placeholder").length.toLocaleString("en")} placeholders), ${edges.length.toLocaleString("en")} edges, ${candidates.length.toLocaleString("en")} candidates`);
  console.log(`  build total      ${build()}, open + derive`);
  console.log(`  peak RSS         ${rssMb()} MB`);
  await store.close();
  done = phase();
  const { graph } = await FileGraphStore.readGraph(archive);
  console.log(`  a query's open   ${done()}: the snapshot read back, since the log has not changed`);

  const next = random(7);
  const archived = nodes.filter((n) => n.status === "archived");
  const pick = (count) => Array.from({ length: count }, () => archived[Math.floor(next() * archived.length)].id);
  latency("cites", pick(QUERY_SAMPLES), (id) => graph.cites(id).length);
  latency("cited-by", pick(QUERY_SAMPLES), (id) => graph.citedBy(id).length);
  let reached = 0;
  latency("chain up, depth 5", pick(CHAIN_SAMPLES), (id) => (reached += chain(graph, id, "up", 5).length));
  console.log(`  (a depth-5 chain reaches ${Math.round(reached / CHAIN_SAMPLES).toLocaleString("en")} documents on average: the synthetic graph is dense)`);
}

async function ingestThroughput(work) {
  const seeds = readTexts("fixtures/seeds", ".txt");
  const inputs = join(work, "inputs");
  mkdirSync(inputs);
  for (let i = 0; i < INGEST_FILES; i++) {
    const seed = seeds[i % seeds.length];
    // A line of its own makes a new document (a new id) without changing what is extracted.
    writeFileSync(join(inputs, `${String(i).padStart(5, "0")}_${seed.name}`), `${seed.text}\nBản sao số ${i + 1}.\n`);
  }
  const done = phase(); // process CPU: the worker threads' included
  const start = performance.now();
  const summary = await ingest([inputs], { archiveDir: join(work, "ingested") });
  const seconds = (performance.now() - start) / 1000;
  const took = done();
  console.log(`ingest: ${INGEST_FILES.toLocaleString("en")} files (the seeds, varied) on ${availableParallelism()} cores`);
  console.log(`  ${summary.extracted} extracted, ${summary.failed} failed in ${took}: ${(summary.extracted / seconds).toFixed(0)} documents/s`);
  console.log(`  graph: ${summary.graph.nodes} nodes, ${summary.graph.edges} edges, ${summary.graph.candidates} candidates`);
}

const work = process.env.GRAPH_WORK ?? mkdtempSync(join(tmpdir(), "vanban-bench-graph-"));
try {
  await graphAtScale(work);
  await ingestThroughput(work);
} finally {
  if (process.env.GRAPH_WORK === undefined) rmSync(work, { recursive: true, force: true });
}
