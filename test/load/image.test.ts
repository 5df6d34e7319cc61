// The image loader end to end with tesseract.js (always there, unlike the system tesseract), and
// the built CLI on a scan (`npm test` builds first).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { imageFormat } from "../../src/load/formats/image.js";
import { ocrWarnings, recognise } from "../../src/load/ocr/index.js";
import { tiffOf } from "../../src/load/ocr/tiff.js";
import type { Page } from "../../src/load/model.js";
import { loadedDocumentSchema } from "../../src/load/model.js";
import { vanbanDocumentSchema } from "../../src/schema/document.js";
import { configWith, OCR_TIMEOUT, plainPng } from "./ocr-helpers.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCAN = join(ROOT, "fixtures", "ocr", "ke-hoach-45.png");
const TWO_PAGES = join(ROOT, "fixtures", "ocr", "two-pages.tif");

const tesseractJs = configWith({ engine: "tesseract.js" });
const load = (bytes: Uint8Array, config = tesseractJs) => imageFormat.load(bytes, { fileName: "scan", config, sha256: "0".repeat(64) });

describe("imageFormat.load", () => {
  it(
    "reads each page of a multi-page TIFF as its own OCR page, paragraphs as blocks with their confidence",
    async () => {
      const document = loadedDocumentSchema.parse(await load(readFileSync(TWO_PAGES)));
      expect(document).toMatchObject({ format: "image", mediaType: "image/tiff", strategy: "ocr", encoding: "ocr" });
      expect(document.ocrEngine).toMatch(/^tesseract\.js /);
      expect(document.pages.map((p) => [p.number, p.strategy])).toEqual([
        [1, "ocr"],
        [2, "ocr"],
      ]);
      expect(document.pages[0]!.blocks[0]!.text).toContain("KẾ HOẠCH");
      expect(document.pages[1]!.blocks[0]!.text).toContain("45/KH-UBND");
      for (const block of document.pages.flatMap((p) => p.blocks)) {
        expect(block).toMatchObject({ origin: "ocr", sourceStart: expect.any(Number) });
        expect(block.confidence).toBeGreaterThan(0.5);
      }
      expect(document.warnings.map((w) => w.code)).toEqual(["ocr-used"]);
    },
    OCR_TIMEOUT,
  );

  it.each([
    ["a blank scan", "empty", plainPng(600, 400), /no text found on the image/],
    ["a PNG whose data is garbage", "corrupt", Buffer.concat([plainPng(1, 1).subarray(0, 16), Buffer.alloc(100, 0x5a)]), /cannot be decoded/],
    ["a TIFF whose page chain points past its end", "corrupt", Buffer.from([0x49, 0x49, 0x2a, 0x00, 0xff, 0x00, 0x00, 0x00]), /TIFF is broken/],
  ])(
    "refuses %s as %s",
    async (_name, code, bytes, message) => {
      const failure = await load(bytes).catch((e: unknown) => e);
      expect(failure).toMatchObject({ code, retryable: false, file: "scan" });
      expect((failure as Error).message).toMatch(message);
    },
    OCR_TIMEOUT,
  );

  it("refuses a TIFF with more pages than limits.maxPages as too-large, before any OCR", async () => {
    await expect(load(readFileSync(TWO_PAGES), configWith({ engine: "tesseract.js" }, { maxPages: 1 }))).rejects.toMatchObject({
      code: "too-large",
      message: "the image has 2 pages, over the limit of 1",
    });
  });
});

