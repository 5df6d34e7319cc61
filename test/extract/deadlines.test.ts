import { describe, expect, it } from "vitest";
import { extract } from "../../src/index.js";

const doc = (...lines: string[]): string => lines.join("\n");
const HEADER = ["UBND HUYỆN BẢO THẮNG", "Số: 120/KH-UBND", "Bảo Thắng, ngày 10 tháng 3 năm 2022", "", "KẾ HOẠCH", "Phòng, chống đuối nước cho học sinh", ""];
const deadlinesOf = (...body: string[]) => extract(doc(...HEADER, ...body)).deadlines.map((d) => ({ start: d.start, end: d.end }));

describe("deadlines", () => {
  it.each([
    { name: "từ D1 đến D2", line: "3.1 Giai đoạn 1: Triển khai từ 26/5/2022 đến 16/6/2022.", start: "2022-05-26", end: "2022-06-16" },
    { name: "từ ngày D1 đến ngày D2", line: "1. Tổ chức kiểm tra từ ngày 30/9/2022 đến ngày 05/10/2022.", start: "2022-09-30", end: "2022-10-05" },
    { name: "a span of months: tháng 9 - 10/2022", line: "- Thời gian: Dự kiến tháng 9 - 10/2022.", start: "2022-09", end: "2022-10" },
    { name: "trước ngày D (verbal)", line: "2. Các đơn vị báo cáo kết quả về Sở trước ngày 31 tháng 3 năm 2017.", start: null, end: "2017-03-31" },
    { name: "trước ngày D (numeric)", line: "2. Báo cáo kết quả trước ngày 30/11/2022.", start: null, end: "2022-11-30" },
    { name: "chậm nhất ngày D", line: "2. Gửi danh sách chậm nhất ngày 15/12/2022.", start: null, end: "2022-12-15" },
    { name: "hoàn thành trong tháng M/Y", line: "1. Cấp huyện tổ chức tổng kết, hoàn thành trong tháng 4/2023.", start: "2023-04", end: "2023-04" },
    { name: "trong quý I/2025", line: "1. Rà soát, sửa đổi quy chế, hoàn thành trong quý I/2025.", start: "2025-01", end: "2025-03" },
    { name: "từ tháng M1/Y đến tháng M2/Y", line: "1. Tổ chức dạy bơi từ tháng 6/2022 đến tháng 8/2022.", start: "2022-06", end: "2022-08" },
    { name: "'Đến ngày D' with an obligation before any 'đã'", line: "Đến ngày 30/6/2025, các đơn vị phải hoàn thành những nội dung đã được giao.", start: null, end: "2025-06-30" },
    { name: "'Đến ngày D' with an obligation after a 'đã' of its own clause", line: "Đến ngày 30/11/2024, các đơn vị đã được giao nhiệm vụ phải hoàn thành việc rà soát.", start: null, end: "2024-11-30" },
  ])("$name", ({ line, start, end }) => {
    expect(deadlinesOf("I. NHIỆM VỤ", line)).toEqual([{ start, end }]);
  });

  it("each month of 'vào tháng 10/2024 và tháng 01/2025'", () => {
    expect(deadlinesOf("I. NHIỆM VỤ", "3. Tổ chức họp cha mẹ học sinh vào tháng 10/2024 và tháng 01/2025.")).toEqual([
      { start: "2024-10", end: "2024-10" },
      { start: "2025-01", end: "2025-01" },
    ]);
  });

  it.each([
    { name: "a target year in an objective", body: ["I. MỤC TIÊU", "1. Tỷ lệ huy động trẻ em 5 tuổi đi học mẫu giáo đạt 99,8% vào năm 2025."] },
    { name: "a period in the title", body: ["I. MỤC ĐÍCH", "- Thực hiện Chương trình hành động vì trẻ em giai đoạn 2021-2030."] },
    { name: "the date of a cited document", body: ["Thực hiện Kế hoạch số 99/KH-UBND ngày 31/03/2021 của UBND thành phố, Phòng GDĐT xây dựng kế hoạch như sau:", "I. MỤC ĐÍCH", "- Bảo đảm an toàn."] },
    { name: "the date of a circular cited in a task", body: ["I. NHIỆM VỤ", "- Thực hiện Thông tư số 22/2021/TT-BGDĐT ngày 20/7/2021 của Bộ GDĐT."] },
    { name: "a school year", body: ["I. NHIỆM VỤ", "- Tổ chức dạy bơi trong năm học 2022-2023."] },
    { name: "the date progress is reported to ('Đến ngày D, ... đã ...')", body: ["Đến ngày 31/10/2024, toàn huyện đã gieo trồng được 2.150 ha, đạt 71,6% kế hoạch."] },
    { name: "the same after 'Tính'", body: ["Tính đến ngày 30/6/2024, đã có 95% hộ dân tham gia."] },
    { name: "the same in a bullet", body: ["I. KẾT QUẢ", "- Đến ngày 31/10/2024, toàn huyện đã gieo trồng được 2.150 ha."] },
  ])("not a deadline: $name", ({ body }) => {
    expect(deadlinesOf(...body)).toEqual([]);
  });

  it("the document's own date is not a deadline", () => {
    expect(deadlinesOf("I. NHIỆM VỤ", "- Tổ chức tuyên truyền.")).toEqual([]);
  });

  it("each distinct deadline once, in order", () => {
    expect(
      deadlinesOf(
        "I. NHIỆM VỤ",
        "1. Sở Y tế báo cáo trước ngày 30/11/2022.",
        "2. Công an tỉnh báo cáo trước ngày 30/11/2022.",
        "3. Tổ chức dạy bơi từ 01/6/2022 đến 31/8/2022.",
      ),
    ).toEqual([
      { start: null, end: "2022-11-30" },
      { start: "2022-06-01", end: "2022-08-31" },
    ]);
  });

  it("the span of a deadline holds its words", () => {
    const d = extract(doc(...HEADER, "I. NHIỆM VỤ", "1. Báo cáo kết quả trước ngày 31 tháng 3 năm 2023."));
    const [deadline] = d.deadlines;
    expect(deadline!.raw).toBe("trước ngày 31 tháng 3 năm 2023");
    expect(d.text.slice(deadline!.span.start, deadline!.span.end)).toBe(deadline!.raw);
  });
});
