import { open, readFile, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { failureCodeSchema } from "../errors.js";

/**
 * An archive folder:
 *   documents/<id>.json   each document as extracted
 *   documents.ndjson      the same, one line each, in the order they were done
 *   failures.ndjson       inputs that could not become documents: file, code, message
 *   graph/facts.log       the graph's facts; graph/graph.json the graph derived from them (graph/store.ts)
 */
export const archivePaths = (dir: string) => ({
  documents: join(dir, "documents"),
  document: (id: string) => join(dir, "documents", `${id}.json`),
  ndjson: join(dir, "documents.ndjson"),
  failures: join(dir, "failures.ndjson"),
});

export const failureLineSchema = z.object({
  file: z.string(),
  code: failureCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
});
export type FailureLine = z.infer<typeof failureLineSchema>;

/** Failures recorded by earlier runs; lines that do not parse are dropped (the file is rewritten whole). */
export async function readFailures(path: string): Promise<FailureLine[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return text.split("\n").flatMap((line) => {
    if (line.trim() === "") return [];
    try {
      const parsed = failureLineSchema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

const HEAD_CHARS = 80;
const ID_AT_START = /^\{"schemaVersion":"[^"]*","id":"(vb_[0-9a-f]{24})"/;

/**
 * The ids already in documents.ndjson, read from the start of each line (a line is a whole
 * document; parsing them all would cost as much as the ingest). A torn last line, left by a
 * crash mid-append, is cut off.
 */
export async function openDocumentsNdjson(path: string): Promise<{ ids: Set<string>; append: (line: string) => Promise<void>; sync: () => Promise<void>; close: () => Promise<void> }> {
  await mkdir(join(path, ".."), { recursive: true });
  const handle = await open(path, "a+");
  const ids = new Set<string>();
  const { size } = await handle.stat();
  const chunk = Buffer.alloc(1 << 22);
  let position = 0;
  let lineStart = 0;
  let head = "";
  while (position < size) {
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) break;
    for (let i = 0; i < bytesRead; ) {
      // The first bytes of the current line, which may have begun in the previous chunk.
      if (head.length < HEAD_CHARS) head += chunk.toString("utf8", i, Math.min(bytesRead, i + HEAD_CHARS - head.length));
      const newline = chunk.indexOf(10, i);
      if (newline < 0 || newline >= bytesRead) break;
      const id = ID_AT_START.exec(head)?.[1];
      if (id !== undefined) ids.add(id);
      head = "";
      lineStart = position + newline + 1;
      i = newline + 1;
    }
    position += bytesRead;
  }
  if (lineStart < size) {
    await handle.truncate(lineStart);
    await handle.sync();
  }
  return {
    ids,
    append: async (line) => {
      await handle.appendFile(line, "utf8");
    },
    sync: () => handle.sync(),
    close: () => handle.close(),
  };
}

/** Another ingest holds the archive: two writers would interleave the facts log. */
export class ArchiveBusyError extends Error {
  constructor(
    readonly archiveDir: string,
    readonly pid: number,
  ) {
    super(`${archiveDir} is being written by another ingest (process ${pid}); wait for it, or remove ${join(archiveDir, LOCK_NAME)} if that process is gone`);
    this.name = "ArchiveBusyError";
  }
}

const LOCK_NAME = "ingest.lock";

/**
 * One ingest at a time per archive: a lock file holding the writer's pid. A lock whose process
 * no longer runs was left by a crash and is taken over.
 */
export async function lockArchive(archiveDir: string): Promise<() => Promise<void>> {
  const path = join(archiveDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number((await readFile(path, "utf8").catch(() => "")).trim());
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) throw new ArchiveBusyError(archiveDir, pid);
      await rm(path, { force: true });
    }
  }
  throw new ArchiveBusyError(archiveDir, 0);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
