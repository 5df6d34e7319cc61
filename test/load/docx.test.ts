import { readFileSync } from "node:fs";
import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { VanbanError } from "../../src/errors.js";
import type { LoadedDocument } from "../../src/load/model.js";
import { defaultPipeline, type PipelineConfig } from "../../src/pipeline/config.js";
import { parseXml } from "../../src/load/docx/xml.js";
import { extract, extractBytes, loadBytes } from "../../src/pipeline/run.js";
import type { VanbanDocument } from "../../src/schema/document.js";
import { abstractNum, makeDocx, makeZip, num, p, table, type DocxParts } from "./docx-builder.js";
import { seedAsDocx } from "./seed-docx.js";

const textOf = (doc: LoadedDocument): string => doc.pages.flatMap((pg) => pg.blocks.map((b) => b.text)).join("\n\n");
const linesOf = (doc: LoadedDocument): string[] => textOf(doc).split("\n").filter((l) => l.trim() !== "");
const load = async (parts: DocxParts, config?: PipelineConfig): Promise<LoadedDocument> =>
  loadBytes(await makeDocx(parts), { fileName: "test.docx", ...(config ? { config } : {}) });

async function failure(bytes: Uint8Array | Promise<Uint8Array>, config?: PipelineConfig): Promise<VanbanError> {
  try {
    await loadBytes(await bytes, { fileName: "bad.docx", ...(config ? { config } : {}) });
  } catch (error) {
    if (error instanceof VanbanError) return error;
    throw error;
  }
  throw new Error("the input was accepted");
}

const withLimit = (maxDecompressedBytes: number): PipelineConfig => {
  const config = defaultPipeline();
  return { ...config, limits: { ...config.limits, maxDecompressedBytes } };
};

// The outline levels of a Kế hoạch: I. / 1. / - / +, as Word's multilevel list writes them.
const PLAN_LIST = abstractNum(1, [
  { format: "upperRoman", text: "%1." },
  { format: "decimal", text: "%2." },
  { format: "bullet", text: "\uf0b7" },
  { format: "bullet", text: "+" },
]);

