import { describe, expect, it } from "vitest";
import { fromText } from "../../src/load/text.js";
import { normalise, type Line } from "../../src/normalise/normalise.js";
import { isDateLine, isNumberLine, segment, type Segments } from "../../src/segment/segment.js";

const segOf = (text: string): Segments =>
  segment(normalise(fromText(text, { fileName: null, mediaType: "text/plain", sha256: "0".repeat(64), bytes: text.length, encoding: "utf-8" })));
const doc = (...lines: string[]): string => lines.join("\n");
const texts = (lines: readonly Line[]): string[] => lines.map((l) => l.text);

const PLAN = doc(
  "UBND HUYỆN BẢO THẮNG",
  "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
  "Số: 120/KH-PGDĐT",
  "Bảo Thắng, ngày 10 tháng 3 năm 2023",
  "",
  "KẾ HOẠCH",
  "Phòng, chống đuối nước cho học sinh",
  "năm 2023",
  "",
  "- Căn cứ Kế hoạch số 56/KH-UBND ngày 01/3/2023 của UBND huyện;",
  "- Căn cứ Chỉ thị số 31/CT-TTg ngày 01/12/2022 của Thủ tướng Chính phủ;",
  "I. MỤC ĐÍCH",
  "- Nâng cao nhận thức của học sinh.",
  "II. TỔ CHỨC THỰC HIỆN",
  "1. Các trường học báo cáo kết quả trước ngày 30/6/2023.",
  "Trên đây là Kế hoạch phòng, chống đuối nước năm 2023, đề nghị các trường triển khai thực hiện./.",
  "Nơi nhận:",
  "- UBND huyện (b/c);",
  "- Lưu: VT.",
  "KT. TRƯỞNG PHÒNG",
  "PHÓ TRƯỞNG PHÒNG",
  "(đã ký)",
  "Nguyễn Thị Hoa",
);

describe("segment: a whole plan", () => {
  const seg = segOf(PLAN);

  it.each([
    { part: "header", lines: () => seg.header, expected: ["UBND HUYỆN BẢO THẮNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Số: 120/KH-PGDĐT", "Bảo Thắng, ngày 10 tháng 3 năm 2023"] },
    { part: "title", lines: () => seg.title, expected: ["Phòng, chống đuối nước cho học sinh năm 2023"] },
    { part: "closing", lines: () => seg.closing, expected: ["Trên đây là Kế hoạch phòng, chống đuối nước năm 2023, đề nghị các trường triển khai thực hiện./."] },
    { part: "noiNhan", lines: () => seg.noiNhan, expected: ["Nơi nhận:", "- UBND huyện (b/c);", "- Lưu: VT."] },
    { part: "signature", lines: () => seg.signature, expected: ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "(đã ký)", "Nguyễn Thị Hoa"] },
    { part: "kinhGui", lines: () => seg.kinhGui, expected: [] },
    { part: "footnotes", lines: () => seg.footnotes, expected: [] },
  ])("$part", ({ lines, expected }) => {
    expect(texts(lines())).toEqual(expected);
  });

  it("finds the type line", () => {
    expect(seg.typeLine?.entry.code).toBe("KE_HOACH");
    expect(seg.typeLine?.line.text).toBe("KẾ HOẠCH");
    expect(seg.typeLine?.rest).toBe("");
  });

  it("starts the body at the Căn cứ lines and ends it before the closing", () => {
    const body = texts(seg.body);
    expect(body[0]).toBe("- Căn cứ Kế hoạch số 56/KH-UBND ngày 01/3/2023 của UBND huyện;");
    expect(body.at(-1)).toBe("1. Các trường học báo cáo kết quả trước ngày 30/6/2023.");
    expect(seg.outline.map((i) => i.line.text)).toEqual(body);
  });
});

