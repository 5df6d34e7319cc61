import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { VanbanError } from "../index.js";

/** "no such file or directory (ENOENT)" from Node's "ENOENT: no such file or directory, open 'x'". */
export function osReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const match = /^[A-Z0-9_]+: (.*?)(?:, \w+ '.*')?$/s.exec(error.message);
  return code && match ? `${match[1]} (${code})` : error.message;
}

/**
 * The bytes of one input. A file over the pipeline's byte limit is refused before it is read,
 * so one huge input cannot exhaust memory; a read error is the input's `unreadable` failure.
 */
export async function readInput(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, "r");
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new VanbanError("too-large", `${size} bytes, over the limit of ${maxBytes}`, { file: path });
    }
    return await handle.readFile();
  } catch (error) {
    if (error instanceof VanbanError) throw error;
    throw new VanbanError("unreadable", osReason(error), { file: path, cause: error });
  } finally {
    await handle?.close();
  }
}

/** Writes through a temp file and a rename, so a crash never leaves half a file at `path`. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(data, "utf8");
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
