import { containsName } from "../magic.js";
import type { Format } from "../registry.js";

/**
 * V8's own Array.prototype.push, JSON.parse and Function.prototype.toString, taken when this
 * module loads, before any pdf.js. pdf.js's legacy build (which pdf-parse loads), and the
 * worker module it imports when it opens its first document, replace them with core-js versions
 * written in JavaScript, for the whole thread: every push and parse afterwards, pdf.js's and
 * ours, ran several times slower (pdf-parse's own getText gains about 20 % with the natives).
 * pdf.js looks them up when it calls them, so it runs on the natives too.
 */
const NATIVES = ([
  [Array.prototype, "push"],
  [JSON, "parse"],
  [Function.prototype, "toString"],
] as const).map(([owner, key]) => ({ owner, key, descriptor: Object.getOwnPropertyDescriptor(owner, key) }));

/** Puts V8's built-ins back; also for a caller that loads pdf-parse itself (bench/pdf.mjs). */
export function restoreNativeBuiltIns(): void {
  for (const { owner, key, descriptor } of NATIVES) {
    if (descriptor !== undefined && Object.getOwnPropertyDescriptor(owner, key)?.value !== descriptor.value) Object.defineProperty(owner, key, descriptor);
  }
}

type PdfModule = typeof import("../pdf/load.js");
let pdfModule: Promise<PdfModule> | null = null;

export const pdfFormat: Format = {
  id: "pdf",
  label: "PDF (typed or scanned)",
  mediaTypes: ["application/pdf"],
  extensions: [".pdf"],
  // The header may follow up to 1 kB of junk (PDF 32000-1, annex H).
  detect: (bytes) => containsName(bytes.subarray(0, 1024), "%PDF-"),
  // pdf.js loads only when a PDF arrives: a text-only run never pays for it or its polyfills.
  load: async (bytes, context) => {
    pdfModule ??= import("../pdf/load.js");
    try {
      return await (await pdfModule).loadPdf(bytes, context);
    } finally {
      restoreNativeBuiltIns();
    }
  },
};
