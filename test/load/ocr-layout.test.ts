import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitColumns } from "../../src/normalise/layout.js";
import { layoutParagraphs, meanConfidence, parseTsv, repairLine, skewOf, withoutSpecks } from "../../src/load/ocr/tsv.js";
import { splitTiff, tiffPageCount, TiffStructureError } from "../../src/load/ocr/tiff.js";

/** A TSV word row: block, paragraph, line, box and confidence as tesseract writes them. */
type Word = [block: number, par: number, line: number, left: number, top: number, width: number, text: string, conf?: number, height?: number];
const HEIGHT = 50;
const tsv = (words: readonly Word[]): string =>
  [
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
    "1\t1\t0\t0\t0\t0\t0\t0\t2400\t3400\t-1\t",
    ...words.map(([b, p, l, left, top, width, text, conf = 90, height = HEIGHT], i) => `5\t1\t${b}\t${p}\t${l}\t${i + 1}\t${left}\t${top}\t${width}\t${height}\t${conf}\t${text}`),
  ].join("\n");

/** Words of one line laid out from `left`, 30 px per letter and a 30 px space. */
function line(block: number, par: number, lineNo: number, left: number, top: number, text: string, conf?: number): Word[] {
  let x = left;
  return text.split(" ").map((w) => {
    const word: Word = [block, par, lineNo, x, top, 30 * [...w].length, w, conf];
    x += 30 * [...w].length + 30;
    return word;
  });
}

describe("parseTsv", () => {
  it("keeps word rows with text and a confidence, and drops page, block and empty rows", () => {
    const words = parseTsv(tsv([...line(1, 1, 1, 100, 100, "KẾ HOẠCH"), [1, 1, 1, 400, 100, 30, " ", 95]]) + "\n5\t1\t1\t1\t1\t9\t0\t0\t1\t1\t-1\t");
    expect(words.map((w) => w.text)).toEqual(["KẾ", "HOẠCH"]);
  });

  it.each([
    ["no words", [], 0],
    ["confidences 90 and 70", [...line(1, 1, 1, 0, 0, "a", 90), ...line(1, 1, 1, 100, 0, "b", 70)], 0.8],
  ])("mean confidence of %s is %s", (_name, words, expected) => {
    expect(meanConfidence(parseTsv(tsv(words as Word[])))).toBeCloseTo(expected);
  });
});

describe("withoutSpecks", () => {
  it("drops dots of scanner noise read as punctuation and keeps dashes, letters and sure words", () => {
    const words: Word[] = [
      [1, 1, 1, 1022, 358, 2, "_—_", 8, 2],
      ...line(1, 1, 1, 1100, 330, "KẾ HOẠCH"),
      [1, 1, 1, 2247, 330, 2, "|", 55, 2],
      [1, 2, 1, 100, 500, 16, "-", 93, 6],
      [1, 2, 1, 130, 500, 2, "a", 20, 2],
    ];
    expect(withoutSpecks(parseTsv(tsv(words))).map((w) => w.text)).toEqual(["KẾ", "HOẠCH", "-", "a"]);
  });
});

