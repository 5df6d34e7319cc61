import { describe, expect, it } from "vitest";
import { parseLabel, parseLabelTryingAll } from "../../src/text/labels.js";
import { randomTexts } from "../support/random-text.js";

describe("parseLabel", () => {
  it.each([
    { name: "roman with a dot", line: "I. MỤC ĐÍCH, YÊU CẦU", kind: "roman", raw: "I.", rest: "MỤC ĐÍCH, YÊU CẦU" },
    { name: "roman with a dash (Party style)", line: "II- Nội dung tổng kết", kind: "roman", raw: "II-", rest: "Nội dung tổng kết" },
    { name: "roman IV", line: "IV. KINH PHÍ THỰC HIỆN", kind: "roman", raw: "IV.", rest: "KINH PHÍ THỰC HIỆN" },
    { name: "roman without a space", line: "III.NHIỆM VỤ, GIẢI PHÁP", kind: "roman", raw: "III.", rest: "NHIỆM VỤ, GIẢI PHÁP" },
    { name: "arabic with a dot", line: "1. Mục đích", kind: "arabic", raw: "1.", rest: "Mục đích" },
    { name: "arabic with a dash", line: "1- Kiểm điểm, đánh giá kết quả", kind: "arabic", raw: "1-", rest: "Kiểm điểm, đánh giá kết quả" },
    { name: "arabic with a slash", line: "2/ Nội dung", kind: "arabic", raw: "2/", rest: "Nội dung" },
    { name: "arabic without a space", line: "1.Mục đích", kind: "arabic", raw: "1.", rest: "Mục đích" },
    { name: "decimal", line: "1.1. Bộ phận CTTT", kind: "decimal", raw: "1.1.", rest: "Bộ phận CTTT" },
    { name: "decimal without a final dot", line: "3.1 Giai đoạn 1: Triển khai", kind: "decimal", raw: "3.1", rest: "Giai đoạn 1: Triển khai" },
    { name: "decimal with a dash", line: "2.1- Nội dung", kind: "decimal", raw: "2.1-", rest: "Nội dung" },
    { name: "number in parentheses", line: "(1). Phấn đấu 100% cơ sở giáo dục", kind: "paren-number", raw: "(1).", rest: "Phấn đấu 100% cơ sở giáo dục" },
    { name: "letter with a parenthesis", line: "a) Đối với cấp tỉnh", kind: "letter", raw: "a)", rest: "Đối với cấp tỉnh" },
    { name: "letter with a slash", line: "b/ Các trường học", kind: "letter", raw: "b/", rest: "Các trường học" },
    { name: "letter with a dot", line: "c. Hình thức", kind: "letter", raw: "c.", rest: "Hình thức" },
    { name: "capital letter", line: "A. NỘI DUNG", kind: "upper-letter", raw: "A.", rest: "NỘI DUNG" },
    { name: "dash", line: "- Tạo lập môi trường sống an toàn", kind: "dash", raw: "-", rest: "Tạo lập môi trường sống an toàn" },
    { name: "en dash", line: "– Căn cứ Luật Giáo dục", kind: "dash", raw: "–", rest: "Căn cứ Luật Giáo dục" },
    { name: "bullet", line: "• Tuyên truyền", kind: "dash", raw: "•", rest: "Tuyên truyền" },
    { name: "plus", line: "+ Lồng ghép vào giờ chào cờ", kind: "plus", raw: "+", rest: "Lồng ghép vào giờ chào cờ" },
    { name: "article", line: "Điều 1. Ban hành kèm theo Quyết định này", kind: "article", raw: "Điều 1.", rest: "Ban hành kèm theo Quyết định này" },
    { name: "article in capitals", line: "ĐIỀU 2. Tổ chức thực hiện", kind: "article", raw: "ĐIỀU 2.", rest: "Tổ chức thực hiện" },
    { name: "part", line: "Phần I. Tổng quan", kind: "part", raw: "Phần I.", rest: "Tổng quan" },
    { name: "chapter", line: "Chương II", kind: "part", raw: "Chương II", rest: "" },
  ])("$name: $line", ({ line, kind, raw, rest }) => {
    const label = parseLabel(line);
    expect(label).not.toBeNull();
    expect(label!.kind).toBe(kind);
    expect(label!.raw).toBe(raw);
    expect(line.slice(label!.length)).toBe(rest);
  });

  it.each([
    { name: "a sentence", line: "Căn cứ Luật Tổ chức chính quyền địa phương" },
    { name: "a year opening a sentence", line: "2021 là năm bản lề" },
    { name: "a count opening a sentence", line: "10 năm thực hiện Chỉ thị" },
    { name: "a disease name", line: "Covid-19 kéo dài" },
    { name: "a day and month", line: "30/4 năm nay" },
    { name: "a place name", line: "Việt Nam" },
    { name: "not a roman numeral", line: "IIII. Nội dung" },
    { name: "the 'V/v' of a Công văn", line: "V/v tăng cường công tác phòng, chống đuối nước" },
    { name: "the 'V/V' of a Công văn", line: "V/V triển khai kiểm tra" },
  ])("$name is not a label: $line", ({ line }) => {
    expect(parseLabel(line)).toBeNull();
  });
});

describe("parseLabel by first character", () => {
  it("gives what trying every pattern gives", () => {
    const labels = ["1. ", "1) ", "1.2. ", "1.2.3- ", "12/ ", "(3) ", "a) ", "đ. ", "b/ ", "A. ", "Đ) ", "IV. ", "X- ", "L ", "Điều 3. ", "ĐIỀU 12: ", "Phần II ", "CHƯƠNG 3. ", "Mục I. ", "- ", "– ", "• ", "+ ", "Chỉ ", ""];
    for (const prefix of labels) {
      for (const rest of randomTexts(40, 30, prefix.length + 11)) {
        const line = `${prefix}${rest}`;
        expect(parseLabel(line)).toEqual(parseLabelTryingAll(line));
      }
    }
  });
});