describe("DOCX numbering restored from numbering.xml", () => {
  it.each<{ name: string; parts: DocxParts; lines: string[] }>([
    {
      name: "a multilevel list gives roman, decimal, dash and plus labels, the decimal level restarting under each roman item",
      parts: {
        numbering: `${PLAN_LIST}${num(1, 1)}`,
        body: [
          p("MỤC ĐÍCH, YÊU CẦU", { numId: 1, ilvl: 0 }),
          p("Mục đích", { numId: 1, ilvl: 1 }),
          p("Tạo sự thống nhất", { numId: 1, ilvl: 2 }),
          p("trong nhà trường", { numId: 1, ilvl: 3 }),
          p("Yêu cầu", { numId: 1, ilvl: 1 }),
          p("NHIỆM VỤ", { numId: 1, ilvl: 0 }),
          p("Tổ chức quán triệt", { numId: 1, ilvl: 1 }),
        ].join(""),
      },
      lines: ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Tạo sự thống nhất", "+ trong nhà trường", "2. Yêu cầu", "II. NHIỆM VỤ", "1. Tổ chức quán triệt"],
    },
    {
      name: "a %1.%2. level writes the parent's number into the label",
      parts: {
        numbering: `${abstractNum(2, [{ format: "decimal", text: "%1." }, { format: "decimal", text: "%1.%2." }])}${num(3, 2)}`,
        body: [p("Nội dung", { numId: 3, ilvl: 0 }), p("Đánh giá", { numId: 3, ilvl: 1 }), p("Kiến nghị", { numId: 3, ilvl: 1 }), p("Hình thức", { numId: 3, ilvl: 0 }), p("Hội nghị", { numId: 3, ilvl: 1 })].join(""),
      },
      lines: ["1. Nội dung", "1.1. Đánh giá", "1.2. Kiến nghị", "2. Hình thức", "2.1. Hội nghị"],
    },
    {
      name: "lower letters with a parenthesis, upper letters and lower roman come out as Word shows them",
      parts: {
        numbering: `${abstractNum(4, [{ format: "lowerLetter", text: "%1)" }])}${abstractNum(5, [{ format: "upperLetter", text: "%1." }])}${abstractNum(6, [{ format: "lowerRoman", text: "(%1)", start: 3 }])}${num(1, 4)}${num(2, 5)}${num(3, 6)}`,
        body: [p("Ban Tuyên giáo", { numId: 1 }), p("Văn phòng", { numId: 1 }), p("Phần chung", { numId: 2 }), p("Phần riêng", { numId: 2 }), p("mục ba", { numId: 3 })].join(""),
      },
      lines: ["a) Ban Tuyên giáo", "b) Văn phòng", "A. Phần chung", "B. Phần riêng", "(iii) mục ba"],
    },
    {
      name: "a new num with a startOverride restarts the list, while a num without one continues the shared abstract list",
      parts: {
        numbering: `${abstractNum(7, [{ format: "decimal", text: "%1." }])}${num(1, 7)}${num(2, 7, { 0: 1 })}${num(3, 7)}`,
        body: [p("một", { numId: 1 }), p("hai", { numId: 1 }), p("lại một", { numId: 2 }), p("lại hai", { numId: 2 }), p("ba", { numId: 3 })].join(""),
      },
      lines: ["1. một", "2. hai", "1. lại một", "2. lại hai", "3. ba"],
    },
    {
      name: "lvlRestart 0 keeps a deeper level counting through the shallower items",
      parts: {
        numbering: `${abstractNum(8, [{ format: "upperRoman", text: "%1." }, { format: "decimal", text: "%2.", restart: 0 }])}${num(1, 8)}`,
        body: [p("A", { numId: 1, ilvl: 0 }), p("x", { numId: 1, ilvl: 1 }), p("B", { numId: 1, ilvl: 0 }), p("y", { numId: 1, ilvl: 1 })].join(""),
      },
      lines: ["I. A", "1. x", "II. B", "2. y"],
    },
    {
      name: "numbering inherited from the paragraph style (through basedOn) is restored, and numId 0 on the paragraph cancels it",
      parts: {
        numbering: `${abstractNum(9, [{ format: "upperRoman", text: "%1." }, { format: "decimal", text: "%2.", style: "Muc2" }])}${num(4, 9)}`,
        styles:
          '<w:style w:type="paragraph" w:styleId="Muc1"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>' +
          '<w:style w:type="paragraph" w:styleId="Muc1Dam"><w:basedOn w:val="Muc1"/></w:style>' +
          '<w:style w:type="paragraph" w:styleId="Muc2"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>',
        body: [p("MỤC TIÊU", { style: "Muc1Dam" }), p("Chung", { style: "Muc2" }), p("Không số", { style: "Muc2", numId: 0 }), p("Cụ thể", { style: "Muc2" }), p("GIẢI PHÁP", { style: "Muc1" })].join(""),
      },
      lines: ["I. MỤC TIÊU", "1. Chung", "Không số", "2. Cụ thể", "II. GIẢI PHÁP"],
    },
    {
      name: "Symbol and Wingdings bullets and dashes become -, a plus bullet stays +",
      parts: {
        numbering: ["\uf0b7", "\uf02d", "–", "•", "-", "+", "\uf0a7"].map((b, i) => abstractNum(20 + i, [{ format: "bullet", text: b }]) + num(20 + i, 20 + i)).join(""),
        body: ["a", "b", "c", "d", "e", "f", "g"].map((t, i) => p(t, { numId: 20 + i })).join(""),
      },
      lines: ["- a", "- b", "- c", "- d", "- e", "+ f", "- g"],
    },
    {
      name: "a level never used before a deeper one shows its start value, and an empty numbered paragraph still counts but is not written",
      parts: {
        numbering: `${abstractNum(10, [{ format: "decimal", text: "%1." }, { format: "decimal", text: "%1.%2." }])}${num(1, 10)}`,
        body: [p("mồ côi", { numId: 1, ilvl: 1 }), p("", { numId: 1, ilvl: 0 }), p("tiếp", { numId: 1, ilvl: 0 })].join(""),
      },
      lines: ["1.1. mồ côi", "2. tiếp"],
    },
  ])("$name", async ({ parts, lines }) => {
    expect(linesOf(await load(parts))).toEqual(lines);
  });

  it("the outline the extractor builds from a DOCX carries the restored labels", async () => {
    const bytes = await makeDocx({
      numbering: `${PLAN_LIST}${num(1, 1)}`,
      body: [p("KẾ HOẠCH"), p("Tổ chức thực hiện Chỉ thị"), p("NHIỆM VỤ", { numId: 1, ilvl: 0 }), p("Tuyên truyền", { numId: 1, ilvl: 1 }), p("Phòng GDĐT tổ chức tuyên truyền.", { numId: 1, ilvl: 2 })].join(""),
    });
    const document = await extractBytes(bytes, { fileName: "kh.docx" });
    expect(document.outline.map((o) => `${o.path}|${o.label}`)).toEqual(["I.|I.", "I. 1.|1.", "I. 1. -|-"]);
  });
});

