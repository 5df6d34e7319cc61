#!/usr/bin/env node
// Scores every format variant of the seeds (fixtures/formats/<seed>.<variant>) against the same
// gold as the text version, and compares field by field with the text version's own score.
// Usage: npm run eval:formats [-- --check] [--variant docx,pdf ...] [--pipeline FILE] [--verbose]
//   --pipeline  another pipeline definition (e.g. ocr.engine "tesseract.js", to score scans without the system tesseract)
//   --check  exit 1 unless each variant is within its tolerance of the text version on every
//            field (1 point; 5 for scans and photos) and number, date and type match exactly
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SCORER = resolve(ROOT, "..", "shared", "eval", "score.mjs");
const GOLD = resolve(ROOT, "..", "shared", "eval", "gold");
const CLI = join(ROOT, "bin", "vanban.js");
const SEEDS = join(ROOT, "fixtures", "seeds");
const FORMATS = join(ROOT, "fixtures", "formats");
/** Points of F1 a variant may lose against the text version, per field. */
const TOLERANCE = { default: 1, "scan.pdf": 5 };
/** Read from the header, where a scan's OCR must still be exact. */
const EXACT_FIELDS = ["number", "issueDate", "documentType"];

const { values: options } = parseArgs({
  options: {
    check: { type: "boolean" },
    verbose: { type: "boolean" },
    variant: { type: "string" },
    pipeline: { type: "string" },
  },
});

function extractAll(files, outDir) {
  mkdirSync(outDir, { recursive: true });
  const pipeline = options.pipeline === undefined ? [] : ["--pipeline", options.pipeline];
  const run = spawnSync(process.execPath, [CLI, "extract", ...files, "--out", outDir, ...pipeline], { encoding: "utf8" });
  if (run.stderr.trim() !== "") process.stderr.write(run.stderr);
  // --out names each output after its input's last extension; the scorer wants the seed's stem.
  for (const name of readdirSync(outDir)) {
    const stem = name.split(".")[0];
    if (`${stem}.json` !== name) renameSync(join(outDir, name), join(outDir, `${stem}.json`));
  }
}

function score(predDir) {
  const run = spawnSync(process.execPath, [SCORER, "--gold", GOLD, "--pred", predDir, "--json"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`score.mjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

function headerFields(dir) {
  const fields = new Map();
  for (const name of readdirSync(dir)) {
    const d = JSON.parse(readFileSync(join(dir, name), "utf8"));
    fields.set(name, { number: d.number, issueDate: d.issueDate, documentType: d.documentType?.code });
  }
  return fields;
}

function variantsOf(seedStems) {
  const byVariant = new Map();
  if (!existsSync(FORMATS)) return byVariant;
  for (const name of readdirSync(FORMATS).sort()) {
    const stem = seedStems.find((s) => name.startsWith(`${s}.`));
    if (stem === undefined) continue;
    const variant = name.slice(stem.length + 1);
    if (!byVariant.has(variant)) byVariant.set(variant, []);
    byVariant.get(variant).push(join(FORMATS, name));
  }
  return byVariant;
}

function main() {
  if (!existsSync(SCORER)) throw new Error(`missing ${SCORER} (../shared beside the checkout)`);
  const seedFiles = readdirSync(SEEDS).filter((n) => n.endsWith(".txt")).sort();
  const seedStems = seedFiles.map((n) => n.replace(/\.txt$/, ""));
  const work = mkdtempSync(join(tmpdir(), "vanban-formats-"));
  try {
    extractAll(seedFiles.map((n) => join(SEEDS, n)), join(work, "text"));
    const baseline = score(join(work, "text"));
    const baseF1 = new Map(baseline.fields.map((f) => [f.field, f.f1]));
    const baseHeader = headerFields(join(work, "text"));
    const wanted = options.variant?.split(",");
    const failures = [];
    const summary = [];
    for (const [variant, files] of variantsOf(seedStems)) {
      if (wanted && !wanted.includes(variant)) continue;
      const dir = join(work, variant.replace(/\W/g, "_"));
      const started = performance.now();
      extractAll(files, dir);
      const seconds = (performance.now() - started) / 1000;
      const tolerance = TOLERANCE[variant] ?? TOLERANCE.default;
      const header = headerFields(dir);
      const exactMisses = [];
      for (const [name, fields] of header) {
        const base = baseHeader.get(name);
        for (const field of EXACT_FIELDS) {
          if (JSON.stringify(fields[field]) !== JSON.stringify(base?.[field])) {
            exactMisses.push(`${name.split("_")[0]} ${field} ${JSON.stringify(fields[field])} ≠ ${JSON.stringify(base?.[field])}`);
          }
        }
      }
      // A photo of one page is only measured on the header it shows.
      const partial = files.length < seedFiles.length || variant.endsWith("jpg");
      const report = partial ? null : score(dir);
      const worst = report
        ? report.fields
            .map((f) => ({ field: f.field, f1: f.f1, delta: 100 * (f.f1 - (baseF1.get(f.field) ?? 1)) }))
            .sort((a, b) => a.delta - b.delta)
        : [];
      const over = worst.filter((f) => f.delta < -tolerance - 1e-9);
      summary.push({
        variant,
        files: files.length,
        seconds,
        macro: report ? 100 * report.macroF1 : null,
        missing: report?.missingPredictions ?? seedFiles.length - header.size,
        worst: worst[0],
        over,
        exactMisses,
      });
      if (over.length > 0 || exactMisses.length > 0 || (report?.missingPredictions ?? 0) > 0) failures.push(variant);
      if (options.verbose && report) {
        for (const f of worst.filter((w) => w.delta < 0)) console.log(`  ${variant} ${f.field} ${f.delta.toFixed(1)}`);
      }
    }
    console.log(`text baseline: macro F1 ${(100 * baseline.macroF1).toFixed(1)} on ${seedFiles.length} seeds`);
    console.log("variant          files  seconds   macro  missing  worst field (points vs text)   header exact");
    for (const s of summary) {
      const worst = s.worst ? `${s.worst.field} ${s.worst.delta.toFixed(1)}` : "(header only)";
      console.log(
        `${s.variant.padEnd(16)} ${String(s.files).padStart(5)} ${s.seconds.toFixed(1).padStart(8)} ${
          s.macro === null ? "     -" : s.macro.toFixed(1).padStart(7)
        } ${String(s.missing).padStart(8)}  ${worst.padEnd(30)} ${s.exactMisses.length === 0 ? "yes" : s.exactMisses.join("; ")}`,
      );
      for (const f of s.over) console.log(`    over tolerance: ${f.field} ${f.delta.toFixed(1)} points`);
    }
    if (summary.length === 0) console.log(`no format variants in ${FORMATS}`);
    if (!options.check) return 0;
    if (failures.length === 0 && summary.length > 0) {
      console.log("check: PASS");
      return 0;
    }
    console.log(`check: FAIL (${failures.join(", ") || "no variants"})`);
    return 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = main();
