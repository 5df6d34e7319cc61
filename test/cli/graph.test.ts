import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { edgeSchema, graphSchema, nodeSchema } from "../../src/graph/derive.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "vanban.js");

function vanban(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let archive: string;
let ingestRun: ReturnType<typeof vanban>;
beforeAll(() => {
  archive = mkdtempSync(join(tmpdir(), "vanban-cli-graph-"));
  ingestRun = vanban("ingest", "fixtures/seeds", "--archive", archive);
});
afterAll(() => rmSync(archive, { recursive: true, force: true }));

describe("vanban ingest", () => {
  it("archives the seeds and reports progress lines on stderr when stderr is no terminal", () => {
    expect(ingestRun.status).toBe(0);
    expect(ingestRun.stdout).toBe("");
    expect(ingestRun.stderr).toMatch(/^vanban: ingest \d+\/5 /m);
    expect(ingestRun.stderr).toMatch(/5 extracted, 0 already archived, 0 failed/);
  });

  it.each([
    { args: ["ingest", "fixtures/seeds"], message: "--archive DIR (or --redis URL) is required" },
    { args: ["ingest", "--archive", "x"], message: "no files or folders to ingest" },
    { args: ["ingest", "fixtures/seeds", "--archive", "x", "--workers", "0"], message: "--workers needs a whole number above 0" },
  ])("refuses with exit status 2: $message", ({ args, message }) => {
    const run = vanban(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe("vanban graph", () => {
  it("walks the chain up from seed 002 to Chỉ thị 28-CT/TW", () => {
    const run = vanban("graph", "chain", "89/KH-MNHL", "--up", "--archive", archive);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Chỉ thị 28-CT/TW (2023-12-25, Bộ Chính trị)");
  });

  it("answers in JSON with --json", () => {
    const run = vanban("graph", "cited-by", "11-CT/TW", "--archive", archive, "--json");
    const answer = z.object({ node: nodeSchema, edges: z.array(edgeSchema) }).parse(JSON.parse(run.stdout));
    expect(answer.node.number).toBe("11-CT/TW");
    expect(answer.edges).toHaveLength(1);
  });

  it("lists what 'Chỉ thị 20' may mean instead of guessing", () => {
    const run = vanban("graph", "cited-by", "Chỉ thị 20", "--archive", archive);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("is ambiguous");
    expect(run.stderr).toContain("[CHI_THI:20-CT/TW@khoa-XI]");
    expect(run.stderr).toContain("[CHI_THI:20-CT/TU@nk-2010-2015]");
  });

  it("lists 2123-CV/BTGTW among the missing documents, and the 20-CT/TU candidate with its reasons", () => {
    const run = vanban("graph", "missing", "--limit", "100", "--archive", archive);
    expect(run.stdout).toContain("Công văn 2123-CV/BTGTW");
    expect(run.stdout).toMatch(/may be the same as Chỉ thị 20-CT\/TW .*issuer code TU ≠ TW/);
  });

  it("exports JSON that passes the graph schema", () => {
    const run = vanban("graph", "export", "--format", "json", "--archive", archive);
    expect(graphSchema.parse(JSON.parse(run.stdout)).nodes.length).toBeGreaterThan(40);
  });

  it("writes the neo4j CSV files into the archive by default", () => {
    expect(vanban("graph", "export", "--format", "neo4j", "--archive", archive).status).toBe(0);
    expect(readFileSync(join(archive, "export", "neo4j", "nodes.csv"), "utf8")).toMatch(/^"id:ID",":LABEL"/);
  });

  it.each([
    { args: ["graph", "chain", "89/KH-MNHL", "--archive", "x"], message: "chain needs one of --up or --down", status: 2 },
    { args: ["graph", "export", "--format", "svg", "--archive", "x"], message: "--format must be one of json, graphml, dot, neo4j", status: 2 },
    { args: ["graph", "cites", "--archive", "x"], message: "'cites' needs one <doc>", status: 2 },
    { args: ["graph", "top", "--archive", "/nonexistent"], message: "is not an archive", status: 2 },
  ])("refuses: $message", ({ args, message, status }) => {
    const run = vanban(...args);
    expect(run.status).toBe(status);
    expect(run.stderr).toContain(message);
  });
});