describe("DOCX tables", () => {
  it("reads a header table column by column: the agency's lines, then the quốc hiệu and date", async () => {
    const doc = await load({
      body:
        table([
          [["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
          [["Số: 45/KH-UBND"], ["Bắc Ninh, ngày 02 tháng 8 năm 2024"]],
        ]) + p("KẾ HOẠCH"),
    });
    expect(linesOf(doc)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "TỈNH BẮC NINH",
      "Số: 45/KH-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Bắc Ninh, ngày 02 tháng 8 năm 2024",
      "KẾ HOẠCH",
    ]);
  });

  it("reads the Nơi nhận | signature table as the whole Nơi nhận block, then the signer's lines, blank lines kept as one", async () => {
    const doc = await load({
      body: table([[["Nơi nhận:", "- Sở GDĐT (b/c);", "- Lưu: VT."], ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "", "", "", "Lê Thị Lan"]]]),
    });
    expect(textOf(doc)).toBe("Nơi nhận:\n- Sở GDĐT (b/c);\n- Lưu: VT.\n\nKT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\n\nLê Thị Lan");
  });

  it("reads rows and cells wrapped in content controls", async () => {
    const sdt = (inner: string): string => `<w:sdt><w:sdtPr/><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
    const doc = await load({ body: `<w:tbl>${sdt(`<w:tr>${sdt(`<w:tc>${p("Số: 45/KH-UBND")}</w:tc>`)}<w:tc>${p("Hà Nội, ngày 02 tháng 8 năm 2024")}</w:tc></w:tr>`)}</w:tbl>` });
    expect(linesOf(doc)).toEqual(["Số: 45/KH-UBND", "Hà Nội, ngày 02 tháng 8 năm 2024"]);
  });

  it("reads a data table row by row, one line per row with its cells split by |, and a cell of several paragraphs as lines", async () => {
    const doc = await load({
      body: table([
        [["TT"], ["Nội dung"], ["Đơn vị chủ trì"], ["Thời gian"]],
        [["1"], ["Tổ chức hội nghị"], ["Phòng GDĐT"], ["Tháng 5/2024"]],
        [["2"], ["Kiểm tra", "Báo cáo"], ["Các trường"], []],
      ]),
    });
    expect(doc.pages[0]!.blocks.map((b) => b.text)).toEqual([
      "TT | Nội dung | Đơn vị chủ trì | Thời gian",
      "1 | Tổ chức hội nghị | Phòng GDĐT | Tháng 5/2024",
      "2\nKiểm tra\nBáo cáo\nCác trường",
    ]);
  });
});

describe("DOCX page headers", () => {
  const headerTable = table([[["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 45/KH-UBND"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]]]);

  it.each([
    ["the document's header put in the first page's header area is read before the body", { xml: headerTable, firstPage: true }, ["ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 45/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", "KẾ HOẠCH"]],
    ["the same in the default header of a one-section document", { xml: headerTable }, ["ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 45/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", "KẾ HOẠCH"]],
    ["a running header (a title, a page number) is page furniture and dropped", { xml: p("Kế hoạch tuyên truyền năm 2024 - Trang 1") }, ["KẾ HOẠCH"]],
  ])("%s", async (_name, pageHeader, blocks) => {
    expect((await load({ body: p("KẾ HOẠCH"), pageHeader })).pages[0]!.blocks.map((b) => b.text)).toEqual(blocks);
  });
});

describe("DOCX headers and signatures typed with tabs", () => {
  const br = (...lines: string[]): string => `<w:p>${lines.map((l, i) => `${i ? "<w:r><w:br/></w:r>" : ""}${l.split("\t").map((part, j) => `${j ? "<w:r><w:tab/></w:r>" : ""}<w:r><w:t xml:space="preserve">${part}</w:t></w:r>`).join("")}`).join("")}</w:p>`;

  it.each([
    [
      "a tab-typed header reads as its two columns, the agency's lines then the quốc hiệu",
      br("UBND TỈNH BẮC NINH\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ Y TẾ\t\tĐộc lập - Tự do - Hạnh phúc") + br("Số: 12/KH-SYT\tBắc Ninh, ngày 02 tháng 8 năm 2024") + p("KẾ HOẠCH"),
      ["UBND TỈNH BẮC NINH\nSỞ Y TẾ\nSố: 12/KH-SYT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 02 tháng 8 năm 2024", "KẾ HOẠCH"],
    ],
    [
      "a tab-typed Nơi nhận | signer reads the Nơi nhận lines, then the signer's",
      p("Trên đây là Kế hoạch.") + br("Nơi nhận:\t\tKT. GIÁM ĐỐC", "- Như trên;\t\tPHÓ GIÁM ĐỐC", "\t\tNguyễn Văn An"),
      ["Trên đây là Kế hoạch.", "Nơi nhận:\n- Như trên;", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn An"],
    ],
    [
      "tab-aligned form lines stay as they are",
      br("Thời gian:\t8 giờ, ngày 12 tháng 5 năm 2024", "Địa điểm:\tHội trường"),
      ["Thời gian:\t8 giờ, ngày 12 tháng 5 năm 2024\nĐịa điểm:\tHội trường"],
    ],
    ["a tab after a typed label or as a first-line indent stays", br("a)\tNội dung") + br("\tĐoạn văn thứ hai."), ["a)\tNội dung", "\tĐoạn văn thứ hai."]],
  ])("%s", async (_name, body, blocks) => {
    expect((await load({ body })).pages[0]!.blocks.map((b) => b.text)).toEqual(blocks);
  });
});

describe("DOCX footnotes", () => {
  const parts: DocxParts = {
    body:
      '<w:p><w:r><w:t>Thực hiện Chỉ thị số 28-CT/TW</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve">, Kế hoạch 89</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r><w:r><w:t>.</w:t></w:r></w:p>' +
      p("Nơi nhận:"),
    footnotes:
      '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Chỉ thị ngày 25/12/2023</w:t></w:r></w:p><w:p><w:r><w:t>của Bộ Chính trị.</w:t></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Kế hoạch của UBND.</w:t></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="9"><w:p><w:r><w:t>Never referenced.</w:t></w:r></w:p></w:footnote>',
  };

  it("numbers footnotes in order of reference, marks the body with superscripts, and writes each as one line at the end", async () => {
    expect(linesOf(await load(parts))).toEqual([
      "Thực hiện Chỉ thị số 28-CT/TW¹, Kế hoạch 89².",
      "Nơi nhận:",
      "¹ Chỉ thị ngày 25/12/2023 của Bộ Chính trị.",
      "² Kế hoạch của UBND.",
    ]);
  });

  it("the extractor sees the footnotes as footnotes and the body without their marks", async () => {
    const document = await extractBytes(await makeDocx(parts), { fileName: "fn.docx" });
    expect(document.footnotes.map((f) => [f.marker, f.text])).toEqual([
      ["¹", "Chỉ thị ngày 25/12/2023 của Bộ Chính trị."],
      ["²", "Kế hoạch của UBND."],
    ]);
    expect(document.text).toContain("Thực hiện Chỉ thị số 28-CT/TW, Kế hoạch 89.");
  });
});

describe("DOCX runs", () => {
  it.each([
    ["capitals set by w:caps are written as capitals", p("Kế hoạch", { runProps: "<w:caps/>" }), ["KẾ HOẠCH"]],
    ["capitals set by the paragraph style are written as capitals", p("quyết định", { style: "TieuDe" }), ["QUYẾT ĐỊNH"]],
    ["hidden text is left out", `<w:p><w:r><w:t>Số: 12</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>bí mật</w:t></w:r></w:p>`, ["Số: 12"]],
    ["a tracked deletion is left out and an insertion kept", `<w:p><w:r><w:t xml:space="preserve">Ngày </w:t></w:r><w:del><w:r><w:delText>01</w:delText></w:r></w:del><w:ins><w:r><w:t>02</w:t></w:r></w:ins></w:p>`, ["Ngày 02"]],
    ["a line break inside a paragraph starts a new line", `<w:p><w:r><w:t>KT. BỘ TRƯỞNG</w:t><w:br/><w:t>THỨ TRƯỞNG</w:t></w:r></w:p>`, ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]],
    ["field instructions are dropped and hyperlink text kept", `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:hyperlink><w:r><w:t>Cổng thông tin</w:t></w:r></w:hyperlink></w:p>`, ["Cổng thông tin"]],
    [
      "a text box is read once, though Word stores it twice (DrawingML and the VML fallback)",
      `<w:p><w:r><w:t>Trước</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="m"><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p("DỰ THẢO")}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p("DỰ THẢO")}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
      ["Trước", "DỰ THẢO"],
    ],
    ["character references and predefined entities are decoded", `<w:p><w:r><w:t>&#272;&#x1ea0;I H&#7896;I &amp; &lt;1&gt;</w:t></w:r></w:p>`, ["ĐẠI HỘI & <1>"]],
  ])("%s", async (_name, body, lines) => {
    const styles = '<w:style w:type="paragraph" w:styleId="TieuDe"><w:rPr><w:caps/></w:rPr></w:style>';
    expect(linesOf(await load({ body, styles }))).toEqual(lines);
  });

  it("finds the main part and its styles, numbering and footnotes through the relationships, whatever they are named", async () => {
    const zip = await JSZip.loadAsync(await makeDocx({ numbering: `${PLAN_LIST}${num(1, 1)}`, body: p("MỤC TIÊU", { numId: 1, ilvl: 0 }) }));
    const move = async (from: string, to: string): Promise<void> => {
      zip.file(to, await zip.file(from)!.async("uint8array"));
      zip.remove(from);
    };
    await move("word/document.xml", "word/document2.xml");
    await move("word/_rels/document.xml.rels", "word/_rels/document2.xml.rels");
    await move("word/numbering.xml", "word/lists.xml");
    zip.file("_rels/.rels", (await zip.file("_rels/.rels")!.async("string")).replace("word/document.xml", "/word/document2.xml"));
    zip.file("word/_rels/document2.xml.rels", (await zip.file("word/_rels/document2.xml.rels")!.async("string")).replace("numbering.xml", "./lists.xml"));
    const doc = await loadBytes(await zip.generateAsync({ type: "uint8array" }));
    expect(textOf(doc)).toBe("I. MỤC TIÊU");
  });

  it("gives each paragraph a block whose offsets point into the blocks joined by blank lines", async () => {
    const doc = await load({ body: [p("Số: 45/KH-UBND"), p("KẾ HOẠCH"), p("Thực hiện")].join("") });
    const text = textOf(doc);
    expect(doc).toMatchObject({ format: "docx", strategy: "text", encoding: "utf-8", warnings: [] });
    expect(doc.pages).toHaveLength(1);
    for (const block of doc.pages[0]!.blocks) expect(text.slice(block.sourceStart, block.sourceEnd)).toBe(block.text);
    expect(doc.pages[0]!.blocks.map((b) => b.sourceStart)).toEqual([0, 16, 26]);
  });

  it("reads the same words as mammoth's raw text where there is no numbering to restore", async () => {
    const bytes = await makeDocx({
      body: [p("Số: 45/KH-UBND"), table([[["Nơi nhận:", "- Lưu: VT."], ["CHỦ TỊCH", "Nguyễn Văn A"]]]), p("Ngày 02 tháng 8")].join(""),
    });
    const words = (s: string): string[] => s.split(/\s+/).filter(Boolean).sort();
    const raw = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(words(textOf(await loadBytes(bytes)))).toEqual(words(raw.value));
  });
});

