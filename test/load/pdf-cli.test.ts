import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("the CLI on a PDF", () => {
  it("prints one JSON document on stdout and exits at once: pdf.js leaves no worker or handle behind", () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ["bin/vanban.js", "extract", "fixtures/pdf/header-table.pdf"], { encoding: "utf8", timeout: 15_000 });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const document = JSON.parse(run.stdout) as { number: string; source: { format: string } };
    expect(document).toMatchObject({ number: "89/KH-UBND", source: { format: "pdf" } });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("reports a protected PDF on stderr with its code, and nothing on stdout", () => {
    const run = spawnSync(process.execPath, ["bin/vanban.js", "extract", "fixtures/pdf/encrypted.pdf"], { encoding: "utf8", timeout: 15_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^vanban: fixtures\/pdf\/encrypted\.pdf: encrypted: /);
  });
});
