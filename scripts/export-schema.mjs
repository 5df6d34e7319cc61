#!/usr/bin/env node
// Writes schema/vanban-document.schema.json from the zod schema (npm run schema). The file is
// committed; test/schema/json-schema.test.ts fails when it drifts from the zod source.
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { documentJsonSchema } = await import(join(root, "dist/src/index.js"));
const target = join(root, "schema", "vanban-document.schema.json");
writeFileSync(target, `${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