/** A copy of the zip with 40 data bytes of an entry overwritten. */
function overwriteEntry(zip: Uint8Array, name: string, byte: number): Uint8Array {
  const bytes = Buffer.from(zip);
  const local = bytes.indexOf(name) - 30;
  const data = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  bytes.fill(byte, data + 10, data + 50);
  return bytes;
}

describe("DOCX refusals", () => {
  const bomb = (): Promise<Uint8Array> => makeDocx({ body: p("x"), styles: " ".repeat(3_000_000) });

  it("refuses a zip whose entries' declared sizes exceed the unpack limit, before inflating", async () => {
    const error = await failure(bomb(), withLimit(1_000_000));
    expect([error.code, error.message]).toEqual(["too-large", expect.stringContaining("zip bomb")]);
  });

  it("refuses a zip bomb that lies in its headers by counting the real bytes inflated", async () => {
    const bytes = Buffer.from(await bomb());
    // Rewrite styles.xml's declared size to 100 bytes in the central directory and the local header.
    for (let at = bytes.indexOf("word/styles.xml"); at >= 0; at = bytes.indexOf("word/styles.xml", at + 1)) {
      const central = bytes.readUInt32LE(at - 46) === 0x02014b50;
      if (central) bytes.writeUInt32LE(100, at - 46 + 24);
      else if (bytes.readUInt32LE(at - 30) === 0x04034b50) bytes.writeUInt32LE(100, at - 30 + 22);
    }
    const error = await failure(bytes, withLimit(1_000_000));
    expect([error.code, error.message]).toEqual(["too-large", expect.stringContaining("zip bomb")]);
  });

  it("refuses a part with more XML elements than the limit, which bounds the tree the bytes limit does not", () => {
    const xml = `<w:document><w:body>${"<w:p/>".repeat(11)}</w:body></w:document>`;
    expect(() => parseXml(xml, "word/document.xml", null, 12)).toThrow(expect.objectContaining({ code: "too-large" }));
    expect(parseXml(xml, "word/document.xml", null, 13).name).toBe("w:document");
  });

  it("refuses elements nested deeper than Word writes, before the recursive walk could overflow the stack", async () => {
    const deep = `${"<w:sdt><w:sdtContent>".repeat(5000)}${p("x")}${"</w:sdtContent></w:sdt>".repeat(5000)}`;
    const error = await failure(makeDocx({ body: deep }));
    expect([error.code, error.message]).toEqual(["corrupt", expect.stringContaining("nested deeper")]);
  });

  it.each([
    ["an external entity", `<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`, "DOCTYPE"],
    ["an entity that is never declared", `<w:document><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`, "not defined"],
    ["a part cut short", `<w:document><w:body><w:p><w:r><w:t>Số: 1`, "never closed"],
  ])("refuses a document.xml with %s as corrupt", async (_name, xml, reason) => {
    const error = await failure(makeZip({ "word/document.xml": xml }));
    expect([error.code, error.message]).toEqual(["corrupt", expect.stringContaining(reason)]);
  });

  it.each([
    ["an Excel workbook", { "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" }, "Excel"],
    ["a PowerPoint presentation", { "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>" }, "PowerPoint"],
    ["an OpenDocument text", { mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<x/>" }, ".odt"],
    ["an EPUB", { mimetype: "application/epub+zip", "OEBPS/a.xhtml": "<x/>" }, "EPUB"],
    ["a plain zip", { "a.txt": "hello" }, "plain zip"],
  ])("refuses %s as not a Word document, naming what it is", async (_name, entries, what) => {
    const error = await failure(makeZip(entries));
    expect([error.code, error.message]).toEqual(["unsupported-format", expect.stringContaining(what)]);
  });

  it.each([
    ["cut in half", false, (b: Uint8Array) => b.subarray(0, Math.floor(b.length / 2))],
    ["with its body's compressed data overwritten", false, (b: Uint8Array) => overwriteEntry(b, "word/document.xml", 0xff)],
    [
      "with one letter of its stored body changed (only the checksum tells)",
      true,
      (b: Uint8Array) => {
        const bytes = Buffer.from(b);
        bytes[bytes.indexOf("KH-UBND")] = "X".charCodeAt(0);
        return bytes;
      },
    ],
  ])("refuses a DOCX %s as corrupt", async (_name, store, damage) => {
    const bytes = await makeDocx({ body: p("Số: 45/KH-UBND ".repeat(50)), store });
    const error = await failure(damage(bytes));
    expect(error.code).toBe("corrupt");
  });

  it("answers within seconds, with a typed error or a document, for 300 randomly damaged copies", async () => {
    const parts = seedAsDocx(readFileSync(new URL("../../fixtures/seeds/002_54a447784a71b537.txt", import.meta.url), "utf8"));
    const original = await makeDocx({ ...parts, store: true });
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const started = Date.now();
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.from(original);
      for (let k = 0; k < 1 + random(8); k++) bytes[random(bytes.length)] = random(256);
      let outcome = "loaded";
      try {
        await loadBytes(bytes);
      } catch (error) {
        if (!(error instanceof VanbanError)) throw error;
        outcome = error.code;
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(outcomes.has("internal")).toBe(false);
    expect(outcomes.get("corrupt")).toBeGreaterThan(100);
  });

  it("reads damaged XML to a tree or a typed refusal, never another error, for 500 random edits", () => {
    const xml = `<w:document a="1"><w:body>${seedAsDocx("Số: 1\n\nI. MỤC ĐÍCH &amp; YÊU CẦU\n\n- Tổ chức").body}<!-- c --><![CDATA[x]]></w:body></w:document>`;
    const alphabet = `<>/"'&;=!?[]-# aw:t`;
    let seed = 5;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let refused = 0;
    for (let i = 0; i < 500; i++) {
      const chars = [...xml];
      for (let k = 0; k < 1 + random(4); k++) chars[random(chars.length)] = alphabet[random(alphabet.length)]!;
      try {
        parseXml(chars.join(""), "word/document.xml", null);
      } catch (error) {
        expect(error).toBeInstanceOf(VanbanError);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  it("refuses a DOCX without text as empty", async () => {
    expect((await failure(makeDocx({ body: "<w:p/>" }))).code).toBe("empty");
  });
});

describe("a seed document as a DOCX", () => {
  it("extracts the same fields as its text: Word's list numbering, header and signature tables read back", async () => {
    const text = readFileSync(new URL("../../fixtures/seeds/002_54a447784a71b537.txt", import.meta.url), "utf8");
    const fromText = extract(text);
    const fromDocx = await extractBytes(await makeDocx(seedAsDocx(text)), { fileName: "002.docx" });
    const fields = (d: VanbanDocument): unknown => ({
      type: d.documentType.code,
      number: d.number,
      date: d.issueDate,
      place: d.place,
      title: d.title,
      issuer: d.issuer?.name,
      signer: d.signer?.position,
      recipients: d.recipients.map((r) => r.name),
      outline: d.outline.map((o) => o.path),
      tasks: d.tasks.map((t) => [t.section, t.text, t.responsibleUnits]),
      citations: d.citations.map((c) => c.number),
      purposes: d.purposes.length,
      requirements: d.requirements.length,
    });
    expect(fromDocx.outline.length).toBeGreaterThan(20);
    expect(fields(fromDocx)).toEqual(fields(fromText));
  });
});
