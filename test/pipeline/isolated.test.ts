import { describe, expect, it } from "vitest";
import { VanbanError } from "../../src/errors.js";
import { defaultPipeline, type PipelineConfig } from "../../src/pipeline/config.js";
import { loadIsolated } from "../../src/pipeline/isolated.js";

const withLimits = (limits: Partial<PipelineConfig["limits"]>): PipelineConfig => ({
  ...defaultPipeline(),
  limits: { ...defaultPipeline().limits, ...limits },
});

async function failureOf(work: Promise<unknown>): Promise<VanbanError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VanbanError);
  return error as VanbanError;
}

describe("loadIsolated", () => {
  it("reads a file in a worker thread and returns the canonical document", async () => {
    const loaded = await loadIsolated(Buffer.from("Số: 45/KH-UBND\n\nKẾ HOẠCH\n"), { fileName: "a.txt", config: defaultPipeline() });
    expect(loaded.format).toBe("text");
    expect(loaded.pages[0]?.blocks[0]?.text).toContain("45/KH-UBND");
  });

  it("keeps a loader's typed failure, code and retry advice, across the thread", async () => {
    const error = await failureOf(loadIsolated(Buffer.alloc(0), { fileName: "empty.txt", config: defaultPipeline() }));
    expect(error.code).toBe("empty");
    expect(error.retryable).toBe(false);
    expect(error.file).toBe("empty.txt");
  });

  it("ends a load that outlives stageTimeoutMs with a retryable timeout", async () => {
    const big = Buffer.from("Kế hoạch. ".repeat(500_000));
    const error = await failureOf(loadIsolated(big, { fileName: "slow.txt", config: withLimits({ stageTimeoutMs: 1 }) }));
    expect(error.code).toBe("timeout");
    expect(error.retryable).toBe(true);
  });

  it("ends a load that outgrows maxHeapMb as too-large, and the process goes on", async () => {
    const big = Buffer.from("Kế hoạch số 45. ".repeat(2_000_000));
    const error = await failureOf(loadIsolated(big, { fileName: "huge.txt", config: withLimits({ maxHeapMb: 8 }) }));
    expect(error.code).toBe("too-large");
    expect(error.message).toContain("8 MB");
  });

  it("replaces a thread it had to end: the next load after a timeout and a heap blow-up succeeds", async () => {
    await failureOf(loadIsolated(Buffer.from("Kế hoạch. ".repeat(500_000)), { fileName: "slow.txt", config: withLimits({ stageTimeoutMs: 1 }) }));
    await failureOf(loadIsolated(Buffer.from("Kế hoạch số 45. ".repeat(2_000_000)), { fileName: "huge.txt", config: withLimits({ maxHeapMb: 8 }) }));
    const loaded = await loadIsolated(Buffer.from("Số: 45/KH-UBND\n"), { fileName: "a.txt", config: defaultPipeline() });
    expect(loaded.pages[0]?.blocks[0]?.text).toContain("45/KH-UBND");
  });
});
