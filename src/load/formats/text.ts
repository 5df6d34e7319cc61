import { loadText } from "../text.js";
import type { Format } from "../registry.js";

/** Plain text in any encoding vanban decodes. Last in the registry: it accepts whatever decodes as text. */
export const textFormat: Format = {
  id: "text",
  label: "plain text (UTF-8, UTF-16, Windows-1258, TCVN3, VNI)",
  mediaTypes: ["text/plain", "text/markdown"],
  extensions: [".txt", ".md"],
  detect: () => true,
  load: async (bytes, context) =>
    loadText(bytes, { fileName: context.fileName, maxBytes: context.config.limits.maxBytes, sha256: context.sha256 }),
};
