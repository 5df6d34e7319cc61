import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { asFailure, VanbanError, type Failure } from "../errors.js";
import { osReason } from "../fs/read.js";
import { FORMATS } from "../load/registry.js";

const READABLE_EXTENSIONS: ReadonlySet<string> = new Set(FORMATS.flatMap((f) => f.extensions));

/**
 * The files to ingest: each file named as given, and inside each folder (recursively) every file
 * whose extension a loader reads, hidden entries skipped, in name order. A path that cannot be
 * read is a failure of its own, not the end of the batch.
 */
export async function collectInputs(paths: readonly string[]): Promise<{ files: string[]; failures: Failure[] }> {
  const files: string[] = [];
  const failures: Failure[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) files.push(file);
    seen.add(file);
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith(".")).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && READABLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) add(path);
    }
  };
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) await walk(path);
      else add(path);
    } catch (error) {
      failures.push(asFailure(new VanbanError("unreadable", osReason(error), { file: path, cause: error }), path));
    }
  }
  return { files, failures };
}
