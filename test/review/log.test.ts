import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Correction } from "../../src/review/corrections.js";
import { CorrectionLog } from "../../src/review/log.js";

const dir = mkdtempSync(join(tmpdir(), "vanban-corrections-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const correction = (n: number, documentId = "vb_111111111111111111111111"): Correction => ({
  id: `cr_${String(n).padStart(16, "0")}`,
  documentId,
  field: "/title",
  value: `trích yếu ${n}`,
  machineValue: "máy",
  by: "Lan",
  at: "2026-12-04T10:00:00.000Z",
  note: null,
});

describe("the corrections log", () => {
  it("keeps every correction across a reopen, per document and in order", async () => {
    const path = join(dir, "ordered.ndjson");
    const log = await CorrectionLog.open(path);
    await Promise.all([log.append(correction(1)), log.append(correction(2, "vb_222222222222222222222222")), log.append(correction(3))]);
    await log.close();
    const again = await CorrectionLog.open(path);
    expect(again.of("vb_111111111111111111111111").map((c) => c.id)).toEqual([correction(1).id, correction(3).id]);
    expect(again.all()).toHaveLength(3);
    await again.close();
  });
  it("skips a line torn by a crash, counts it, and appends the next correction on a line of its own", async () => {
    const path = join(dir, "torn.ndjson");
    const log = await CorrectionLog.open(path);
    await log.append(correction(1));
    await log.close();
    appendFileSync(path, '{"id":"cr_00000000000000');
    const reopened = await CorrectionLog.open(path);
    expect(reopened.skippedLines).toBe(1);
    await reopened.append(correction(2));
    await reopened.close();
    const last = await CorrectionLog.open(path);
    expect(last.all().map((c) => c.id)).toEqual([correction(1).id, correction(2).id]);
    expect(readFileSync(path, "utf8").split("\n").filter((l) => l !== "")).toHaveLength(3);
    await last.close();
  });
});
