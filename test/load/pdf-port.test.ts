// The in-thread channel between pdf.js's two sides: which messages cross uncopied, and that what
// the worker changes after sending never reaches the reader.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import { InThreadPort, inThreadWorker } from "../../src/load/pdf/port.js";
import { openPdf } from "../../src/load/pdf/document.js";

const ENQUEUE = 4;
const PULL = 6;

/** The next message the port delivers. */
function nextMessage(port: InThreadPort): Promise<unknown> {
  return new Promise((resolve) => {
    const listener = (event: { data: unknown }) => {
      port.removeEventListener("message", listener);
      resolve(event.data);
    };
    port.addEventListener("message", listener);
  });
}

describe("InThreadPort", () => {
  it("hands a text chunk over without copying its items, though the worker starts new ones on the same container right after sending", async () => {
    const port = new InThreadPort();
    const items = [{ str: "Kế hoạch", transform: [1, 0, 0, 1, 10, 20] }];
    const textContent = { items: items as unknown[], styles: { f1: { fontFamily: "serif" } } as object };
    const message = { sourceName: "worker", targetName: "main", stream: ENQUEUE, streamId: 1, chunk: textContent };
    const delivered = nextMessage(port);
    port.postMessage(message);
    textContent.items = [];
    textContent.styles = {};
    const data = (await delivered) as typeof message;
    expect(data.chunk.items).toBe(items);
    expect(data.chunk.styles).toEqual({ f1: { fontFamily: "serif" } });
  });

  it("copies a message of primitives (a stream's pull signal) shallowly rather than cloning it", async () => {
    const port = new InThreadPort();
    const message = { sourceName: "main", targetName: "worker", stream: PULL, streamId: 1, desiredSize: 100 };
    const delivered = nextMessage(port);
    port.postMessage(message);
    message.desiredSize = 0;
    expect(await delivered).toEqual({ sourceName: "main", targetName: "worker", stream: PULL, streamId: 1, desiredSize: 100 });
  });

  it("clones anything else, as an operator list whose arrays the worker empties after sending arrives whole", async () => {
    const port = new InThreadPort();
    const chunk = { fnArray: [1, 2, 3], argsArray: [[0], [1], [2]], lastChunk: true, length: 3 };
    const delivered = nextMessage(port);
    port.postMessage({ sourceName: "worker", targetName: "main", stream: ENQUEUE, streamId: 2, chunk });
    chunk.fnArray.length = 0;
    chunk.argsArray.length = 0;
    const data = (await delivered) as { chunk: typeof chunk };
    expect(data.chunk.fnArray).toEqual([1, 2, 3]);
    expect(data.chunk.argsArray).toEqual([[0], [1], [2]]);
  });

  it("keeps a key named __proto__ as an ordinary key, as structuredClone does, rather than making it the copy's prototype", async () => {
    const port = new InThreadPort();
    const glyphs = JSON.parse('{"__proto__": {"ops": 1}, "a": {"ops": 2}}') as object;
    const delivered = nextMessage(port);
    port.postMessage({ sourceName: "worker", targetName: "main", data: glyphs });
    const data = (await delivered) as { data: object };
    expect(Object.keys(data.data)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(data.data)).toBe(Object.prototype);
  });

  it("stops delivering to a listener whose signal aborts, as pdf.js's MessageHandler unsubscribes", async () => {
    const port = new InThreadPort();
    const controller = new AbortController();
    let calls = 0;
    port.addEventListener("message", () => calls++, { signal: controller.signal });
    port.postMessage({ stream: PULL });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    port.postMessage({ stream: PULL });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toBe(1);
  });

  it("delivers nothing once terminated", async () => {
    const port = new InThreadPort();
    let calls = 0;
    port.addEventListener("message", () => calls++);
    port.terminate();
    port.postMessage({ stream: PULL });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toBe(0);
  });
});

describe("the in-thread worker", () => {
  it("tells pdf.js's worker side to print errors only from its first message, before any document sets the level", () => {
    const thread = inThreadWorker();
    try {
      expect(thread.worker.verbosity).toBe(VerbosityLevel.ERRORS);
    } finally {
      thread.close();
    }
  });
});

describe("a PDF opened over the in-thread port", () => {
  it("reads the same text as pdf.js's own fake worker", async () => {
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, "../../fixtures/formats/004_56447ffafa841c55.pdf")));
    const pdf = await openPdf(bytes, "plan.pdf");
    try {
      const page = await pdf.document.getPage(1);
      const ours = (await page.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
      const { PDFParse } = await import("pdf-parse");
      const parser = new PDFParse({ data: new Uint8Array(bytes) });
      const theirs = await (parser as unknown as { load(): Promise<typeof pdf.document> }).load();
      const reference = (await (await theirs.getPage(1)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
      await parser.destroy();
      expect(ours.length).toBeGreaterThan(500);
      expect(ours).toBe(reference);
    } finally {
      await pdf.close();
    }
  }, 30_000);
});
