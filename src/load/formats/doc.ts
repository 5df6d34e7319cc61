import { VanbanError } from "../../errors.js";
import { OLE2_HEADER, startsWith } from "../magic.js";
import type { Format } from "../registry.js";

export const docFormat: Format = {
  id: "doc",
  label: "Word 97–2003 document (.doc)",
  mediaTypes: ["application/msword"],
  extensions: [".doc"],
  // OLE2 compound files: Word 97–2003, but also password-protected DOCX and Excel; the loader tells them apart.
  detect: (bytes) => startsWith(bytes, OLE2_HEADER),
  load: async (_bytes, context) => {
    throw new VanbanError("unsupported-format", "the .doc loader is not built yet", { file: context.fileName });
  },
};
