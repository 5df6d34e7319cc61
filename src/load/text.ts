import { createHash } from "node:crypto";
import { VanbanError } from "../errors.js";
import { decodeBytes } from "./encodings/index.js";
import type { LoadedDocument } from "./model.js";

export const sha256 = (bytes: Uint8Array | string): string => createHash("sha256").update(bytes).digest("hex");

const UTF8 = new TextEncoder();
/** Texts up to this many UTF-16 code units reuse one buffer; a longer one gets a buffer of its own. */
const SCRATCH_LIMIT = 1 << 20;
let scratch = new Uint8Array(64 * 1024);

/**
 * sha256 and length of a string's UTF-8, from one encoding of it. Buffer.byteLength walked the
 * text a second time only to count (about 2 % of extracting a text), and the hash encoded it again.
 * The bytes are those Buffer.from gives: a lone surrogate becomes U+FFFD either way.
 */
export function utf8Digest(text: string): { sha256: string; bytes: number } {
  // A UTF-16 code unit never takes more than three bytes (a surrogate pair takes four for two).
  const needed = text.length * 3;
  let target = scratch;
  if (needed > target.length) {
    target = new Uint8Array(needed);
    if (needed <= SCRATCH_LIMIT) scratch = target;
  }
  const { written } = UTF8.encodeInto(text, target);
  return { sha256: sha256(target.subarray(0, written)), bytes: written };
}

/** Share of control characters (other than tab, CR, LF, FF) above which decoded bytes are not text. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Decodes a text file: UTF-8 or UTF-16 (with or without a BOM), Windows-1258, TCVN3 or VNI; the
 * encoding is recorded as `utf-8`, `utf-16le`, `utf-16be`, `windows-1258`, `tcvn3` or `vni`.
 */
export function decodeText(bytes: Uint8Array, file: string | null): { text: string; encoding: string } {
  const decoded = decodeBytes(bytes);
  if (decoded === null) {
    throw new VanbanError(
      "binary",
      "the bytes are not text in any encoding vanban reads (UTF-8, UTF-16, Windows-1258, TCVN3, VNI)",
      { file },
    );
  }
  return decoded;
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
