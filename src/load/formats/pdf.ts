import { containsName } from "../magic.js";
import { loadPdf } from "../pdf/load.js";
import type { Format } from "../registry.js";

export const pdfFormat: Format = {
  id: "pdf",
  label: "PDF (typed or scanned)",
  mediaTypes: ["application/pdf"],
  extensions: [".pdf"],
  // The header may follow up to 1 kB of junk (PDF 32000-1, annex H).
  detect: (bytes) => containsName(bytes.subarray(0, 1024), "%PDF-"),
  load: (bytes, context) => loadPdf(bytes, context),
};