describe("layoutParagraphs", () => {
  it("writes the two header columns side by side with a wide gap, so normalise's column split puts the agency first", () => {
    const words = [
      ...line(1, 1, 1, 1100, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
      ...line(2, 1, 1, 280, 90, "ỦY BAN NHÂN DÂN"), // a little lower than the quốc hiệu, as scanned headers are
      ...line(1, 1, 2, 1200, 130, "Độc lập - Tự do - Hạnh phúc"),
      ...line(2, 1, 2, 240, 150, "HUYỆN PHÚ VANG"),
    ];
    const [header] = layoutParagraphs(parseTsv(tsv(words)));
    const lines = header!.text.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/ỦY BAN NHÂN DÂN {4,}CỘNG HÒA/u);
    expect(splitColumns(lines).map((l) => l.text.trim()).filter((l) => l !== "")).toEqual([
      "ỦY BAN NHÂN DÂN",
      "HUYỆN PHÚ VANG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
    ]);
  });

  it("cuts a tesseract line at a gap of many letters: two columns tesseract read as one line", () => {
    const words = [...line(1, 1, 1, 100, 100, "Số: 45/KH-UBND"), ...line(1, 1, 1, 1200, 100, "Phú Vang, ngày 12 tháng 3")];
    expect(layoutParagraphs(parseTsv(tsv(words)))[0]!.text).toMatch(/45\/KH-UBND {4,}Phú Vang/u);
  });

  it("keeps the lines of a paragraph together and puts paragraphs apart, each with its own confidence", () => {
    const words = [
      ...line(3, 1, 1, 100, 500, "1. Nâng cao nhận thức", 90),
      ...line(3, 1, 2, 100, 560, "công việc được xử lý.", 90),
      ...line(3, 2, 1, 100, 660, "2. Phòng Văn hóa chủ trì.", 50),
    ];
    expect(layoutParagraphs(parseTsv(tsv(words))).map(({ text, confidence }) => ({ text, confidence }))).toEqual([
      { text: "1. Nâng cao nhận thức công việc được xử lý.", confidence: 0.9 },
      { text: "2. Phòng Văn hóa chủ trì.", confidence: 0.5 },
    ]);
  });

  it("keeps one paragraph where tesseract split a sentence that runs on into a lower-case line", () => {
    const words = [
      ...line(3, 1, 1, 100, 500, "đáp ứng yêu cầu phát triển, đáp ứng"),
      ...line(3, 2, 1, 100, 560, "yêu cầu công nghiệp hoá."),
      ...line(3, 3, 1, 100, 660, "Thông qua việc tổng kết"),
    ];
    expect(layoutParagraphs(parseTsv(tsv(words))).map((p) => p.text)).toEqual([
      "đáp ứng yêu cầu phát triển, đáp ứng yêu cầu công nghiệp hoá.",
      "Thông qua việc tổng kết",
    ]);
  });

  /** A full line: 40 letters from the left edge at 100 to the right margin. */
  const FULL = "Ủy ban nhân dân huyện giao các phòng ban";
  it.each([
    ["a full line runs on into the next", FULL, "triển khai thực hiện.", `${FULL} triển khai thực hiện.`],
    ["a line ended short of the margin keeps its break", "Kính gửi các đơn vị.", "Thực hiện Công văn số 12.", "Kính gửi các đơn vị.\nThực hiện Công văn số 12."],
    ["a list item starts its own line", FULL, "- Ban Tuyên giáo Tỉnh ủy,", `${FULL}\n- Ban Tuyên giáo Tỉnh ủy,`],
    ["a numbered item (2.3-) starts its own line", FULL, "2.3- Thực hiện xã hội hóa", `${FULL}\n2.3- Thực hiện xã hội hóa`],
    ["a lettered item starts its own line", FULL, "a) Xây dựng kế hoạch", `${FULL}\na) Xây dựng kế hoạch`],
    ["a Roman heading starts its own line", FULL, "II- NỘI DUNG", `${FULL}\nII- NỘI DUNG`],
    ["an article starts its own line", FULL, "Điều 2. Hiệu lực", `${FULL}\nĐiều 2. Hiệu lực`],
    ["a ký hiệu broken after its hyphen closes up", "Ủy ban giao thực hiện Quyết định số 89/QĐ-", "TTg ngày 09 tháng 01.", "Ủy ban giao thực hiện Quyết định số 89/QĐ-TTg ngày 09 tháng 01."],
  ])("%s", (_name, first, second, expected) => {
    // The page's other paragraph, full lines ending a sentence, sets the right margin.
    const margin = [...line(1, 1, 1, 100, 200, FULL), ...line(1, 1, 2, 100, 260, "Ủy ban nhân dân huyện giao các phòng.")];
    const words = [...margin, ...line(3, 1, 1, 100, 460, first), ...line(3, 1, 2, 100, 520, second)];
    expect(layoutParagraphs(parseTsv(tsv(words))).at(-1)!.text).toBe(expected);
  });

  it("joins the lines of a centred title, which have room on both sides", () => {
    const words = [
      ...line(1, 1, 1, 100, 300, "Ủy ban nhân dân huyện giao các phòng ban ngành."),
      ...line(1, 2, 1, 160, 400, "tổng kết 10 năm thực hiện Chỉ thị số"),
      ...line(1, 2, 2, 400, 460, "xây dựng xã hội"),
    ];
    expect(layoutParagraphs(parseTsv(tsv(words))).map((p) => p.text.trim())).toEqual([
      "Ủy ban nhân dân huyện giao các phòng ban ngành.",
      "tổng kết 10 năm thực hiện Chỉ thị số xây dựng xã hội",
    ]);
  });

  it.each([
    ["an apostrophe read between two capitals", "Thông tri số 09-T'T/TU ngày", "Thông tri số 09-TT/TU ngày"],
    ["a curly quote inside the last part", "Quyết định số 89/QĐ-T’Tg,", "Quyết định số 89/QĐ-TTg,"],
    ["a space after a lone capital of the last part", "(gọi tắt là Thông tri 09-TT/T U)", "(gọi tắt là Thông tri 09-TT/TU)"],
    ["an apostrophe in a word that is no ký hiệu", "Nhà thờ St'A ở phố 5", "Nhà thờ St'A ở phố 5"],
    ["two capitals words after a ký hiệu", "KẾ HOẠCH 11-KH/TU VỀ VIỆC", "KẾ HOẠCH 11-KH/TU VỀ VIỆC"],
    ["the Party centre's TW read as DW", "Chỉ thị số 20 - CT/DW của Bộ Chính trị", "Chỉ thị số 20 - CT/TW của Bộ Chính trị"],
    ["the Party centre's TW read as TL W", "Chỉ thị số 20-CT/TL W, ngày 05/11/2012", "Chỉ thị số 20-CT/TW, ngày 05/11/2012"],
    ["a ký hiệu that ends in TL", "Quyết định số 12/QĐ-TL ngày 3", "Quyết định số 12/QĐ-TL ngày 3"],
    ["a recipient's b/c with c read as €", "- Ban Tuyên giáo (để b/€);", "- Ban Tuyên giáo (để b/c);"],
    ["a recipient's b/c with a tone on b", "- UBND thành phố (bí/c);", "- UBND thành phố (b/c);"],
    ["a speck after a recipient's semicolon", "- Sở GDĐT (b/C);_", "- Sở GDĐT (b/c);"],
    ["an Œ inside an abbreviation", "- Các CSGŒD kiện toàn", "- Các CSGD kiện toàn"],
    ["a heading's II read as H", "H. MỤC TIÊU", "II. MỤC TIÊU"],
    ["a heading's V read as Vv", "Vv. TỔ CHỨC THỰC HIỆN", "V. TỔ CHỨC THỰC HIỆN"],
    ["an initial before a name, no heading", "H. Nguyễn Văn A", "H. Nguyễn Văn A"],
  ])("repairs what OCR broke in small print: %s", (_name, text, expected) => {
    expect(repairLine(text)).toBe(expected);
  });

  it("reads the closing block as the typed PDF has it: the Nơi nhận list, then the signer, without the stamp's scribbles", () => {
    const words = [
      ...line(1, 1, 1, 100, 200, "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện."),
      ...line(2, 1, 1, 100, 300, "Nơi nhận:"),
      ...line(3, 1, 1, 1000, 300, "T/M BAN THƯỜNG VỤ"),
      ...line(2, 1, 2, 100, 360, "- Ban Bí thư,"),
      ...line(3, 1, 2, 1060, 360, "PHÓ BÍ THƯ"),
      ...line(4, 1, 1, 1100, 420, "~1.”"),
      ...line(5, 1, 1, 100, 480, "- Ban Tuyên giáo Tỉnh ủy, Ban"),
      ...line(5, 1, 2, 100, 540, "cán sự đảng,"),
      ...line(6, 1, 1, 100, 600, "- Lưu Văn phòng."),
      ...line(7, 1, 1, 1060, 660, "Hồ Văn Niên"),
    ];
    expect(layoutParagraphs(parseTsv(tsv(words))).map((p) => p.text)).toEqual([
      "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện.",
      "Nơi nhận:\n- Ban Bí thư,\n- Ban Tuyên giáo Tỉnh ủy, Ban cán sự đảng,\n- Lưu Văn phòng.",
      "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nHồ Văn Niên",
    ]);
  });

  /** Body lines 80 px apart in block 1, then a footnote area 56 px apart in block 2. */
  const pageWithNotes = (noteLines: readonly (readonly Word[])[]): Word[] => [
    ...line(1, 1, 1, 100, 200, "- Tiếp tục tuyên truyền các văn bản của Trung"),
    ...line(1, 1, 2, 100, 280, "ương và của thành phố về công tác bảo vệ trẻ em."),
    ...line(1, 1, 3, 100, 360, "- Nội dung, hình thức tuyên truyền phong phú"),
    ...noteLines.flat(),
    ...line(3, 1, 1, 700, 900, "3"),
  ];
  it.each([
    ["an apostrophe", "'", "¹", true],
    ["the digit 2", "2", "²", false],
  ])("reads a closer-set block at the page's foot as a footnote, its raised mark (%s) as a superscript", (_name, mark, sup, guessed) => {
    const words = pageWithNotes([
      [[2, 1, 1, 100, 600, 10, mark, 90, 20] as Word, ...line(2, 1, 1, 130, 605, "Văn bản của Trung ương: Nghị định")],
      line(2, 1, 2, 100, 661, "56/2017/NĐ-CP ngày 09/5/2017."),
    ]);
    const paragraphs = layoutParagraphs(parseTsv(tsv(words)), { bodyPitch: 80 });
    expect(paragraphs.map((p) => p.text)).toEqual([
      "- Tiếp tục tuyên truyền các văn bản của Trung ương và của thành phố về công tác bảo vệ trẻ em.\n- Nội dung, hình thức tuyên truyền phong phú",
      `${sup} Văn bản của Trung ương: Nghị định 56/2017/NĐ-CP ngày 09/5/2017.`,
    ]);
    expect(paragraphs.at(-1)!.layout).toMatchObject({ kind: "footnote", ...(guessed ? { guessedMark: true } : {}) });
    // The body's last line is unfinished: the next page may carry it on.
    expect(paragraphs[0]!.layout).toMatchObject({ kind: "body", flushStart: false });
    expect(paragraphs[0]!.layout!.endSlack).not.toBeNull();
  });

  it("reads the rest of a footnote carried onto the next page as a footnote without a mark", () => {
    const words = pageWithNotes([line(2, 1, 1, 100, 600, "hoạch số 76/KH-UBND ngày 17/3/2021 Kế hoạch"), line(2, 1, 2, 100, 656, "thực hiện công tác phòng, chống.")]);
    expect(layoutParagraphs(parseTsv(tsv(words)), { bodyPitch: 80 }).at(-1)).toMatchObject({
      text: "hoạch số 76/KH-UBND ngày 17/3/2021 Kế hoạch thực hiện công tác phòng, chống.",
      layout: { kind: "footnote" },
    });
  });

  it("keeps a block set as close as the body in the body, and finds no footnotes without the document's pitch", () => {
    const words = pageWithNotes([line(2, 1, 1, 100, 600, "Đẩy mạnh công tác giáo dục lối sống"), line(2, 1, 2, 100, 680, "văn hóa, rèn luyện đạo đức.")]);
    for (const options of [{ bodyPitch: 80 }, {}]) {
      expect(layoutParagraphs(parseTsv(tsv(words)), options).map((p) => p.layout!.kind)).not.toContain("footnote");
    }
  });

  it("gives no paragraphs for a page without words", () => {
    expect(layoutParagraphs([])).toEqual([]);
  });
});

