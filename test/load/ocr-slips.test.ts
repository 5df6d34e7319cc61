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

describe("OCR slips of a date's month, a number's issuer code, a Nơi nhận action and a heading's roman number", () => {
  it.each([
    ["Cẩm Phả, ngày 11 thúng 5 năm 2021", "Cẩm Phả, ngày 11 tháng 5 năm 2021"],
    ["Ngày 02 thảng 8 năm 2024", "Ngày 02 tháng 8 năm 2024"],
    ["NGÀY 5 THẮNG 6 NĂM 2020", "NGÀY 5 THÁNG 6 NĂM 2020"],
    ["Chỉ thị số 20 - CT/TVW, ngày 05/11/2012", "Chỉ thị số 20 - CT/TW, ngày 05/11/2012"],
    ["Công văn số 1849-CV/BTGTV, ngày 09 tháng 01 năm 2017", "Công văn số 1849-CV/BTGTW, ngày 09 tháng 01 năm 2017"],
    ["thực hiện Nghị quyết số 29-NQ/TV, hoàn thành", "thực hiện Nghị quyết số 29-NQ/TW, hoàn thành"],
    ["Công văn số 126/5GDĐT-CTTT ngày 16/01/2018", "Công văn số 126/SGDĐT-CTTT ngày 16/01/2018"],
    ["Công văn số 3134/5SGDĐT-CTTT", "Công văn số 3134/SGDĐT-CTTT"],
    ["- Sở GDĐT (b/o);", "- Sở GDĐT (b/c);"],
    ["II NỘI DUNG, HÌNH THỨC, THỜI GIAN, ĐỊA ĐIỂM", "II. NỘI DUNG, HÌNH THỨC, THỜI GIAN, ĐỊA ĐIỂM"],
    ["IV TỔ CHỨC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN"],
    ["X KHEN THƯỞNG", "X. KHEN THƯỞNG"],
  ])("corrects %j", (line, right) => {
    expect(OCR_SLIP_GATE.test(line)).toBe(true);
    expect(corrected(line)).toBe(right);
  });

  it.each([
    ["thúng, a basket, outside a date", "mỗi hộ được hỗ trợ 2 thúng 5 kg giống"],
    ["thắng, a word of its own, after a day that is not a date's", "đội thắng 3 trận, hòa 2"],
    ["a number with a year after its slash", "Quyết định số 12/2017/QĐ-TTg ngày 5/5/2017"],
    ["a date after a slash", "ngày 01/5/2021 của Sở"],
    ["a Party number's real codes", "Chỉ thị số 05-CT/TW, Nghị quyết số 20-NQ/TU, Công văn số 15-CV/BTGTW"],
    ["TV, a word of its own", "phát trên TV và báo in"],
    ["a roman number with its dot", "II. NỘI DUNG"],
    ["a roman number before running text", "II Nội dung như sau"],
    ["XI, a syllable, in a company's capitals name", "XI MĂNG VIỆT NAM"],
    ["VI, a syllable, opening a capitals title line", "VI PHẠM HÀNH CHÍNH TRONG LĨNH VỰC GIÁO DỤC"],
  ])("leaves alone %s", (_name, line) => {
    expect(corrected(line)).toBe(line);
  });
});
