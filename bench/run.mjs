// Runs every benchmark in bench/ (each `*.mjs` but this file and `_` helpers), each in its own
// process so one cannot warm up or burden the heap of the next.
// Usage: npm run bench [-- NAME...]   e.g. npm run bench -- extract
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(BENCH_DIR)
  .filter((name) => name.endsWith(".mjs") && name !== "run.mjs" && !name.startsWith("_"))
  .map((name) => basename(name, ".mjs"))
  .sort();

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`bench: no benchmark named ${unknown.join(", ")} (available: ${available.join(", ")})`);
  process.exit(2);
}

let failed = 0;
for (const name of requested.length > 0 ? requested : available) {
  console.log(`== bench/${name}.mjs`);
  const result = spawnSync(process.execPath, [join(BENCH_DIR, `${name}.mjs`)], { stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    console.error(`bench: ${name} failed (exit ${result.status ?? result.signal})`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
