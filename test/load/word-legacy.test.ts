import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { loadBytes } from "../../src/pipeline/run.js";
import { makeDocx, p } from "./docx-builder.js";

// The real TCVN3/VNI tables land on another branch; this stands in with the agreed API so the
// loader's wiring (which runs, which font, what is recorded) is what is tested here.
vi.mock("../../src/load/encodings/index.js", () => ({
  encodingOfFont: (font: string) =>
    font.startsWith(".Vn") ? { encoding: "tcvn3", upperCase: font.endsWith("H") } : font.startsWith("VNI-") ? { encoding: "vni", upperCase: false } : null,
  decodeLegacy: (text: string, encoding: string, options: { upperCase?: boolean } = {}) => `[${encoding}${options.upperCase ? " upper" : ""}:${text}]`,
  // Stands in for the statistics: this .doc "is" TCVN3 when its text names the fixture's district.
  detectLegacyEncoding: (text: string) => (text.includes("HUYỆN ĐÔNG ANH") ? "tcvn3" : null),
}));

const font = (name: string): string => `<w:rFonts w:ascii="${name}" w:hAnsi="${name}"/>`;

describe("DOCX runs in legacy fonts", () => {
  it.each([
    ["a run in .VnTime is decoded as TCVN3", p("KÕ ho¹ch", { runProps: font(".VnTime") }), "[tcvn3:KÕ ho¹ch]", "tcvn3"],
    ["a run in .VnTimeH is decoded as TCVN3 capitals", p("kÕ ho¹ch", { runProps: font(".VnTimeH") }), "[tcvn3 upper:kÕ ho¹ch]", "tcvn3"],
    ["a run in VNI-Times is decoded as VNI", p("Keá hoaïch", { runProps: font("VNI-Times") }), "[vni:Keá hoaïch]", "vni"],
    ["a paragraph whose style sets .VnTime is decoded", p("KÕ ho¹ch", { style: "CuVnTime" }), "[tcvn3:KÕ ho¹ch]", "tcvn3"],
    ["a run in Times New Roman is left alone", p("Kế hoạch", { runProps: font("Times New Roman") }), "Kế hoạch", "utf-8"],
  ])("%s, and the encoding is recorded", async (_name, body, text, encoding) => {
    const styles = `<w:style w:type="paragraph" w:styleId="CuVnTime"><w:rPr>${font(".VnTime")}</w:rPr></w:style>`;
    const doc = await loadBytes(await makeDocx({ body, styles }));
    expect(doc.pages[0]!.blocks[0]!.text).toBe(text);
    expect(doc.encoding).toBe(encoding);
    expect(doc.warnings.map((w) => w.code)).toEqual(encoding === "utf-8" ? [] : ["legacy-encoding-converted"]);
  });

  it("decodes only the legacy runs of a mixed paragraph, and the document defaults' font counts too", async () => {
    const styles = `<w:docDefaults><w:rPrDefault><w:rPr>${font(".VnTime")}</w:rPr></w:rPrDefault></w:docDefaults>`;
    const body = `<w:p><w:r><w:t xml:space="preserve">Sè: </w:t></w:r><w:r><w:rPr>${font("Arial")}</w:rPr><w:t>45/KH</w:t></w:r></w:p>`;
    const doc = await loadBytes(await makeDocx({ body, styles }));
    expect(doc.pages[0]!.blocks[0]!.text).toBe("[tcvn3:Sè: ]45/KH");
    expect(doc.warnings[0]!.message).toContain(".VnTime");
  });
});

describe(".doc text in a legacy encoding", () => {
  it("is decoded, body and footnotes, when the detector names an encoding, and the encoding is recorded", async () => {
    const doc = await loadBytes(readFileSync(new URL("../../fixtures/doc/plan.doc", import.meta.url)));
    // The stand-in wraps what it decodes in [tcvn3:…]: once for the body, once for the footnotes.
    const text = doc.pages[0]!.blocks.map((b) => b.text).join("\n");
    expect([text.startsWith("[tcvn3:"), /văn bản\)\. ?\]$/u.test(text)]).toEqual([true, true]);
    expect([doc.encoding, doc.warnings.map((w) => w.code)]).toEqual(["tcvn3", ["legacy-encoding-converted"]]);
  });
});
