import { VanbanError } from "../../errors.js";
import { startsWith, ZIP_LOCAL_HEADER } from "../magic.js";
import type { Format } from "../registry.js";

export const docxFormat: Format = {
  id: "docx",
  label: "Word document (.docx)",
  mediaTypes: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  extensions: [".docx"],
  // Any zip is claimed here, so that a zip which is not a Word document gets a DOCX-specific refusal.
  detect: (bytes) => startsWith(bytes, ZIP_LOCAL_HEADER),
  load: async (_bytes, context) => {
    throw new VanbanError("unsupported-format", "the DOCX loader is not built yet", { file: context.fileName });
  },
};
