import { VanbanError } from "../../src/errors.js";
import { loadBytes } from "../../src/pipeline/run.js";

/** The typed error a damaged file is refused with (anything else fails the test). */
export async function failure(bytes: Uint8Array): Promise<VanbanError> {
  try {
    await loadBytes(bytes, { fileName: "bad.doc" });
  } catch (error) {
    if (error instanceof VanbanError) return error;
    throw error;
  }
  throw new Error("the input was accepted");
}

/** The directory entry (128 bytes) of a stream, found by its UTF-16 name. */
export function entryOf(bytes: Buffer, name: string): number {
  const at = bytes.indexOf(Buffer.from(name, "utf16le"));
  if (at < 0 || at % 128 !== 0) throw new Error(`no directory entry ${name}`);
  return at;
}

/**
 * A copy of a .doc with the WordDocument stream's header (FIB) changed, where LibreOffice wrote
 * the stream: in consecutive sectors from its first.
 */
export function withFib(source: Uint8Array, change: (fib: Buffer) => void): Buffer {
  const bytes = Buffer.from(source);
  const start = bytes.readInt32LE(entryOf(bytes, "WordDocument") + 116);
  change(bytes.subarray((start + 1) * 512));
  return bytes;
}

/** Loads each of `count` copies of a .doc with random bytes overwritten: what became of them (a VanbanError's code, or "loaded"). */
export async function loadDamaged(source: Uint8Array, count: number): Promise<Set<string>> {
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const outcomes = new Set<string>();
  for (let i = 0; i < count; i++) {
    const bytes = Buffer.from(source);
    for (let k = 0; k < 1 + random(20); k++) bytes[512 + random(bytes.length - 512)] = random(256);
    try {
      await loadBytes(bytes);
      outcomes.add("loaded");
    } catch (error) {
      if (!(error instanceof VanbanError)) throw error;
      outcomes.add(error.code);
    }
  }
  return outcomes;
}
