import { PDFWorker } from "pdfjs-dist/legacy/build/pdf.mjs";
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
 * copy), so it crosses as it is, as do messages that hold only primitives (a stream's pull and
 * close signals, a dozen per page). Everything else (operator lists, whose arrays the worker empties
 * after sending them; images; fonts) is cloned as before.
 */
export class InThreadPort {
  readonly #listeners = new Set<Listener>();
  readonly #delivered = Promise.resolve();

  postMessage(message: unknown, transfer?: NonNullable<Parameters<typeof structuredClone>[1]>["transfer"]): void {
    const event = { data: isFlat(message) ? { ...message } : isTextChunk(message) ? { ...message, chunk: { ...message.chunk } } : structuredClone(message, transfer ? { transfer } : undefined) };
    void this.#delivered.then(() => {
      for (const listener of this.#listeners) listener.call(this, event);
    });
  }

  addEventListener(_type: "message", listener: Listener): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_type: "message", listener: Listener): void {
    this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#listeners.clear();
  }
}

/** A message of primitives only: the stream's pull and close signals, which a text layer sends by the dozen per page. */
function isFlat(message: unknown): message is object {
  if (typeof message !== "object" || message === null) return false;
  for (const key in message) {
    const value = (message as Record<string, unknown>)[key];
    if (typeof value === "object" && value !== null) return false;
  }
  return true;
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
  const worker = new PDFWorker({ port: port as unknown as ConstructorParameters<typeof PDFWorker>[0] extends { port?: infer P } ? P : never });
  return {
    worker,
    close: () => {
      worker.destroy();
      port.terminate();
    },
  };
}
