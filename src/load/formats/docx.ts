import { readDocx, DOCX_MEDIA_TYPE } from "../docx/read.js";
import { startsWith, ZIP_LOCAL_HEADER } from "../magic.js";
import type { Format } from "../registry.js";

export const docxFormat: Format = {
  id: "docx",
  label: "Word document (.docx)",
  mediaTypes: [DOCX_MEDIA_TYPE],
  extensions: [".docx"],
  // Any zip is claimed here, so that a zip which is not a Word document gets a DOCX-specific refusal.
  detect: (bytes) => startsWith(bytes, ZIP_LOCAL_HEADER),
  load: async (bytes, context) => readDocx(bytes, context),
};
