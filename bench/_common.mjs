// Helpers shared by bench files. Files starting with "_" are not benchmarks: bench/run.mjs skips them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Imports a module of the build (`dist/...`), with a clear message when there is no build. */
export async function loadBuilt(relativePath) {
  const path = join(ROOT, relativePath);
  if (!existsSync(path)) throw new Error(`${relativePath} is missing: run \`npm run build\` first`);
  return import(pathToFileURL(path).href);
}

/** The files of a fixture folder with one extension, as text, in name order. */
export function readTexts(relativeDir, extension) {
  const dir = join(ROOT, relativeDir);
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), "utf8");
      return { name, text, bytes: Buffer.byteLength(text, "utf8") };
    });
}

/**
 * Calls `work(item)` for every item, pass after pass, until `budgetMs` has elapsed (checked
 * after each pass). Returns how much was done and how long it took.
 */
export function loopFor(items, budgetMs, work) {
  let documents = 0;
  let bytes = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const item of items) {
      work(item);
      documents++;
      bytes += item.bytes;
    }
    elapsed = performance.now() - start;
  } while (elapsed < budgetMs);
  const cpu = process.cpuUsage(cpuBefore);
  return { documents, bytes, ms: elapsed, cpuMs: (cpu.user + cpu.system) / 1000 };
}
