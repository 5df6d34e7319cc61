import { DOC_MEDIA_TYPE, readDoc } from "../doc/read.js";
import { OLE2_HEADER, startsWith } from "../magic.js";
import type { Format } from "../registry.js";

export const docFormat: Format = {
  id: "doc",
  label: "Word 97–2003 document (.doc)",
  mediaTypes: [DOC_MEDIA_TYPE],
  extensions: [".doc"],
  // OLE2 compound files: Word 97–2003, but also password-protected DOCX and Excel; the loader tells them apart.
  detect: (bytes) => startsWith(bytes, OLE2_HEADER),
  load: readDoc,
};
