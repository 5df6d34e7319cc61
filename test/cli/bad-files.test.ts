// Every bad input of issue 3, through the built CLI in a batch with a good document.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "vanban.js");
const BAD = join(ROOT, "fixtures", "bad");
const SEED = join(ROOT, "fixtures", "seeds", "002_54a447784a71b537.txt");
/** "Within seconds": a run past this is killed, and the row fails on its missing exit code. */
const WITHIN_MS = 20_000;

const out = mkdtempSync(join(tmpdir(), "vanban-bad-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const ROWS: { file: string; code: string; why: string }[] = [
  { file: "empty.txt", code: "empty", why: "no bytes" },
  { file: "random.bin", code: "binary", why: "random bytes are no text in any encoding" },
  { file: "truncated.pdf", code: "corrupt", why: "half a PDF" },
  { file: "corrupt.pdf", code: "corrupt", why: "garbage after the PDF header" },
  { file: "encrypted.pdf", code: "encrypted", why: "a user password is never guessed" },
  { file: "zero-pages.pdf", code: "empty", why: "a valid PDF with no pages holds nothing" },
  { file: "zip-bomb.docx", code: "too-large", why: "200 MiB of XML stops at the unpacked-size limit" },
  { file: "external-entity.docx", code: "corrupt", why: "an XML entity is refused unread" },
  { file: "random.docx", code: "unsupported-format", why: "a zip that is not a Word document" },
  { file: "blank.png", code: "empty", why: "an image with no text" },
];

describe("vanban extract on bad files: a typed failure within seconds, and the batch goes on", () => {
  it("covers every file in fixtures/bad but the one that is not bad", () => {
    expect(readdirSync(BAD).sort()).toEqual([...ROWS.map((r) => r.file), "not-a-docx.pdf"].sort());
  });

  it.each(ROWS)("$file: $code ($why)", ({ file, code }) => {
    const dir = join(out, file);
    const run = spawnSync(process.execPath, [BIN, "extract", join(BAD, file), SEED, "--out", dir], {
      encoding: "utf8",
      timeout: WITHIN_MS,
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^vanban: .*${file.replace(".", "\\.")}: ${code}: \\S`));
    expect(readdirSync(dir)).toEqual(["002_54a447784a71b537.json"]);
  });

  it("reads a DOCX named .pdf as the DOCX it is", () => {
    const dir = join(out, "not-a-docx");
    const run = spawnSync(process.execPath, [BIN, "extract", join(BAD, "not-a-docx.pdf"), "--out", dir], { encoding: "utf8", timeout: WITHIN_MS });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(existsSync(join(dir, "not-a-docx.json"))).toBe(true);
  });
});