describe("tiffOf: a PDF's embedded scan to OCR without decoding it", () => {
  it(
    "wraps a CCITT Group 4 stream as the PDF holds it into a TIFF tesseract.js reads",
    async () => {
      // The first page's G4 strip of two-pages.tif: bytes 8 to 1260, 980×240 (see tiffinfo).
      const stream = readFileSync(TWO_PAGES).subarray(8, 8 + 1252);
      const tiff = tiffOf({ width: 980, height: 240, bitsPerSample: 1, channels: 1, encoding: "ccitt-g4", data: stream });
      const outcome = await recognise([{ page: 1, bytes: tiff, mediaType: "image/tiff" }], { config: tesseractJs, fileName: null });
      expect(outcome.pages[0]!.text).toContain("KẾ HOẠCH");
    },
    OCR_TIMEOUT,
  );

  // "Số: 45/KH-UBND" as 8-bit gray samples, 0 black, 780×170: fixtures/ocr/so-45.780x170.gray.gz.
  const gray = gunzipSync(readFileSync(join(ROOT, "fixtures", "ocr", "so-45.780x170.gray.gz")));
  const [width, height] = [780, 170];
  const rgb = Uint8Array.from({ length: gray.length * 3 }, (_, i) => gray[Math.floor(i / 3)]!);
  const rowBytes = Math.ceil(width / 8);
  const bilevel = new Uint8Array(rowBytes * height).fill(0xff);
  gray.forEach((v, i) => {
    const [y, x] = [Math.floor(i / width), i % width];
    if (v < 128) bilevel[y * rowBytes + (x >> 3)]! &= ~(0x80 >> (x & 7));
  });
  it.each([
    ["8-bit gray", 8 as const, 1 as const, gray],
    ["8-bit RGB", 8 as const, 3 as const, rgb],
    ["1-bit gray with rows padded to bytes", 1 as const, 1 as const, bilevel],
  ])(
    "wraps raw %s samples (0 black, as a PDF holds them after its filters) into a TIFF read the right way up",
    async (_name, bitsPerSample, channels, data) => {
      const tiff = tiffOf({ width, height, bitsPerSample, channels, encoding: "none", data });
      const outcome = await recognise([{ page: 1, bytes: tiff, mediaType: "image/tiff" }], { config: tesseractJs, fileName: null });
      expect(outcome.pages[0]!.text).toContain("45/KH-UBND");
    },
    OCR_TIMEOUT,
  );
});

describe("ocrWarnings", () => {
  const page = (number: number, strategy: Page["strategy"], ocrConfidence: number | null): Page => ({ number, strategy, ocrConfidence, blocks: [] });
  it.each([
    ["no OCR pages: nothing", [page(1, "text-layer", null)], []],
    ["a confident OCR page: ocr-used only", [page(1, "ocr", 0.93)], ["ocr-used: the text was read by OCR"]],
    [
      "one OCR page of two, below the threshold: which pages, and the low one",
      [page(1, "text-layer", null), page(2, "ocr", 0.41)],
      ["ocr-used: pages 2 were read by OCR", "ocr-low-confidence: OCR read page 2 with confidence 0.41, below 0.6: check its fields"],
    ],
  ])("%s", (_name, pages, expected) => {
    expect(ocrWarnings(pages, 0.6).map((w) => `${w.code}: ${w.message}`)).toEqual(expected);
  });
});

describe("vanban extract on a scan", () => {
  const run = (args: string[], pipeline: object) => {
    const cwd = mkdtempSync(join(tmpdir(), "vanban-ocr-"));
    try {
      writeFileSync(join(cwd, "pipeline.json"), JSON.stringify(pipeline));
      const started = performance.now();
      const result = spawnSync(process.execPath, [join(ROOT, "bin", "vanban.js"), ...args, "--pipeline", "pipeline.json"], {
        cwd,
        encoding: "utf8",
        timeout: OCR_TIMEOUT,
      });
      return { ...result, ms: performance.now() - started, leftBehind: readdirSync(cwd).filter((f) => f !== "pipeline.json") };
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  };

  it(
    "prints only the document on stdout, writes nothing to the working directory and exits when OCR is done",
    () => {
      const result = run(["extract", SCAN], tesseractJs);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const document = vanbanDocumentSchema.parse(JSON.parse(result.stdout));
      expect(document).toMatchObject({ number: "45/KH-UBND", issueDate: "2024-03-12", place: "Phú Vang", documentType: { code: "KE_HOACH" } });
      expect(document.source).toMatchObject({ format: "image", strategy: "ocr", ocrEngine: expect.stringMatching(/^tesseract\.js /) });
      expect(result.leftBehind).toEqual([]);
    },
    OCR_TIMEOUT,
  );

  it(
    "reports a page timeout on stderr with exit 1 and exits at once, leaving no worker running",
    () => {
      const result = run(["extract", SCAN], configWith({ engine: "tesseract.js" }, { ocrPageTimeoutMs: 20 }));
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/: timeout: OCR of page 1 took longer than 20 ms/);
      // Reading the page would take seconds; a dangling worker would keep the process alive.
      expect(result.ms).toBeLessThan(OCR_TIMEOUT / 2);
    },
    OCR_TIMEOUT,
  );
});
