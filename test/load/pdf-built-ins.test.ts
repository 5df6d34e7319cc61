// pdf.js's legacy build replaces built-ins with core-js versions for the whole thread; loading a
// PDF must leave V8's own in place (they are several times faster, and every stage uses them).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBytes } from "../../src/pipeline/run.js";

const PDF = join(import.meta.dirname, "../../fixtures/formats/002_54a447784a71b537.pdf");

describe("loading a PDF in this thread", () => {
  const before = { push: Array.prototype.push, parse: JSON.parse, toString: Function.prototype.toString };
  it("leaves Array.prototype.push, JSON.parse and Function.prototype.toString as they were", async () => {
    const loaded = await loadBytes(new Uint8Array(readFileSync(PDF)), { fileName: "plan.pdf", isolate: false });
    expect(loaded.format).toBe("pdf");
    expect({ push: Array.prototype.push, parse: JSON.parse, toString: Function.prototype.toString }).toEqual(before);
    expect(Array.prototype.push).toBe(before.push);
    expect(JSON.parse).toBe(before.parse);
  }, 30_000);
});
