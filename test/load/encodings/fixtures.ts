import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "../../..");

/** Every Unicode text fixture: seeds, the genre set and the holdout set. */
export const UNICODE_FIXTURES: { name: string; text: string }[] = ["seeds", "genre", "holdout"].flatMap((folder) =>
  readdirSync(join(root, "fixtures", folder))
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => ({ name: `${folder}/${file}`, text: readFileSync(join(root, "fixtures", folder, file), "utf8") })),
);

/** The five seeds, the documents every stage is measured on. */
export const SEEDS = UNICODE_FIXTURES.filter(({ name }) => name.startsWith("seeds/"));

/**
 * What a TCVN3 round trip can be held to: toned capitals in normal-case text come back in lower
 * case (only lines typed for an H font are upper-cased again), and the footnote mark ¹ (0xB9)
 * comes back as ạ, the letter TCVN3 gives that code. So the comparison ignores case.
 */
export const tcvn3Comparable = (text: string): string => text.replaceAll("¹", "ạ").toLowerCase();

/** Bytes no text decoder should accept, without NULs, made from a fixed seed. */
export function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = ((state >>> 16) & 0xff) || 1;
  }
  return bytes;
}
