import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VanbanError } from "../../src/errors.js";
import type { OcrEngine, OcrSession } from "../../src/load/ocr/engine.js";
import { chooseEngine, recognise, workerCount, type OcrImage } from "../../src/load/ocr/index.js";
import { probeSystemTesseract } from "../../src/load/ocr/tesseract-cli.js";
import { configWith, OCR_TIMEOUT } from "./ocr-helpers.js";

const FIXTURE = join(import.meta.dirname, "../../fixtures/ocr/ke-hoach-45.png");
const page: OcrImage = { page: 1, bytes: readFileSync(FIXTURE), mediaType: "image/png" };


const system = await probeSystemTesseract();
const systemReadsVietnamese = system?.languages.includes("vie") ?? false;

describe.each([
  { engine: "tesseract.js" as const, runs: true, name: /^tesseract\.js \d+\.\d+\.\d+$/ },
  { engine: "tesseract" as const, runs: systemReadsVietnamese, name: /^tesseract \d+\.\d+/ },
])("recognise with $engine", ({ engine, runs, name }) => {
  // The system engine is optional (a fresh machine has none); tesseract.js must always run.
  it.skipIf(!runs)(
    `reads the type line, the number and the date of a scanned Kế hoạch${runs ? "" : " (skipped: no system tesseract with vie installed)"}`,
    async () => {
      const outcome = await recognise([page], { config: configWith({ engine }), fileName: "ke-hoach-45.png" });
      expect(outcome.engine).toMatch(name);
      const [result] = outcome.pages;
      expect(result!.text).toContain("KẾ HOẠCH");
      expect(result!.text).toContain("45/KH-UBND");
      expect(result!.text).toMatch(/ngày 12 tháng 3 năm 2024/u);
      expect(result!.confidence).toBeGreaterThan(0.8);
      expect(result!.confidence).toBeLessThanOrEqual(1);
      expect(result!.paragraphs.map((p) => p.text).join("\n\n")).toBe(result!.text);
    },
    OCR_TIMEOUT,
  );

  it.skipIf(!runs)(
    `stops a page that passes limits.ocrPageTimeoutMs with a retryable timeout${runs ? "" : " (skipped: no system tesseract)"}`,
    async () => {
      const started = performance.now();
      const failure = await recognise([page], { config: configWith({ engine }, { ocrPageTimeoutMs: 20 }), fileName: "slow.png" }).catch(
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(VanbanError);
      expect(failure).toMatchObject({ code: "timeout", retryable: true, file: "slow.png" });
      // The page was stopped, not waited for: far less than reading it would take.
      expect(performance.now() - started).toBeLessThan(OCR_TIMEOUT / 2);
    },
    OCR_TIMEOUT,
  );

  it.skipIf(!runs)(
    `calls bytes that are not an image corrupt, not retryable${runs ? "" : " (skipped: no system tesseract)"}`,
    async () => {
      const broken: OcrImage = { page: 1, bytes: Buffer.concat([page.bytes.subarray(0, 8), Buffer.alloc(64, 7)]), mediaType: "image/png" };
      await expect(recognise([broken], { config: configWith({ engine }), fileName: "broken.png" })).rejects.toMatchObject({
        code: "corrupt",
        retryable: false,
      });
    },
    OCR_TIMEOUT,
  );
});

describe("recognise under auto", () => {
  const rotated: OcrImage = {
    page: 1,
    bytes: readFileSync(join(import.meta.dirname, "../../fixtures/ocr/ke-hoach-45-rotated.jpg")),
    mediaType: "image/jpeg",
  };
  it(
    `straightens a page rotated 3° with tesseract.js (${systemReadsVietnamese ? "after the system tesseract found it skewed" : "no system tesseract here"}) and records the engines`,
    async () => {
      const outcome = await recognise([rotated], { config: configWith({ engine: "auto" }), fileName: "rotated.jpg" });
      expect(outcome.engine).toMatch(systemReadsVietnamese ? /^tesseract \d\S* \+ tesseract\.js \d/ : /^tesseract\.js \d/);
      expect(outcome.pages[0]!.text).toContain("45/KH-UBND");
      expect(outcome.pages[0]!.text).toMatch(/ỦY BAN NHÂN DÂN {4,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/u);
    },
    OCR_TIMEOUT,
  );
});

/** An engine that records what it was asked and answers after `delayMs`, or never. */
function fakeEngine(delayMs: number | null, tsv = "") {
  const log = { opened: 0, closed: 0, reads: 0, aborted: 0, workers: 0, inFlight: 0, maxInFlight: 0 };
  const engine: OcrEngine = {
    name: "fake 1.0",
    deskews: true,
    open: async ({ workers }) => {
      log.opened++;
      log.workers = workers;
      const session: OcrSession = {
        read: (_image, signal) =>
          new Promise((resolve, reject) => {
            log.reads++;
            log.maxInFlight = Math.max(log.maxInFlight, ++log.inFlight);
            const timer = delayMs === null ? null : setTimeout(() => (log.inFlight--, resolve(tsv)), delayMs);
            signal.addEventListener("abort", () => {
              if (timer !== null) clearTimeout(timer);
              log.inFlight--;
              log.aborted++;
              reject(signal.reason);
            });
          }),
        close: async () => void log.closed++,
      };
      return session;
    },
  };
  return { engine, log };
}

const pages = (n: number): OcrImage[] => Array.from({ length: n }, (_, i) => ({ ...page, page: i + 1 }));

describe("recognise's page pool", () => {
  it("reads pages ocr.workers at a time, in page order, and closes the engine", async () => {
    const { engine, log } = fakeEngine(5, "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\tchữ");
    const outcome = await recognise(pages(5), { config: configWith({ workers: 2 }), fileName: null, engine });
    expect(outcome.pages.map((p) => [p.page, p.text, p.confidence])).toEqual([1, 2, 3, 4, 5].map((n) => [n, "chữ", 0.9]));
    expect(log).toMatchObject({ opened: 1, closed: 1, reads: 5, workers: 2, maxInFlight: 2 });
  });

  it("on a page timeout stops the pages in flight, starts no more, and still closes the engine", async () => {
    const { engine, log } = fakeEngine(null);
    const failure = recognise(pages(6), { config: configWith({ workers: 2 }, { ocrPageTimeoutMs: 30 }), fileName: "a.png", engine });
    await expect(failure).rejects.toMatchObject({ code: "timeout", retryable: true, file: "a.png" });
    expect(log).toMatchObject({ reads: 2, aborted: 2, inFlight: 0, closed: 1 });
  });

  it("stops at the caller's signal, with the caller's reason, and still closes the engine", async () => {
    const { engine, log } = fakeEngine(null);
    const caller = new AbortController();
    const reading = recognise(pages(3), { config: configWith({ workers: 2 }), fileName: "a.png", engine, signal: caller.signal });
    setTimeout(() => caller.abort(new VanbanError("timeout", "the load stage ran out", { file: "a.png" })), 20);
    await expect(reading).rejects.toMatchObject({ code: "timeout", message: "the load stage ran out" });
    expect(log).toMatchObject({ reads: 2, aborted: 2, inFlight: 0, closed: 1 });
  });

  it.each([
    ["one per core for workers 0", 0, 1000, availableParallelism()],
    ["no more workers than pages", 4, 1, 1],
    ["the configured count", 3, 10, 3],
  ])("uses %s", (_name, workers, pageCount, expected) => {
    expect(workerCount(configWith({ workers }), pageCount)).toBe(expected);
  });

  it("gives an engine's name and no pages for no images, without starting the engine", async () => {
    const { engine, log } = fakeEngine(0);
    expect(await recognise([], { config: configWith({}), fileName: null, engine })).toEqual({ engine: "fake 1.0", pages: [] });
    expect(log.opened).toBe(0);
  });
});

/** A TSV line of four words whose bottoms fall `degrees` along the line. */
function lineTsv(degrees: number): string {
  const slope = Math.tan((degrees * Math.PI) / 180);
  return ["một", "hai", "ba", "bốn"]
    .map((word, i) => `5\t1\t1\t1\t1\t${i + 1}\t${100 + 200 * i}\t${Math.round(100 + slope * 200 * i)}\t150\t40\t90\t${word}`)
    .join("\n");
}

/** An engine that straightens when asked and records, per read, whether it was asked. */
function straighteningEngine(degrees: number) {
  const asked: boolean[] = [];
  const log = { opened: 0 };
  const engine: OcrEngine = {
    name: "fake 1.0",
    deskews: true,
    open: async () => {
      log.opened++;
      return {
        read: async (_image, _signal, options) => {
          asked.push(options?.straighten === true);
          return lineTsv(options?.straighten === true ? 0 : degrees);
        },
        close: async () => {},
      };
    },
  };
  return { engine, asked, log };
}

describe("recognise's straightening", () => {
  it.each([
    ["reads a page skewed by under a degree once, as it is (rotating it would blur its tone marks)", 0.8, [false]],
    ["reads a page with no skew once, as it is", 0, [false]],
    ["reads a page skewed by 2.7° again, straightened by the same engine in the same session", 2.7, [false, true]],
    ["reads a page skewed the other way again, straightened", -2, [false, true]],
  ])("%s", async (_name, degrees, expected) => {
    const { engine, asked, log } = straighteningEngine(degrees);
    const outcome = await recognise([page], { config: configWith({ engine: "tesseract.js" }), fileName: null, engine });
    expect(asked).toEqual(expected);
    expect(log.opened).toBe(1);
    expect(outcome.engine).toBe("fake 1.0");
    expect(outcome.pages[0]!.text).toBe("một hai ba bốn");
  });
});

describe("chooseEngine", () => {
  it("takes tesseract.js when asked, named with its version", async () => {
    expect((await chooseEngine(configWith({ engine: "tesseract.js" }))).name).toMatch(/^tesseract\.js 7\./);
  });

  it(`takes the system tesseract for auto when it reads Vietnamese, else tesseract.js (here: ${systemReadsVietnamese ? "system" : "tesseract.js"})`, async () => {
    const engine = await chooseEngine(configWith({ engine: "auto" }));
    expect(engine.name).toMatch(systemReadsVietnamese ? /^tesseract \d/ : /^tesseract\.js /);
  });

  it.each([
    ["tesseract.js asked for a language with no npm model", { engine: "tesseract.js" as const, language: "xyz" }],
    ["the system tesseract asked for a language it lacks", { engine: "tesseract" as const, language: "xyz" }],
  ])("refuses %s, saying what to install", async (_name, ocr) => {
    await expect(chooseEngine(configWith(ocr))).rejects.toThrow(/install|not installed/);
  });
});
