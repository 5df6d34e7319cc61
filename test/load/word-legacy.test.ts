import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadBytes } from "../../src/pipeline/run.js";
import { makeDocx, p } from "./docx-builder.js";

const font = (name: string): string => `<w:rFonts w:ascii="${name}" w:hAnsi="${name}"/>`;

describe("DOCX runs in legacy fonts", () => {
  it.each([
    ["a run in .VnTime is decoded as TCVN3", p("KÕ ho¹ch", { runProps: font(".VnTime") }), "Kế hoạch", "tcvn3"],
    ["a run in .VnTimeH is decoded as TCVN3 capitals", p("kÕ ho¹ch", { runProps: font(".VnTimeH") }), "KẾ HOẠCH", "tcvn3"],
    ["a run in VNI-Times is decoded as VNI", p("Keá hoaïch", { runProps: font("VNI-Times") }), "Kế hoạch", "vni"],
    ["a paragraph whose style sets .VnTime is decoded", p("KÕ ho¹ch", { style: "CuVnTime" }), "Kế hoạch", "tcvn3"],
    ["a run in Times New Roman is left alone", p("Kế hoạch", { runProps: font("Times New Roman") }), "Kế hoạch", "utf-8"],
    ["a .VnTime paragraph gets back the toned capital it could not code", p("ñy ban nh©n d©n", { runProps: font(".VnTime") }), "Ủy ban nhân dân", "tcvn3"],
  ])("%s, and the encoding is recorded", async (_name, body, text, encoding) => {
    const styles = `<w:style w:type="paragraph" w:styleId="CuVnTime"><w:rPr>${font(".VnTime")}</w:rPr></w:style>`;
    const doc = await loadBytes(await makeDocx({ body, styles }));
    expect(doc.pages[0]!.blocks[0]!.text).toBe(text);
    expect(doc.encoding).toBe(encoding);
    expect(doc.warnings.map((w) => w.code)).toEqual(encoding === "utf-8" ? [] : ["legacy-encoding-converted"]);
  });

  it("decodes only the legacy runs of a mixed paragraph, and the document defaults' font counts too", async () => {
    const styles = `<w:docDefaults><w:rPrDefault><w:rPr>${font(".VnTime")}</w:rPr></w:rPrDefault></w:docDefaults>`;
    // "Sè: " in .VnTime is "Số: "; the same bytes in Arial are left as typed.
    const body = `<w:p><w:r><w:t xml:space="preserve">Sè: </w:t></w:r><w:r><w:rPr>${font("Arial")}</w:rPr><w:t>45/KH-Sè</w:t></w:r></w:p>`;
    const doc = await loadBytes(await makeDocx({ body, styles }));
    expect(doc.pages[0]!.blocks[0]!.text).toBe("Số: 45/KH-Sè");
    expect(doc.warnings[0]!.message).toContain(".VnTime");
  });
});

describe(".doc text in a legacy encoding", () => {
  it("is decoded by the fonts its runs name, and the encoding recorded (more in doc-fonts.test.ts)", async () => {
    const doc = await loadBytes(readFileSync(new URL("../../fixtures/formats/002_54a447784a71b537.tcvn3.doc", import.meta.url)));
    const text = doc.pages[0]!.blocks.map((b) => b.text).join("\n");
    expect(text).toContain("tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em");
    expect(text).not.toContain("undefined");
    expect([doc.encoding, doc.warnings.map((w) => w.code)]).toEqual(["tcvn3", ["legacy-encoding-converted"]]);
  });
});
