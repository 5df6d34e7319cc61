import { VanbanError } from "../../errors.js";
import { startsWith } from "../magic.js";
import type { LoadedDocument } from "../model.js";
import { ocrPages, ocrWarnings, recognise, type OcrImage } from "../ocr/index.js";
import { splitTiff, TiffStructureError } from "../ocr/tiff.js";
import type { Format, LoadContext } from "../registry.js";

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
  load: loadImage,
};

/** The media type of an image by its magic bytes (OCR engines want to be told). */
export function imageMediaType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, SIGNATURES[0]!)) return "image/png";
  if (startsWith(bytes, SIGNATURES[1]!)) return "image/jpeg";
  if (startsWith(bytes, SIGNATURES[2]!) || startsWith(bytes, SIGNATURES[3]!)) return "image/tiff";
  return null;
}

/** An image file as page images: a multi-page TIFF gives one per page, anything else one. */
export function pageImages(bytes: Uint8Array, context: Pick<LoadContext, "fileName" | "config">): OcrImage[] {
  const file = context.fileName;
  const mediaType = imageMediaType(bytes);
  if (mediaType === null) throw new VanbanError("unsupported-format", "not a PNG, JPEG or TIFF image", { file });
  let pages: Uint8Array[];
  try {
    pages = mediaType === "image/tiff" ? splitTiff(bytes) : [bytes];
  } catch (error) {
    if (error instanceof TiffStructureError) throw new VanbanError("corrupt", `the TIFF is broken: ${error.message}`, { file, cause: error });
    throw error;
  }
  const { maxPages } = context.config.limits;
  if (pages.length > maxPages) {
    throw new VanbanError("too-large", `the image has ${pages.length} pages, over the limit of ${maxPages}`, { file });
  }
  return pages.map((page, i) => ({ page: i + 1, bytes: page, mediaType }));
}

async function loadImage(bytes: Uint8Array, context: LoadContext): Promise<LoadedDocument> {
  const file = context.fileName;
  const images = pageImages(bytes, context);
  const outcome = await recognise(images, { config: context.config, fileName: file });
  // A blank scan is an input without content, not a document whose every field is missing.
  const pages = ocrPages(outcome);
  if (pages.every((p) => p.blocks.length === 0)) throw new VanbanError("empty", "no text found on the image", { file });
  return {
    fileName: file,
    format: "image",
    mediaType: images[0]!.mediaType,
    sha256: context.sha256,
    bytes: bytes.length,
    encoding: "ocr",
    strategy: "ocr",
    ocrEngine: outcome.engine,
    pages,
    warnings: ocrWarnings(pages, context.config.ocr.lowConfidence),
  };
}
