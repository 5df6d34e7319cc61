import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Writes through a temp file, an fsync and a rename, so a crash never leaves half a file at `path`. */
export function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  return writePiecesAtomic(path, [data]);
}

/**
 * writeFileAtomic for text too large to hold as one string (a graph of a million edges): the
 * pieces are written as they come, in batches, then synced and renamed into place.
 */
export async function writePiecesAtomic(path: string, pieces: Iterable<string | Uint8Array>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx");
    try {
      let batch: string[] = [];
      let length = 0;
      for (const piece of pieces) {
        if (typeof piece !== "string") {
          // Bytes go out as they are: no string to join them into.
          if (batch.length > 0) await handle.write(batch.join(""));
          await handle.write(piece);
          batch = [];
          length = 0;
          continue;
        }
        batch.push(piece);
        length += piece.length;
        if (length >= WRITE_BATCH_CHARS) {
          await handle.write(batch.join(""));
          batch = [];
          length = 0;
        }
      }
      await handle.write(batch.join(""));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

const WRITE_BATCH_CHARS = 1 << 20;
