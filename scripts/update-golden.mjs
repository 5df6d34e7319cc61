#!/usr/bin/env node
// Rewrites fixtures/golden/<seed>.json from the current extractor (npm run golden). Review the
// diff before committing: test/golden/seeds.test.ts also checks key fields against values
// written by hand, so a regression cannot be blessed by regenerating.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { extract } = await import(join(root, "dist/src/index.js"));
const seeds = join(root, "fixtures", "seeds");
for (const name of readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort()) {
  const document = extract(readFileSync(join(seeds, name), "utf8"), { fileName: name });
  const target = join(root, "fixtures", "golden", `${basename(name, extname(name))}.json`);
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`wrote ${target}`);
}
