import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract, vanbanDocumentSchema, type VanbanDocument } from "../../src/index.js";

const root = join(import.meta.dirname, "../..");
const seeds = readdirSync(join(root, "fixtures/seeds")).filter((f) => f.endsWith(".txt")).sort();

function run(name: string): VanbanDocument {
  return extract(readFileSync(join(root, "fixtures/seeds", name), "utf8"), { fileName: name });
}

/**
 * Key fields written by hand from the documents themselves. The golden files below can be
 * regenerated (`npm run golden`); these cannot, so a regression cannot be blessed blindly.
 */
const GUARD: Record<string, { type: string; number: string | null; issueDate: string | null; signer: string | null; authority: string | null; citations: string[] }> = {
  "000_cb3f65f675452a93.txt": { type: "KE_HOACH", number: null, issueDate: null, signer: "Ngô Thị Minh", authority: "KT", citations: ["20-CT/TW", "2123-CV/BTGTW"] },
  "001_ad1e7f89c6d47907.txt": { type: "KE_HOACH", number: "354/KH-PGDĐT", issueDate: "2021-05-11", signer: "Lê Thị Lan", authority: "KT", citations: ["902/KH-SGDĐT", "56/2017/NĐ-CP", "20-CT/TU", "31/CT-TTg", "588/QĐ-TTg"] },
  "002_54a447784a71b537.txt": { type: "KE_HOACH", number: "89/KH-MNHL", issueDate: "2024-08-02", signer: null, authority: null, citations: ["28-CT/TW", "6895/KH-UBND", "974/KH-PGDĐT"] },
  "003_c61dcf04db22f505.txt": { type: "KE_HOACH", number: null, issueDate: null, signer: "Hồ Văn Niên", authority: "TM", citations: ["1849-CV/BTGTW", "11-CT/TW", "09-TT/TU", "112/2005/QĐ-TTg"] },
  "004_56447ffafa841c55.txt": { type: "KE_HOACH", number: null, issueDate: null, signer: null, authority: null, citations: ["29-NQ/TW"] },
};

describe("seed documents", () => {
  it("has a guard for every seed", () => {
    expect(Object.keys(GUARD).sort()).toEqual(seeds);
  });

  it.each(seeds)("%s keeps its key fields", (name) => {
    const document = run(name);
    const guard = GUARD[name]!;
    expect(document.documentType.code).toBe(guard.type);
    expect(document.number).toBe(guard.number);
    expect(document.issueDate).toBe(guard.issueDate);
    expect(document.signer?.name ?? null).toBe(guard.signer);
    expect(document.signer?.authority ?? null).toBe(guard.authority);
    const numbers = document.citations.map((c) => c.number);
    for (const number of guard.citations) expect(numbers).toContain(number);
  });

  it.each(seeds)("%s validates and matches its golden JSON", (name) => {
    const document = run(name);
    expect(vanbanDocumentSchema.safeParse(document).success).toBe(true);
    const golden = JSON.parse(readFileSync(join(root, "fixtures/golden", `${basename(name, ".txt")}.json`), "utf8"));
    expect(document).toEqual(golden);
  });

  it("keeps 215/KH-UBND of 17/9/2019 and of 17/10/2019 apart", () => {
    const dates = run("001_ad1e7f89c6d47907.txt")
      .citations.filter((c) => c.number === "215/KH-UBND")
      .map((c) => c.date);
    expect(dates).toEqual(["2019-09-17", "2019-10-17"]);
  });
});

describe("the document id", () => {
  it("ignores layout white space, so a Word table's line breaks do not make another document", async () => {
    const { documentId } = await import("../../src/pipeline/run.js");
    expect(documentId("Nơi nhận:\n\n- BGH;\n- Lưu VT.")).toBe(documentId("Nơi nhận:\n- BGH;\n\n\n- Lưu VT."));
    expect(documentId("Nơi nhận: - BGH")).not.toBe(documentId("Nơi nhận: - BGH, các lớp"));
  });
});
