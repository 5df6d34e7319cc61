/** Byte-level tests the format detectors share. */

export function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** Whether an ASCII (or, with utf16, UTF-16LE) name occurs in the first `limit` bytes or the last `limit`. */
export function containsName(bytes: Uint8Array, name: string, options: { utf16?: boolean; limit?: number } = {}): boolean {
  const needle = Buffer.from(name, options.utf16 ? "utf16le" : "latin1");
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (buffer.length <= 2 * limit) return buffer.includes(needle);
  return buffer.subarray(0, limit).includes(needle) || buffer.subarray(buffer.length - limit).includes(needle);
}

export const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04] as const;
export const OLE2_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
export const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d] as const; // %PDF-
