import { PDFWorker, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
// @ts-expect-error pdf.js ships no typings for its worker module; it exports WorkerMessageHandler.
import { WorkerMessageHandler } from "pdfjs-dist/legacy/build/pdf.worker.mjs";

type Listener = (event: { data: unknown }) => void;

/** pdf.js's stream message kind for a chunk sent to the reader (its StreamKind.ENQUEUE). */
const ENQUEUE = 4;

/**
 * The channel between pdf.js's document side and its worker side when both run in this thread,
 * as pdf.js's own fake worker does in Node. Its LoopbackPort structured-clones every message, as a
 * real worker boundary would; for text content that copy was as costly as our whole page layout.
 * A text chunk is the worker's fresh objects, which it never touches again once sent (it starts
 * new `items` and `styles` for the next chunk, on the same container object: hence the shallow
 * copy), so it crosses as it is. Small messages of plain data are copied by hand. Everything else
 * (operator lists, whose arrays the worker empties after sending them; images; fonts) is
 * structured-cloned as before.
 */
export class InThreadPort {
  readonly #listeners = new Set<Listener>();
  readonly #delivered = Promise.resolve();

  postMessage(message: unknown, transfer?: NonNullable<Parameters<typeof structuredClone>[1]>["transfer"]): void {
    let data = isTextChunk(message) ? { ...message, chunk: { ...message.chunk } } : copyOfSmallPlainData(message);
    if (data === NOT_SMALL_PLAIN_DATA) data = structuredClone(message, transfer ? { transfer } : undefined);
    const event = { data };
    void this.#delivered.then(() => {
      for (const listener of this.#listeners) listener.call(this, event);
    });
  }

  /** pdf.js's MessageHandler stops listening by aborting the signal it subscribed with. */
  addEventListener(_type: "message", listener: Listener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    this.#listeners.add(listener);
    signal?.addEventListener("abort", () => this.#listeners.delete(listener), { once: true });
  }

  removeEventListener(_type: "message", listener: Listener): void {
    this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#listeners.clear();
  }
}

const NOT_SMALL_PLAIN_DATA = Symbol("not small plain data");
/** Nodes copied by hand at most: beyond that, or past anything but plain objects, arrays and primitives, structuredClone. */
const MAX_COPIED_NODES = 64;

/**
 * A copy of a small message of plain data (a stream's pull and close signals, a page request and
 * its reply, a dozen per page), made without structuredClone's fixed cost, which is most of what
 * cloning such a message costs.
 */
function copyOfSmallPlainData(message: unknown): unknown {
  let budget = MAX_COPIED_NODES;
  const copy = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return typeof value === "function" || typeof value === "symbol" ? NOT_SMALL_PLAIN_DATA : value;
    if (--budget < 0) return NOT_SMALL_PLAIN_DATA;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const element of value) {
        const copied = copy(element);
        if (copied === NOT_SMALL_PLAIN_DATA) return NOT_SMALL_PLAIN_DATA;
        out.push(copied);
      }
      return out;
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return NOT_SMALL_PLAIN_DATA;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      // Assigning it would set the copy's prototype; a PDF names some keys (Type3 glyphs).
      if (key === "__proto__") return NOT_SMALL_PLAIN_DATA;
      const copied = copy((value as Record<string, unknown>)[key]);
      if (copied === NOT_SMALL_PLAIN_DATA) return NOT_SMALL_PLAIN_DATA;
      out[key] = copied;
    }
    return out;
  };
  return copy(message);
}

function isTextChunk(message: unknown): message is { stream: number; chunk: { items: unknown[]; styles: object } } {
  if (typeof message !== "object" || message === null) return false;
  const { stream, chunk } = message as { stream?: unknown; chunk?: { items?: unknown; styles?: unknown } };
  return stream === ENQUEUE && typeof chunk === "object" && chunk !== null && Array.isArray(chunk.items) && typeof chunk.styles === "object";
}

/** A pdf.js worker of one document's own, running in this thread over an InThreadPort. */
export function inThreadWorker(): { worker: PDFWorker; close(): void } {
  const port = new InThreadPort();
  (WorkerMessageHandler as { initializeFromPort(port: InThreadPort): void }).initializeFromPort(port);
  // The level is the worker side's from its first message: getDocument sets it for the display side only later.
  const worker = new PDFWorker({
    port: port as unknown as ConstructorParameters<typeof PDFWorker>[0] extends { port?: infer P } ? P : never,
    verbosity: VerbosityLevel.ERRORS,
  });
  return {
    worker,
    close: () => {
      worker.destroy();
      port.terminate();
    },
  };
}
