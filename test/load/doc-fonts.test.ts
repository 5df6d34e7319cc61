import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VanbanError } from "../../src/errors.js";
import { FontDecoder } from "../../src/load/doc/decode.js";
import { extractBytes, loadBytes } from "../../src/pipeline/run.js";
import { loadDamaged, withFib } from "./doc-bytes.js";

/**
 * A .doc names each run's font (CHPX pages, styles, the font table), so TCVN3 text typed in
 * .VnTime and .VnTimeH reads as the DOCX it was saved from; fixtures/formats/<seed>.tcvn3.doc is
 * LibreOffice's Word 97 export of <seed>.tcvn3.docx, <seed>.doc that of <seed>.docx.
 */
const dir = "fixtures/formats";
const seeds = existsSync(dir) ? readdirSync(dir).filter((f) => /^\d{3}_[0-9a-f]+\.tcvn3\.doc$/.test(f)).map((f) => f.replace(/\.tcvn3\.doc$/, "")) : [];
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(`${dir}/${name}`));
const texts = async (bytes: Uint8Array): Promise<string[]> => (await loadBytes(bytes)).pages[0]!.blocks.map((b) => b.text);

describe.skipIf(seeds.length === 0)(".doc runs in legacy fonts", () => {
  it.each(seeds)("%s.tcvn3.doc reads as its DOCX, decoded run by run", async (seed) => {
    const doc = await loadBytes(read(`${seed}.tcvn3.doc`));
    expect(doc.pages[0]!.blocks.map((b) => b.text)).toEqual(await texts(read(`${seed}.tcvn3.docx`)));
    expect([doc.encoding, doc.warnings.map((w) => w.code)]).toEqual(["tcvn3", ["legacy-encoding-converted"]]);
    expect(doc.warnings[0]!.message).toMatch(/run\(s\) in legacy fonts \(.*\.VnTime/);
  });

  it.each(seeds)("%s.doc, in Unicode, gives the text and id of its DOCX", async (seed) => {
    const [fromDoc, fromDocx] = await Promise.all([extractBytes(read(`${seed}.doc`)), extractBytes(read(`${seed}.docx`))]);
    expect([fromDoc.text, fromDoc.id, fromDoc.source.encoding]).toEqual([fromDocx.text, fromDocx.id, "utf-8"]);
  });

  it.each([
    // .VnTimeH stores KẾ HOẠCH as the lower-case codes: told by letters it read "Kế HOạCH".
    ["002_54a447784a71b537", "KẾ HOẠCH", "KE_HOACH"],
    ["003_c61dcf04db22f505", "KẾ HOẠCH", "KE_HOACH"],
  ])("%s.tcvn3.doc: the H-font type line %s, so the type %s", async (seed, line, type) => {
    const document = await extractBytes(read(`${seed}.tcvn3.doc`));
    expect(document.text.split("\n")).toContain(line);
    expect(document.documentType.code).toBe(type);
  });
});

/** FIB: fcStshf, fcPlcfBteChpx and fcSttbfFfn, each followed by its lcb. */
const FC_STSHF = 0xa2;
const FC_PLCF_BTE_CHPX = 0xfa;
const FC_STTBF_FFN = 0x112;
const TCVN3_DOC = seeds.length === 0 ? new Uint8Array() : read(`${seeds[2] ?? seeds[0]}.tcvn3.doc`);

describe.skipIf(seeds.length === 0)(".doc font data damaged or missing", () => {
  it.each([
    ["no font table", (fib: Buffer) => fib.writeUInt32LE(0, FC_STTBF_FFN + 4)],
    ["a font table running past the table stream", (fib: Buffer) => fib.writeUInt32LE(0x7fffffff, FC_STTBF_FFN + 4)],
    ["a font table cut inside its first font record", (fib: Buffer) => fib.writeUInt32LE(8, FC_STTBF_FFN + 4)],
    ["a style sheet running past the table stream", (fib: Buffer) => fib.writeUInt32LE(0x7fffffff, FC_STSHF + 4)],
    ["a style sheet cut inside its header", (fib: Buffer) => fib.writeUInt32LE(4, FC_STSHF + 4)],
  ])("%s: the text is still read, its encoding told by its letters", async (_name, change) => {
    const doc = await loadBytes(withFib(TCVN3_DOC, change));
    expect(doc.pages[0]!.blocks.map((b) => b.text).join("\n")).toContain("tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em");
    expect([doc.encoding, doc.warnings.map((w) => w.message)]).toEqual(["tcvn3", [expect.stringContaining("the text, typed in a legacy encoding")]]);
  });

  it.each([
    ["a character property page beyond the document", (fib: Buffer) => fib.writeUInt32LE(fib.readUInt32LE(FC_PLCF_BTE_CHPX) + 0x7fff0000, FC_PLCF_BTE_CHPX)],
    ["a character property table of a broken size", (fib: Buffer) => fib.writeUInt32LE(fib.readUInt32LE(FC_PLCF_BTE_CHPX + 4) + 3, FC_PLCF_BTE_CHPX + 4)],
  ])("%s: refused as corrupt or read, never a crash", async (_name, change) => {
    try {
      const doc = await loadBytes(withFib(TCVN3_DOC, change));
      expect(doc.encoding).toBe("tcvn3");
    } catch (error) {
      expect(error).toBeInstanceOf(VanbanError);
      expect((error as VanbanError).code).toBe("corrupt");
    }
  });

  it("answers within seconds, with a typed error or a document, for 300 randomly damaged copies", async () => {
    const started = Date.now();
    const outcomes = await loadDamaged(TCVN3_DOC, 300);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(outcomes.has("internal")).toBe(false);
  });
});

describe("FontDecoder: a paragraph decoded by the fonts of its runs", () => {
  const run = (cpStart: number, cpEnd: number, font: string): { cpStart: number; cpEnd: number; font: string } => ({ cpStart, cpEnd, font });
  it.each([
    ["a .VnTime run", "KÕ ho¹ch", [run(0, 8, ".VnTime")], "", "Kế hoạch", ["tcvn3"]],
    ["a .VnTimeH run, drawn as capitals", "kÕ ho¹ch", [run(0, 8, ".VnTimeH")], "", "KẾ HOẠCH", ["tcvn3"]],
    ["a VNI-Times run", "Keá hoaïch", [run(0, 10, "VNI-Times")], "", "Kế hoạch", ["vni"]],
    ["only the legacy run of a mixed paragraph", "Sè: 45/KH-Sè", [run(0, 4, ".VnTime"), run(4, 12, "Arial")], "", "Số: 45/KH-Sè", ["tcvn3"]],
    ["a .VnTime paragraph's lost toned capital", "ñy ban nh©n d©n", [run(0, 15, ".VnTime")], "", "Ủy ban nhân dân", ["tcvn3"]],
    ["the capital after a list label", "¸p dông", [run(0, 7, ".VnTime")], "1. ", "1. Áp dụng", ["tcvn3"]],
    ["a Unicode run, left as it is", "Kế hoạch", [run(0, 8, "Times New Roman")], "", "Kế hoạch", []],
  ])("%s", (_name, text, runs, label, expected, encodings) => {
    const decoder = new FontDecoder(runs);
    expect(decoder.paragraph(text, 0, text.length, label)).toBe(expected);
    expect([...decoder.counts.keys()]).toEqual(encodings);
  });

  it("decodes only its own stretch of a run that goes on into the next paragraph", () => {
    const decoder = new FontDecoder([run(0, 12, ".VnTimeH")]);
    const text = "kÕ ho¹ch\rabc";
    expect([decoder.paragraph(text, 0, 9, ""), decoder.paragraph(text, 9, 12, "")]).toEqual(["KẾ HOẠCH\r", "ABC"]);
    expect(decoder.counts.get("tcvn3")).toBe(1);
  });
});
