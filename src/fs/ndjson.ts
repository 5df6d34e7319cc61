import type { z } from "zod";

/**
 * The records of an NDJSON text that satisfy `schema`, and how many lines did not (a torn last
 * line after a crash, a hand edit): values, so one bad line never costs the rest.
 */
export function parseNdjson<T extends z.ZodType>(text: string, schema: T): { records: z.infer<T>[]; skipped: number } {
  const records: z.infer<T>[] = [];
  let skipped = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const parsed = schema.safeParse(JSON.parse(line));
      if (parsed.success) records.push(parsed.data);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { records, skipped };
}
