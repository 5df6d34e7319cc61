// Runs the built CLI (bin/vanban.js → dist/): `npm test` builds first.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { vanbanDocumentSchema, type VanbanDocument } from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "vanban.js");
const SEED_DIR = join(ROOT, "fixtures", "seeds");
const [SEED_A, SEED_B] = readdirSync(SEED_DIR)
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map((name) => join(SEED_DIR, name));
if (SEED_A === undefined || SEED_B === undefined) throw new Error("test needs two seeds in fixtures/seeds");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function vanban(...args: string[]): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 15_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function parseDocument(json: string): VanbanDocument {
  const result = vanbanDocumentSchema.safeParse(JSON.parse(json));
  expect(result.error).toBeUndefined();
  return result.data!;
}

const stem = (path: string): string => basename(path, extname(path));

/** Bytes no text decoder should accept: NULs at an odd stride (not UTF-16's) and no BOM or magic. */
function binaryNoise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x2545f491;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = i % 7 === 3 ? 0 : (state >>> 16) & 0xff;
  }
  bytes[0] = 0x01;
  return bytes;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "vanban-cli-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("vanban extract: output", () => {
  it("prints one input as one JSON line on stdout", () => {
    const run = vanban("extract", SEED_A);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.endsWith("\n")).toBe(true);
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(parseDocument(run.stdout).source.fileName).toBe(basename(SEED_A));
  });

  it("indents a single input with --pretty", () => {
    const run = vanban("extract", "--pretty", SEED_A);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('{\n  "')).toBe(true);
    parseDocument(run.stdout);
  });

  it("prints NDJSON for several inputs, in input order", () => {
    const run = vanban("extract", SEED_B, SEED_A);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.map((line) => parseDocument(line).source.fileName)).toEqual([basename(SEED_B), basename(SEED_A)]);
  });

  it("--out writes DIR/<name>.json per input, indented, creating DIR, nothing on stdout", () => {
    const out = join(dir, "nested", "out");
    const run = vanban("extract", SEED_A, SEED_B, "--out", out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    // No temp file may be left beside the results.
    expect(readdirSync(out).sort()).toEqual([`${stem(SEED_A)}.json`, `${stem(SEED_B)}.json`].sort());
    for (const seed of [SEED_A, SEED_B]) {
      const written = readFileSync(join(out, `${stem(seed)}.json`), "utf8");
      expect(written.startsWith('{\n  "')).toBe(true);
      expect(written.endsWith("}\n")).toBe(true);
      expect(parseDocument(written).source.fileName).toBe(basename(seed));
    }
  });
});

describe("vanban extract: failed inputs", () => {
  const badInputs: { name: string; code: string; make(dir: string): string }[] = [
    {
      name: "an empty file",
      code: "empty",
      make: (d) => {
        writeFileSync(join(d, "empty.txt"), "");
        return join(d, "empty.txt");
      },
    },
    {
      name: "a binary file",
      code: "binary",
      make: (d) => {
        writeFileSync(join(d, "noise.txt"), binaryNoise(4096));
        return join(d, "noise.txt");
      },
    },
    { name: "a missing file", code: "unreadable", make: (d) => join(d, "missing.txt") },
  ];

  it.each(badInputs)("$name fails with $code and the other input is still written", ({ code, make }) => {
    const bad = make(dir);
    const out = join(dir, "out");
    const run = vanban("extract", bad, SEED_A, "--out", out);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`vanban: ${bad}: ${code}: `);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(existsSync(join(out, `${stem(bad)}.json`))).toBe(false);
    parseDocument(readFileSync(join(out, `${stem(SEED_A)}.json`), "utf8"));
  });

  it.each(badInputs)("$name prints no stdout line; the other input's line is still printed", ({ code, make }) => {
    const bad = make(dir);
    const run = vanban("extract", SEED_A, bad);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`vanban: ${bad}: ${code}: `);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(parseDocument(lines[0]!).source.fileName).toBe(basename(SEED_A));
  });

  it("an input over the pipeline's maxBytes fails with too-large", () => {
    const defaults: unknown = JSON.parse(readFileSync(join(ROOT, "pipelines", "default.json"), "utf8"));
    const pipeline = join(dir, "tiny.json");
    writeFileSync(pipeline, JSON.stringify({ ...(defaults as object), name: "tiny", limits: { ...(defaults as { limits: object }).limits, maxBytes: 16 } }));
    const run = vanban("extract", "--pipeline", pipeline, SEED_A);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`vanban: ${SEED_A}: too-large: `);
  });
});

describe("vanban: usage", () => {
  it.each([[["--help"]], [["extract", "--help"]]])("%j documents every option", (args) => {
    const run = vanban(...args);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    for (const option of ["--out", "--pipeline", "--pretty", "--help"]) expect(run.stdout).toContain(option);
    expect(run.stdout).toMatch(/vanban extract \S+\.txt/);
  });

  it("--help names --version", () => {
    expect(vanban("--help").stdout).toContain("--version");
  });

  it("--version prints the package version", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const run = vanban("--version");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });

  it.each([
    { name: "an unknown option", args: ["extract", "--nope", "a.txt"] },
    { name: "an unknown top-level option", args: ["--nope"] },
    { name: "no input files", args: ["extract"] },
    { name: "no command", args: [] },
    { name: "an unknown command", args: ["frobnicate"] },
    { name: "--out without a folder", args: ["extract", "a.txt", "--out"] },
  ])("$name exits 2 with a hint to --help", ({ args }) => {
    const run = vanban(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^vanban: .+\n.*--help/);
  });

  it("an invalid --pipeline exits 2 with zod's reasons before reading any input", () => {
    const pipeline = join(dir, "bad.json");
    writeFileSync(pipeline, JSON.stringify({ name: "bad", stages: ["extract", "load"], strategy: "auto", limits: {} }));
    const run = vanban("extract", "--pipeline", pipeline, join(dir, "missing.txt"));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(pipeline);
    expect(run.stderr).toContain("stages");
    expect(run.stderr).not.toContain("missing.txt");
  });
});
