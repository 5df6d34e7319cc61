import { open, type FileHandle } from "node:fs/promises";
import { parseNdjson } from "../fs/ndjson.js";
import { correctionSchema, type Correction } from "./corrections.js";

/**
 * Corrections on disk: `<archive>/corrections.ndjson`, one per line, appended and fsynced, never
 * rewritten, so the history of who changed what stays whole. A line that does not parse (a torn
 * last line after a crash) is skipped and counted, not fatal.
 */
export class CorrectionLog {
  private readonly byDocument = new Map<string, Correction[]>();
  private readonly ordered: Correction[] = [];
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly handle: FileHandle,
    readonly skippedLines: number,
  ) {}

  static async open(path: string): Promise<CorrectionLog> {
    const handle = await open(path, "a+");
    const text = await handle.readFile("utf8");
    const { records: corrections, skipped } = parseNdjson(text, correctionSchema);
    // A torn tail would glue itself to the next append: end the file on a line break first.
    if (text.length > 0 && !text.endsWith("\n")) await handle.appendFile("\n", "utf8");
    const log = new CorrectionLog(handle, skipped);
    for (const correction of corrections) log.remember(correction);
    return log;
  }

  private remember(correction: Correction): void {
    this.ordered.push(correction);
    const list = this.byDocument.get(correction.documentId);
    if (list === undefined) this.byDocument.set(correction.documentId, [correction]);
    else list.push(correction);
  }

  of(documentId: string): readonly Correction[] {
    return this.byDocument.get(documentId) ?? [];
  }

  all(): readonly Correction[] {
    return this.ordered;
  }

  /** Durable on return; appends are chained so lines never interleave. */
  append(correction: Correction): Promise<void> {
    const written = this.writing.then(async () => {
      await this.handle.appendFile(`${JSON.stringify(correction)}\n`, "utf8");
      await this.handle.sync();
      this.remember(correction);
    });
    this.writing = written.catch(() => undefined);
    return written;
  }

  async close(): Promise<void> {
    await this.writing;
    await this.handle.close();
  }
}
