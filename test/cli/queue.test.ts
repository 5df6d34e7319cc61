import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestQueue, openTestQueue, REDIS_URL, type TestQueue } from "../queue/helpers.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "vanban.js");
// REDIS_URL of the caller's shell must not turn a usage error into a run.
const ENV = { ...process.env, REDIS_URL: undefined };

function vanban(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: ENV });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let work: string;
let test: TestQueue;
let worker: ChildProcess;
let queueArgs: string[];
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "vanban-cli-queue-"));
  test = await openTestQueue();
  queueArgs = ["--redis", REDIS_URL, "--prefix", test.prefix];
  worker = spawn(process.execPath, [BIN, "worker", ...queueArgs], { cwd: ROOT, stdio: "ignore", env: ENV });
});
afterAll(async () => {
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  worker.kill("SIGTERM");
  await exited;
  await closeTestQueue(test);
  rmSync(work, { recursive: true, force: true });
});

describe("vanban on the queue", () => {
  it("ingests the seeds through the workers into an archive that answers as embedded ingest's does", () => {
    const queued = join(work, "queued");
    const run = vanban("ingest", "fixtures/seeds", ...queueArgs, "--archive", queued);
    expect(run.stderr).toMatch(/5 done by the queue, 0 already archived, 0 failed/);
    expect(run.status).toBe(0);
    const embedded = join(work, "embedded");
    expect(vanban("ingest", "fixtures/seeds", "--archive", embedded).status).toBe(0);
    for (const query of [["missing"], ["chain", "89/KH-MNHL", "--up"], ["cited-by", "28-CT/TW"]]) {
      const fromArchive = vanban("graph", ...query, "--archive", queued, "--json");
      expect(fromArchive.stdout).toBe(vanban("graph", ...query, "--archive", embedded, "--json").stdout);
      expect(vanban("graph", ...query, ...queueArgs, "--json").stdout).toBe(fromArchive.stdout);
    }
  });

  it("shows counts per stage and each failure with its code, and queues failures again on retry", () => {
    const empty = join(work, "empty.txt");
    writeFileSync(empty, "");
    const ingest = vanban("ingest", empty, ...queueArgs);
    expect(ingest.status).toBe(1);
    expect(ingest.stderr).toContain(`${empty}: empty: the file is empty`);
    const status = JSON.parse(vanban("status", ...queueArgs, "--json").stdout) as { documents: number; stages: { link: { completed: number; failed: number } }; failures: { file: string; code: string }[] };
    expect(status.documents).toBe(5);
    expect(status.stages.link.failed).toBe(1);
    expect(status.failures.map((f) => [f.file, f.code])).toEqual([[empty, "empty"]]);
    expect(vanban("status", ...queueArgs).stdout).toMatch(/1 failed:\n {2}.*empty\.txt: load: empty: the file is empty \(1 try\)/);
    const retry = vanban("retry", ...queueArgs);
    expect(retry.stderr).toContain("1 failed document queued again");
    expect(retry.status).toBe(0);
  });

  it.each([
    { args: ["worker"], message: "--redis URL (or REDIS_URL) is required" },
    { args: ["status", "--redis", "redis://127.0.0.1:6379", "--prefix", "vanban"], message: "the prefix must be a hash tag in braces" },
    { args: ["ingest", "fixtures/seeds", "--archive", "x", "--detach"], message: "--detach needs --redis URL" },
    { args: ["ingest", "fixtures/seeds", "--redis", "redis://127.0.0.1:6379", "--workers", "2"], message: "--workers is for embedded ingest" },
    { args: ["ingest", "fixtures/seeds", "--archive", "x", "--concurrency", "2"], message: "--concurrency needs --redis URL" },
    { args: ["retry", "--redis", "redis://127.0.0.1:6379", "--json"], message: "--json is for 'status'" },
  ])("refuses $args with exit status 2: $message", ({ args, message }) => {
    const run = vanban(...args);
    expect(run.stderr).toContain(message);
    expect(run.status).toBe(2);
  });
});