describe("segment: genres and fragments", () => {
  it("a Quyết định: the authority line is neither title nor body", () => {
    const seg = segOf(
      doc(
        "QUYẾT ĐỊNH",
        "Về việc ban hành Kế hoạch phòng, chống đuối nước",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
        "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống đuối nước.",
      ),
    );
    expect(seg.typeLine?.entry.code).toBe("QUYET_DINH");
    expect(texts(seg.title)).toEqual(["Về việc ban hành Kế hoạch phòng, chống đuối nước"]);
    expect(texts(seg.body)[0]).toBe("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;");
    expect(texts(seg.body)).not.toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH");
  });

  it("a type line that carries its title: BÁO CÁO TỔNG KẾT ...", () => {
    const seg = segOf(doc("BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM HỌC 2023-2024", "", "I. KẾT QUẢ", "- Đạt chuẩn."));
    expect(seg.typeLine?.entry.code).toBe("BAO_CAO");
    expect(seg.typeLine?.rest).toBe("TỔNG KẾT CÔNG TÁC NĂM HỌC 2023-2024");
  });

  it.each([
    {
      name: "V/v after Số, date below",
      lines: ["SỞ Y TẾ", "Số: 15/SYT-NVY", "V/v phòng, chống dịch sốt xuất huyết", "Hà Nội, ngày 01 tháng 7 năm 2024", "Kính gửi: Các bệnh viện trực thuộc", "Thực hiện Công văn số 12/BYT-DP, Sở Y tế hướng dẫn các đơn vị như sau:"],
    },
    {
      name: "date above V/v",
      lines: ["SỞ Y TẾ", "Số: 15/SYT-NVY", "Hà Nội, ngày 01 tháng 7 năm 2024", "V/v phòng, chống dịch sốt xuất huyết", "Kính gửi: Các bệnh viện trực thuộc", "Thực hiện Công văn số 12/BYT-DP, Sở Y tế hướng dẫn các đơn vị như sau:"],
    },
  ])("a Công văn ($name): V/v and date in the header, Kính gửi found", ({ lines }) => {
    const seg = segOf(doc(...lines));
    expect(seg.typeLine).toBeNull();
    expect(texts(seg.header)).toEqual(lines.slice(0, 4));
    expect(texts(seg.kinhGui)).toEqual(["Kính gửi: Các bệnh viện trực thuộc"]);
    expect(texts(seg.body)).toEqual(["Thực hiện Công văn số 12/BYT-DP, Sở Y tế hướng dẫn các đơn vị như sau:"]);
  });

  it("a Kính gửi list of addressees", () => {
    const seg = segOf(
      doc("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 126/SGDĐT-CTTT", "Kính gửi:", "- Các Phòng Giáo dục và Đào tạo;", "- Các trường THPT trực thuộc.", "Sở đề nghị các đơn vị thực hiện."),
    );
    expect(texts(seg.kinhGui)).toEqual(["Kính gửi:", "- Các Phòng Giáo dục và Đào tạo;", "- Các trường THPT trực thuộc."]);
  });

  it("a fragment without header, type line, Nơi nhận or signature is all body", () => {
    const lines = [
      "Kế hoạch nhằm đánh giá toàn diện công tác lãnh đạo, chỉ đạo thực hiện Nghị quyết số 29-NQ/TW.",
      "Việc tổng kết phải được tiến hành nghiêm túc, chất lượng.",
      "Hình thức: Tiến hành tổng kết từ tỉnh tới cơ sở.",
    ];
    const seg = segOf(doc(...lines));
    expect(seg.header).toEqual([]);
    expect(seg.typeLine).toBeNull();
    expect(seg.title).toEqual([]);
    expect(seg.noiNhan).toEqual([]);
    expect(seg.signature).toEqual([]);
    expect(texts(seg.body)).toEqual(lines);
  });

  // BUG (same as isNumberLine below): a fragment's first sentence about numbers is taken for a
  // header Số line, so it leaves the body.
  it("a fragment opening with a sentence about numbers keeps it in the body", () => {
    const lines = ["Số trường đạt chuẩn quốc gia là 25 trường, đạt 83%.", "Các trường tiếp tục duy trì kết quả."];
    const seg = segOf(doc(...lines));
    expect(seg.header).toEqual([]);
    expect(texts(seg.body)).toEqual(lines);
  });

  it("a lost header: the type line opens the document", () => {
    const seg = segOf(doc("KẾ HOẠCH", "Tổng kết 10 năm thực hiện Chỉ thị số 20-CT/TW", "", "Thực hiện Công văn số 2123-CV/BTGTW, Bộ Giáo dục và Đào tạo xây dựng kế hoạch như sau:", "I. MỤC ĐÍCH"));
    expect(seg.header).toEqual([]);
    expect(texts(seg.title)).toEqual(["Tổng kết 10 năm thực hiện Chỉ thị số 20-CT/TW"]);
    expect(texts(seg.body)[0]).toMatch(/^Thực hiện Công văn/u);
  });

  it.each([
    { why: "a speck OCR read as '|' between the type line and the trích yếu is skipped", lines: ["KẾ HOẠCH", "", "|", "", "Tổng kết 10 năm thực hiện Chỉ thị số 20-CT/TW", "", "I. MỤC ĐÍCH"] },
    { why: "a rule drawn under the trích yếu ends it", lines: ["KẾ HOẠCH", "Tổng kết 10 năm thực hiện Chỉ thị số 20-CT/TW", "-----------", "I. MỤC ĐÍCH"] },
  ])("$why", ({ lines }) => {
    expect(texts(segOf(doc(...lines)).title)).toEqual(["Tổng kết 10 năm thực hiện Chỉ thị số 20-CT/TW"]);
  });

  it("a signature of three prefix and position lines, before Nơi nhận", () => {
    const seg = segOf(
      doc("QUYẾT ĐỊNH", "Ban hành Kế hoạch", "Điều 1. Ban hành Kế hoạch.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Sơn", "Nơi nhận:", "- Như Điều 1;", "- Lưu: VT."),
    );
    expect(texts(seg.signature)).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Sơn"]);
    expect(texts(seg.noiNhan)).toEqual(["Nơi nhận:", "- Như Điều 1;", "- Lưu: VT."]);
    expect(texts(seg.body)).toEqual(["Điều 1. Ban hành Kế hoạch."]);
  });

  it("footnotes are kept apart from the body", () => {
    const seg = segOf(doc("KẾ HOẠCH", "Bảo vệ trẻ em", "", "I. NHIỆM VỤ", "- Tuyên truyền các văn bản ¹.", "", "¹ Nghị định 56/2017/NĐ-CP ngày 09/5/2017 của Chính phủ."));
    expect(texts(seg.footnotes)).toEqual(["¹ Nghị định 56/2017/NĐ-CP ngày 09/5/2017 của Chính phủ."]);
    expect(texts(seg.body)).toEqual(["I. NHIỆM VỤ", "- Tuyên truyền các văn bản."]);
  });
});

