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
  ])("corrects %j", (line, right) => {
    expect(OCR_SLIP_GATE.test(line)).toBe(true);
    expect(corrected(line)).toBe(right);
  });

  it.each([
    ["a real word the wrong form shares", "tống đạt quyết định cho đương sự"],
    ["đối with another word", "đối với mới tuyển dụng"],
    ["the wrong form inside a longer word", "khuyến khích tố chứcnăng"],
    ["the right forms", "tổ chức tổng kết, đổi mới, chuyển đổi số"],
  ])("leaves alone %s", (_name, line) => {
    expect(corrected(line)).toBe(line);
  });
});
