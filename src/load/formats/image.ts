import { VanbanError } from "../../errors.js";
import { startsWith } from "../magic.js";
import type { Format } from "../registry.js";

const SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
];

export const imageFormat: Format = {
  id: "image",
  label: "scanned image (PNG, JPEG, TIFF)",
  mediaTypes: ["image/png", "image/jpeg", "image/tiff"],
  extensions: [".png", ".jpg", ".jpeg", ".tif", ".tiff"],
  detect: (bytes) => SIGNATURES.some((s) => startsWith(bytes, s)),
  load: async (_bytes, context) => {
    throw new VanbanError("unsupported-format", "the image (OCR) loader is not built yet", { file: context.fileName });
  },
};

/** The media type of an image by its magic bytes (OCR engines want to be told). */
export function imageMediaType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, SIGNATURES[0]!)) return "image/png";
  if (startsWith(bytes, SIGNATURES[1]!)) return "image/jpeg";
  if (startsWith(bytes, SIGNATURES[2]!) || startsWith(bytes, SIGNATURES[3]!)) return "image/tiff";
  return null;
}
