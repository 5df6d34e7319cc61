import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CELL_END, ROW_END } from "../../src/load/doc/extractor.js";
import { bodyBlocks } from "../../src/load/doc/read.js";
import { extractBytes, loadBytes } from "../../src/pipeline/run.js";
import { entryOf, failure, loadDamaged, withFib } from "./doc-bytes.js";
import { makeDocx } from "./docx-builder.js";
import { PLAN_DOCX } from "./plan-docx.js";

// fixtures/doc/plan.doc: LibreOffice's Word 97 export of PLAN_DOCX (see fixtures/README.md).
const PLAN = readFileSync(new URL("../../fixtures/doc/plan.doc", import.meta.url));

/** A copy of plan.doc with a stream renamed, as if it were another kind of compound file. */
function renamed(from: string, to: string): Buffer {
  const bytes = Buffer.from(PLAN);
  const at = entryOf(bytes, from);
  bytes.fill(0, at, at + 64);
  bytes.write(to, at, "utf16le");
  bytes.writeUInt16LE((to.length + 1) * 2, at + 64);
  return bytes;
}

/** A copy of plan.doc with the WordDocument stream's header (FIB) changed. */
const withPlanFib = (change: (fib: Buffer) => void): Buffer => withFib(PLAN, change);

/** A copy of plan.doc whose WordDocument sector chain runs in a circle (a → b → a). */
function circularChain(): Buffer {
  const bytes = Buffer.from(PLAN);
  const fatAt = (bytes.readInt32LE(76) + 1) * 512;
  const first = bytes.readInt32LE(entryOf(bytes, "WordDocument") + 116);
  const second = bytes.readInt32LE(fatAt + 4 * first);
  bytes.writeInt32LE(first, fatAt + 4 * second);
  return bytes;
}

describe(".doc (Word 97–2003)", () => {
  it("reads the whole body as the DOCX loader would: tables column by column, list labels restored, the footnote last", async () => {
    const doc = await loadBytes(PLAN, { fileName: "plan.doc" });
    expect(doc).toMatchObject({ format: "doc", mediaType: "application/msword", strategy: "text", encoding: "utf-8", warnings: [] });
    expect(doc.pages[0]!.blocks.map((b) => b.text)).toEqual([
      "ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG ANH",
      "Số: 45/KH-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
      "Đông Anh, ngày 02 tháng 8 năm 2024",
      "KẾ HOẠCH",
      "Tuyên truyền phòng, chống dịch bệnh năm 2024",
      "Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị¹, Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:",
      // word-extractor drops automatic numbering; these labels come from the list tables.
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Mục đích",
      "- Nâng cao nhận thức của người dân.",
      "2. Yêu cầu",
      "- Bảo đảm thiết thực, hiệu quả.",
      "II. TỔ CHỨC THỰC HIỆN",
      "1. Phòng Y tế chủ trì, phối hợp với các xã triển khai Kế hoạch này.",
      "a) Báo cáo kết quả trước ngày 15/12/2024².",
      "b) Tổng hợp số liệu.",
      "Nơi nhận:\n- UBND thành phố (b/c);\n- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An",
      // word-extractor drops footnote marks; they come back from the raw text, so a footnote of two paragraphs stays one.
      "¹ Chỉ thị số 28-CT/TW về tăng cường công tác chăm sóc trẻ em.",
      "² Báo cáo gửi về Văn phòng UBND huyện (qua hệ thống quản lý văn bản).",
    ]);
  });

  it("gives the same text as the DOCX it was saved from, so the same document id", async () => {
    const fromDoc = await extractBytes(PLAN);
    const fromDocx = await extractBytes(await makeDocx(PLAN_DOCX));
    expect([fromDoc.text, fromDoc.id]).toEqual([fromDocx.text, fromDocx.id]);
  });

  it("reads the text without labels, and says so, when the list tables are damaged", async () => {
    const doc = await loadBytes(withPlanFib((fib) => fib.writeUInt32LE(0x7fffffff, 0x2e2)));
    const blocks = doc.pages[0]!.blocks.map((b) => b.text);
    expect(blocks).toContain("MỤC ĐÍCH, YÊU CẦU");
    expect(doc.warnings.map((w) => w.code)).toEqual(["content-skipped"]);
  });

  it("extracts number, date, signer and recipients from a .doc", async () => {
    const document = await extractBytes(PLAN, { fileName: "plan.doc" });
    expect([document.number, document.issueDate, document.signer?.name, document.recipients.length, document.footnotes.length]).toEqual([
      "45/KH-UBND",
      "2024-08-02",
      "Nguyễn Văn An",
      2,
      2,
    ]);
    expect(document.tasks.map((t) => t.section)).toContain("II. 1. a)");
  });

  it.each([
    ["a two-cell row reads left cell, then right cell", "Số: 45\tHà Nội, ngày 1\t", ["Số: 45", "Hà Nội, ngày 1"]],
    ["a row of data cells stays one line", "1\tTổ chức hội nghị\tPhòng GDĐT\t", ["1 | Tổ chức hội nghị | Phòng GDĐT"]],
    ["a multi-paragraph cell ends at its tab", "Nơi nhận:\n- Lưu: VT.\tCHỦ TỊCH\n\nNguyễn Văn An\t", ["Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn An"]],
  ])("without table marks (paragraph properties unreadable), word-extractor's tabs: %s", (_name, body, blocks) => {
    expect(bodyBlocks(body, false)).toEqual(blocks);
  });
});

it("never lets a table mark into the text, even where a table paragraph's start was not placed", () => {
  expect(bodyBlocks(`Số: 45${CELL_END}Hà Nội${CELL_END}${ROW_END}\nKẾ HOẠCH`, true)).toEqual(["Số: 45\tHà Nội", "KẾ HOẠCH"]);
});

describe(".doc refusals", () => {
  it.each([
    ["a password-protected DOCX (an OLE2 file with an EncryptedPackage stream)", () => renamed("WordDocument", "EncryptedPackage"), "encrypted", "password"],
    ["an Excel 97–2003 workbook", () => renamed("WordDocument", "Workbook"), "unsupported-format", "Excel"],
    ["a compound file with no Word stream", () => renamed("WordDocument", "Contents"), "unsupported-format", "no Word document"],
    ["a password-protected .doc (fEncrypted in the FIB)", () => withPlanFib((fib) => fib.writeUInt16LE(fib.readUInt16LE(10) | 0x0100, 10)), "encrypted", "password"],
    ["a Word 95 document", () => withPlanFib((fib) => fib.writeUInt16LE(0x65, 2)), "unsupported-format", "Word 6.0/95"],
    ["a WordDocument stream without the Word magic", () => withPlanFib((fib) => fib.writeUInt16LE(0, 0)), "corrupt", "header"],
    ["a sector chain that runs in a circle (word-extractor would loop forever)", circularChain, "corrupt", "circle"],
    ["a file cut after its header", () => PLAN.subarray(0, 1024), "corrupt", "outside the file"],
  ])("refuses %s", async (_name, make, code, reason) => {
    const error = await failure(make());
    expect([error.code, error.message]).toEqual([code, expect.stringContaining(reason)]);
  });

  it("answers within seconds, with a typed error or a document, for 300 randomly damaged copies", async () => {
    const started = Date.now();
    const outcomes = await loadDamaged(PLAN, 300);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(outcomes.has("internal")).toBe(false);
  });
});
