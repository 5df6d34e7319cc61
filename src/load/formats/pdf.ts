import { containsName } from "../magic.js";
import type { Format } from "../registry.js";

export const pdfFormat: Format = {
  id: "pdf",
  label: "PDF (typed or scanned)",
  mediaTypes: ["application/pdf"],
  extensions: [".pdf"],
  // The header may follow up to 1 kB of junk (PDF 32000-1, annex H).
  detect: (bytes) => containsName(bytes.subarray(0, 1024), "%PDF-"),
  // pdf.js (and its polyfills) load only when a PDF arrives: a text-only run never pays for them.
  load: async (bytes, context) => (await import("../pdf/load.js")).loadPdf(bytes, context),
};
