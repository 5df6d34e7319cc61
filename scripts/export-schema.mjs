#!/usr/bin/env node
// Writes schema/vanban-document.schema.json and schema/openapi.json from the zod schemas (npm run schema). The file is
// committed; test/schema/json-schema.test.ts fails when it drifts from the zod source.
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { documentJsonSchema } = await import(join(root, "dist/src/index.js"));
const target = join(root, "schema", "vanban-document.schema.json");
writeFileSync(target, `${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);

// The HTTP API's OpenAPI document, made from the same zod schemas (test/http/api.test.ts guards it).
const { openApiDocument } = await import(join(root, "dist/src/http/openapi.js"));
const { packageVersion } = await import(join(root, "dist/src/package-root.js"));
const openapi = join(root, "schema", "openapi.json");
writeFileSync(openapi, `${JSON.stringify(openApiDocument(packageVersion()), null, 2)}\n`);
console.log(`wrote ${openapi}`);