/** A line of `count` words falling `slope` px per px to the right; word 2 hangs lower (a descender). */
function tiltedLine(lineNo: number, top: number, slope: number, count = 6): Word[] {
  return Array.from({ length: count }, (_, i) => {
    const left = 100 + i * 200;
    const drop = Math.round(slope * (left + 75 - 175)) + (i === 2 ? 15 : 0);
    return [1, 1, lineNo, left, top + drop, 150, `từ${i}`] as Word;
  });
}

describe("skewOf", () => {
  it.each([
    ["level lines", 0, 0],
    ["lines falling 1° to the right", Math.tan((1 * Math.PI) / 180), 1],
    ["lines rising 2.7° (a phone photo)", -Math.tan((2.7 * Math.PI) / 180), -2.7],
  ])("reads %s as %s°, a descender notwithstanding", (_name, slope, degrees) => {
    const words = [...tiltedLine(1, 500, slope), ...tiltedLine(2, 600, slope), ...tiltedLine(3, 700, slope)];
    expect((skewOf(parseTsv(tsv(words))) * 180) / Math.PI).toBeCloseTo(degrees, 0);
  });

  it("is 0 when no line has three words to measure", () => {
    expect(skewOf(parseTsv(tsv(line(1, 1, 1, 0, 0, "Số: 45"))))).toBe(0);
  });
});

