import { open } from "node:fs/promises";
import { VanbanError } from "../errors.js";

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
