import { describe, expect, it } from "vitest";
import { OCR_SLIP_GATE, OCR_SLIPS } from "../../src/vocabulary/ocr-slips.js";

/** What normalise does with the list: every slip that matches, replaced. */
const corrected = (line: string): string => OCR_SLIPS.reduce((out, s) => out.replace(s.pattern, s.replacement), line);

describe("OCR slips of a hỏi read as a sắc, and a type line run together", () => {
  it.each([
    ["Báo cáo tống kết 10 năm thực hiện", "Báo cáo tổng kết 10 năm thực hiện"],
    ["Tống hợp kết quả, tống số 45 đơn vị", "Tổng hợp kết quả, tổng số 45 đơn vị"],
    ["IV. TỐ CHỨC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN"],
    ["Triến khai công tác chuyến đối số", "Triển khai công tác chuyển đổi số"],
    ["đấy mạnh đối mới căn bản theo quan điếm", "đẩy mạnh đổi mới căn bản theo quan điểm"],
    ["biểu dương tập thể tiêu biếu; đại biếu dự", "biểu dương tập thể tiêu biểu; đại biểu dự"],
    ["KẾHOẠCH", "KẾ HOẠCH"],
    ["về táng cường sự lãnh đạo", "về tăng cường sự lãnh đạo"],
    ["rà soát, bố sung; phố biến, phố cập giáo dục", "rà soát, bổ sung; phổ biến, phổ cập giáo dục"],
    ["chương trình giáo dục phố thông 2018", "chương trình giáo dục phổ thông 2018"],
    ["thúc đấy quyền, giảm thiếu sự bất bình đăng", "thúc đẩy quyền, giảm thiểu sự bất bình đẳng"],
    ["quyền, bốn phận trẻ em; tố dân phố", "quyền, bổn phận trẻ em; tổ dân phố"],
    ["2. Mục tiêu cụ thế", "2. Mục tiêu cụ thể"],
    ["trước ngày 14 tháng 4 nắm 2017.", "trước ngày 14 tháng 4 năm 2017."],
    ["kế hoạch nắm 2021", "kế hoạch năm 2021"],
    ["NGÀY 5 THÁNG 6 NẮM 2020", "NGÀY 5 THÁNG 6 NĂM 2020"],
  ])("corrects %j", (line, right) => {
    expect(OCR_SLIP_GATE.test(line)).toBe(true);
    expect(corrected(line)).toBe(right);
  });

  it.each([
    ["a real word the wrong form shares", "tống đạt quyết định cho đương sự"],
    ["đối with another word", "đối với mới tuyển dụng"],
    ["the wrong form inside a longer word", "khuyến khích tố chứcnăng"],
    ["the right forms", "tổ chức tổng kết, đổi mới, chuyển đổi số"],
    ["nắm, the verb, before a word", "nắm chắc tình hình, nắm bắt 20 vấn đề"],
    ["nắm before a number that is no year", "nắm 150 hồ sơ"],
    ["táng, a word of its own", "lễ an táng cụ bà"],
  ])("leaves alone %s", (_name, line) => {
    expect(corrected(line)).toBe(line);
  });
});
