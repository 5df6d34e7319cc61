import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/pipeline/config.js";
import { packageRoot } from "../../src/package-root.js";

const DIR = join(packageRoot(), "pipelines");
const definitions = readdirSync(DIR).filter((name) => name.endsWith(".json")).sort();

describe("the committed pipeline definitions", () => {
  it("include the default one", () => {
    expect(definitions).toContain("default.json");
  });

  it.each(definitions)("%s passes the schema it is read with at start-up, and is named after its file", (name) => {
    const pipeline = loadPipeline(join(DIR, name));
    expect(pipeline.name).toBe(name.replace(/\.json$/, ""));
  });
});