describe("isNumberLine", () => {
  it.each([
    { line: "Số: 45/KH-UBND", number: true },
    { line: "Số 30-KH/TU", number: true },
    { line: "Số: …/KH-MTTQ-BTT", number: true },
    { line: "Số:      /KH-UBND", number: true },
    { line: "Số lượng học sinh tăng", number: false },
  ])("$line -> $number", ({ line, number }) => {
    expect(isNumberLine(line)).toBe(number);
  });

  // BUG: any line opening with "Số" and holding a digit counts as a Số line, so a sentence about
  // numbers ("Số liệu ...", "Số trường ...") is read as the header's number line.
  it.each([
    { line: "Số liệu tính đến ngày 31/12/2023" },
    { line: "Số trường đạt chuẩn quốc gia là 25 trường, đạt 83%." },
  ])("$line -> false", ({ line }) => {
    expect(isNumberLine(line)).toBe(false);
  });
});

describe("isDateLine", () => {
  it.each([
    { line: "Cẩm Phả, ngày 11 tháng 5 năm 2021", date: true },
    { line: "Thành phố Hồ Chí Minh, ngày 5 tháng 3 năm 2024", date: true },
    { line: "Quảng Ninh, ngày … tháng 11 năm 2025", date: true },
    { line: "ngày 10 tháng 3 năm 2023", date: true },
    { line: "Ngày 11/5/2021, Sở Y tế tổ chức hội nghị.", date: false },
    { line: "Trong ngày 11 tháng 5 năm 2021 các trường tổ chức", date: false },
  ])("$line -> $date", ({ line, date }) => {
    expect(isDateLine(line)).toBe(date);
  });
});