/** A classic little-endian TIFF of `pages` directories of one entry each (no pixels: structure only). */
function tiff(pages: number, { loop = false } = {}): Uint8Array {
  const bytes = new Uint8Array(8 + pages * 18);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0x4949);
  view.setUint16(2, 42, true);
  view.setUint32(4, 8, true);
  for (let i = 0; i < pages; i++) {
    const at = 8 + i * 18;
    view.setUint16(at, 1, true);
    view.setUint16(at + 2, 256, true); // ImageWidth
    view.setUint16(at + 4, 4, true); // LONG
    view.setUint32(at + 6, 1, true);
    view.setUint32(at + 10, 100 + i, true);
    const last = i === pages - 1;
    view.setUint32(at + 14, last ? (loop ? 8 : 0) : at + 18, true);
  }
  return bytes;
}

describe("splitTiff", () => {
  it("gives each page of a multi-page TIFF as a TIFF whose header points at that page and whose chain ends there", () => {
    const pages = splitTiff(tiff(3));
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      const view = new DataView(page.buffer);
      const directory = view.getUint32(4, true);
      expect(view.getUint32(directory + 10, true)).toBe(100 + i);
      expect(view.getUint32(directory + 14, true)).toBe(0);
      expect(tiffPageCount(page)).toBe(1);
    });
  });

  it("copies each page of a real two-page G4 TIFF with only its own strips: the pages together are about the file's size", () => {
    const file = readFileSync(join(import.meta.dirname, "../../fixtures/ocr/two-pages.tif"));
    const pages = splitTiff(file);
    expect(pages.map(tiffPageCount)).toEqual([1, 1]);
    expect(pages.reduce((n, p) => n + p.length, 0)).toBeLessThan(file.length * 1.2);
  });

  it("hands back a one-page TIFF untouched", () => {
    const one = tiff(1);
    expect(splitTiff(one)[0]).toBe(one);
  });

  it.each([
    ["a directory chain that loops", tiff(2, { loop: true })],
    ["a directory past the end of the file", tiff(2).subarray(0, 20)],
    ["a header cut short", tiff(1).subarray(0, 6)],
  ])("refuses %s", (_name, bytes) => {
    expect(() => splitTiff(bytes)).toThrow(TiffStructureError);
  });
});
