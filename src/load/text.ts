import { createHash } from "node:crypto";
import { VanbanError } from "../errors.js";
import type { LoadedDocument } from "./model.js";

export const sha256 = (bytes: Uint8Array | string): string => createHash("sha256").update(bytes).digest("hex");

/** Share of control characters (other than tab, CR, LF, FF) above which decoded bytes are not text. */
const MAX_CONTROL_SHARE = 0.01;

/** Decodes a text file: UTF-8 (with or without BOM) or UTF-16 with a BOM. */
export function decodeText(bytes: Uint8Array, file: string | null): { text: string; encoding: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  if (bytes.includes(0)) {
    throw new VanbanError("binary", "the file holds NUL bytes: it is not a text document in a format vanban reads", { file });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new VanbanError("binary", "the bytes are not valid UTF-8 text (legacy encodings come with the format loaders)", {
      file,
    });
  }
  return { text, encoding: "utf-8" };
}

/** Loads plain text as a one-page document with one block: structure is found by normalise/segment. */
export function loadText(
  bytes: Uint8Array,
  options: { fileName: string | null; mediaType?: string; maxBytes: number; sha256?: string },
): LoadedDocument {
  const file = options.fileName;
  if (bytes.length > options.maxBytes) {
    throw new VanbanError("too-large", `the file has ${bytes.length} bytes, over the limit of ${options.maxBytes}`, { file });
  }
  if (bytes.length === 0) throw new VanbanError("empty", "the file is empty", { file });
  const { text, encoding } = decodeText(bytes, file);
  if (text.trim() === "") throw new VanbanError("empty", "the file holds only white space", { file });
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls / text.length > MAX_CONTROL_SHARE) {
    throw new VanbanError("binary", "the file is mostly control characters, not text", { file });
  }
  return fromText(text, {
    fileName: file,
    mediaType: options.mediaType ?? "text/plain",
    sha256: options.sha256 ?? sha256(bytes),
    bytes: bytes.length,
    encoding,
  });
}

/** Wraps an in-memory string (the library's `extract(text)`) in the canonical shape. */
export function fromText(
  text: string,
  meta: { fileName: string | null; mediaType: string; sha256: string; bytes: number; encoding: string },
): LoadedDocument {
  return {
    ...meta,
    format: "text",
    strategy: "text",
    ocrEngine: null,
    pages: [
      {
        number: 1,
        blocks: [{ text, sourceStart: 0, sourceEnd: text.length, origin: "text", confidence: null }],
        strategy: "text",
        ocrConfidence: null,
      },
    ],
    warnings: [],
  };
}
