import { describe, expect, it } from "vitest";
import { progressReporter } from "../../src/cli/progress.js";
import type { IngestProgress } from "../../src/ingest/ingest.js";

const at = (extracted: number): IngestProgress => ({ total: 10, extracted, skipped: 0, failed: 0, file: `f${extracted}.txt` });

/** Feeds the reporter one update per simulated second and collects what it writes. */
function written(isTTY: boolean, updates: number): string[] {
  const out: string[] = [];
  let clock = 0;
  const reporter = progressReporter((text) => out.push(text), isTTY, () => clock);
  for (let i = 1; i <= updates; i++) {
    clock = i * 1000;
    reporter.update(at(i));
  }
  reporter.end();
  return out;
}

describe("ingest progress", () => {
  it("redraws one bar in place on a terminal", () => {
    const out = written(true, 10);
    expect(out).toHaveLength(11);
    expect(out.every((line) => line.startsWith("\r["))).toBe(true);
    expect(out.at(-1)).toMatch(/^\r\[#{30}\] 10\/10 .*\n$/);
  });

  it("writes a plain line every five seconds and a last one when not on a terminal", () => {
    const out = written(false, 10);
    expect(out).toHaveLength(3);
    expect(out.every((line) => line.startsWith("vanban: ingest ") && line.endsWith("\n") && !line.includes("\r"))).toBe(true);
    expect(out.at(-1)).toContain("10/10 (10 extracted, 0 skipped, 0 failed) 1.0 documents/s");
  });
});
