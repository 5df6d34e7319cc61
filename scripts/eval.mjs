#!/usr/bin/env node
// Scores the built CLI's output on a corpus against gold annotations (../shared/eval/score.mjs).
// Usage: npm run eval [-- --verbose] [--corpus DIR] [--gold DIR] [--check]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = resolve(ROOT, "..", "shared");
const SCORER = join(SHARED, "eval", "score.mjs");
const CLI = join(ROOT, "bin", "vanban.js");
const MIN_FIELD_F1 = 0.95;
const MIN_MACRO_F1 = 0.97;
// Scores are ratios of small counts; do not fail 0.95 for 0.9499999999.
const EPSILON = 1e-9;

const USAGE = `usage: node scripts/eval.mjs [--verbose] [--corpus DIR] [--gold DIR] [--check]
  --corpus DIR  documents to extract: every file in DIR but hidden, .json and .md files
                (default fixtures/seeds)
  --gold DIR    gold annotations (default ../shared/eval/gold)
  --verbose     list every miss (passed to score.mjs)
  --check       exit 1 unless every field's F1 >= ${MIN_FIELD_F1} and macro F1 >= ${MIN_MACRO_F1}`;

function fail(message) {
  console.error(`eval: ${message}`);
  return 2;
}

function corpusFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith(".") && !/\.(json|md)$/i.test(entry.name))
    .map((entry) => join(dir, entry.name))
    .sort();
}

function score(goldDir, predDir, extraArgs, capture) {
  return spawnSync(process.execPath, [SCORER, "--gold", goldDir, "--pred", predDir, ...extraArgs], {
    encoding: "utf8",
    stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The reasons a score misses the bar; empty when it passes. */
function shortfalls(report) {
  const reasons = report.fields
    .filter((field) => field.f1 < MIN_FIELD_F1 - EPSILON)
    .map((field) => `${field.field} F1 ${(100 * field.f1).toFixed(1)} < ${(100 * MIN_FIELD_F1).toFixed(1)}`);
  if (report.macroF1 < MIN_MACRO_F1 - EPSILON) {
    reasons.push(`macro F1 ${(100 * report.macroF1).toFixed(1)} < ${(100 * MIN_MACRO_F1).toFixed(1)}`);
  }
  return reasons;
}

function main() {
  let options;
  try {
    options = parseArgs({
      options: {
        verbose: { type: "boolean" },
        check: { type: "boolean" },
        corpus: { type: "string" },
        gold: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    return fail(`${error.message}\n${USAGE}`);
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(SCORER)) {
    return fail(`the shared evaluation kit is missing: expected ${SCORER} (../shared beside the checkout)`);
  }
  if (!existsSync(join(ROOT, "dist", "src", "cli", "main.js"))) return fail("no build found: run `npm run build` first");
  const corpusDir = resolve(options.corpus ?? join(ROOT, "fixtures", "seeds"));
  const goldDir = resolve(options.gold ?? join(SHARED, "eval", "gold"));
  if (!existsSync(corpusDir)) return fail(`corpus folder ${corpusDir} does not exist`);
  if (!existsSync(goldDir)) return fail(`gold folder ${goldDir} does not exist`);
  const inputs = corpusFiles(corpusDir);
  if (inputs.length === 0) return fail(`no documents in ${corpusDir}`);

  const predDir = mkdtempSync(join(tmpdir(), "vanban-eval-"));
  try {
    const cli = spawnSync(process.execPath, [CLI, "extract", ...inputs, "--out", predDir], { stdio: "inherit" });
    if (cli.status === 1) console.error("eval: some inputs failed (above); they count as missing predictions");
    else if (cli.status !== 0) return fail(`vanban extract did not run (exit ${cli.status ?? cli.signal})`);

    console.log(`corpus: ${corpusDir} (${inputs.length} files)\ngold:   ${goldDir}`);
    const table = score(goldDir, predDir, options.verbose ? ["--verbose"] : [], false);
    if (table.status !== 0) return fail(`score.mjs failed (exit ${table.status ?? table.signal})`);
    if (!options.check) return 0;

    const json = score(goldDir, predDir, ["--json"], true);
    if (json.status !== 0) return fail(`score.mjs --json failed (exit ${json.status ?? json.signal})`);
    const reasons = shortfalls(JSON.parse(json.stdout));
    if (reasons.length === 0) {
      console.log(`check: PASS (every field F1 >= ${MIN_FIELD_F1}, macro F1 >= ${MIN_MACRO_F1})`);
      return 0;
    }
    console.log(`check: FAIL\n${reasons.map((reason) => `  ${reason}`).join("\n")}`);
    return 1;
  } finally {
    rmSync(predDir, { recursive: true, force: true });
  }
}

process.exitCode = main();
