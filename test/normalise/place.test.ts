import { describe, expect, it } from "vitest";
import { placeFromMentions, slipOfName } from "../../src/normalise/place.js";

const document = (...lines: string[]): string[] => lines;

describe("placeFromMentions", () => {
  it.each([
    [
      "puts right a vowel OCR misread in the place, from the unit the body names",
      document("Số: 354/KH-PGDĐT", "Cẩm Phỏ, ngày 11 tháng 5 năm 2021", "KẾ HOẠCH", "trên địa bàn thành phố Cẩm Phả, Phòng Giáo dục"),
      { line: 1, wrong: "Cẩm Phỏ", right: "Cẩm Phả" },
    ],
    [
      "puts right a tone from a capitals header line, in the place's own case",
      document("UBND HUYỆN ĐÔNG ANH", "Đông Ành, ngày 2 tháng 3 năm 2024", "Về việc"),
      { line: 1, wrong: "Đông Ành", right: "Đông Anh" },
    ],
    [
      "reads a one-word place against a province",
      document("UBND TỈNH THỪA THIÊN HUẾ", "Hué, ngày 02 tháng 8 năm 2024", "THÀNH PHỐ HUẾ"),
      { line: 1, wrong: "Hué", right: "Huế" },
    ],
  ])("%s", (_name, lines, expected) => {
    expect(placeFromMentions(lines)).toEqual(expected);
  });

  it.each([
    ["a place the document also writes as read", document("Cẩm Phả, ngày 11 tháng 5 năm 2021", "thành phố Cẩm Phả")],
    ["a place the document writes with the tone placed the other way", document("Thanh Hoá, ngày 1 tháng 1 năm 2024", "UBND TỈNH THANH HÓA")],
    ["a place the document names nowhere else", document("Hà Nội, ngày 1 tháng 1 năm 2024", "Các sở, ngành")],
    [
      "a place two different unit names are near to",
      document("Phú Yên, ngày 1 tháng 1 năm 2024", "huyện Phù Yên", "tỉnh Phụ Yên"),
    ],
    ["a unit whose consonants differ", document("Bảo Lâm, ngày 1 tháng 1 năm 2024", "huyện Bảo Lộc")],
    ["a unit that differs in two syllables", document("Tân Phú, ngày 1 tháng 1 năm 2024", "xã Tấn Phủ")],
    ["a date line below the header", document(...Array.from({ length: 20 }, () => "Nội dung"), "Cẩm Phỏ, ngày 1 tháng 1 năm 2024", "thành phố Cẩm Phả")],
    ["no date line", document("KẾ HOẠCH", "thành phố Cẩm Phả")],
    ["lower-case words after a unit's kind, which name no unit", document("Đông Hà, ngày 1 tháng 1 năm 2024", "phát triển kinh tế xã hội của tỉnh đông hồ")],
  ])("leaves alone %s", (_name, lines) => {
    expect(placeFromMentions(lines)).toBeNull();
  });
});

describe("slipOfName", () => {
  it.each([
    ["cẩm phỏ", "cẩm phả", true],
    ["hué", "huế", true],
    ["cẩm phả", "cẩm phả", false],
    ["cẩm phá", "cẩm phả hai", false],
    ["bảo lâm", "bảo lộc", false],
    ["thanh hoá", "thanh hóa", false],
    ["thanh hoà", "thanh hóa", true],
  ])("takes %j for a slip of %j: %s", (read, name, expected) => {
    expect(slipOfName(read, name)).toBe(expected);
  });
});
