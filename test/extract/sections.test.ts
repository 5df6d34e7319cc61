import { describe, expect, it } from "vitest";
import { extract } from "../../src/index.js";

const doc = (...lines: string[]): string => lines.join("\n");
const HEAD = ["KẾ HOẠCH", "Phòng, chống dịch bệnh trong trường học", ""];
const texts = (items: ReadonlyArray<{ text: string }>): string[] => items.map((i) => i.text);

describe("purposes and requirements", () => {
  it.each([
    {
      name: "their own headings under MỤC ĐÍCH, YÊU CẦU",
      body: ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Nâng cao nhận thức của học sinh.", "- Giảm số ca mắc bệnh.", "2. Yêu cầu", "- Triển khai nghiêm túc, hiệu quả.", "II. NỘI DUNG", "1. Tuyên truyền."],
      purposes: ["Nâng cao nhận thức của học sinh.", "Giảm số ca mắc bệnh."],
      requirements: ["Triển khai nghiêm túc, hiệu quả."],
    },
    {
      name: "an unlabelled paragraph under Yêu cầu",
      body: ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Đánh giá đúng thực trạng.", "2. Yêu cầu", "Việc tổng kết phải bảo đảm khoa học, chất lượng, hiệu quả."],
      purposes: ["Đánh giá đúng thực trạng."],
      requirements: ["Việc tổng kết phải bảo đảm khoa học, chất lượng, hiệu quả."],
    },
    {
      name: "a joint heading without sub-headings (Party style): 'phải' marks a requirement",
      body: ["I- Mục đích, yêu cầu", "1- Kiểm điểm, đánh giá kết quả lãnh đạo, chỉ đạo thực hiện Chỉ thị.", "2- Việc tổng kết phải được thực hiện nghiêm túc, đúng thực chất.", "II- Nội dung tổng kết", "1- Công tác lãnh đạo."],
      purposes: ["Kiểm điểm, đánh giá kết quả lãnh đạo, chỉ đạo thực hiện Chỉ thị."],
      requirements: ["Việc tổng kết phải được thực hiện nghiêm túc, đúng thực chất."],
    },
    {
      name: "headings that carry their item after a colon",
      body: ["I. MỤC ĐÍCH: Nâng cao nhận thức của cán bộ, giáo viên.", "II. YÊU CẦU: Bảo đảm thiết thực, tiết kiệm.", "III. NỘI DUNG", "1. Tuyên truyền."],
      purposes: ["Nâng cao nhận thức của cán bộ, giáo viên."],
      requirements: ["Bảo đảm thiết thực, tiết kiệm."],
    },
  ])("$name", ({ body, purposes, requirements }) => {
    const d = extract(doc(...HEAD, ...body));
    expect(texts(d.purposes)).toEqual(purposes);
    expect(texts(d.requirements)).toEqual(requirements);
    for (const item of [...d.purposes, ...d.requirements]) expect(d.text.slice(item.span.start, item.span.end)).toBe(item.text);
  });

  it("a fragment without headings: its opening purpose and requirement", () => {
    const d = extract(
      doc(
        "Kế hoạch nhằm đánh giá toàn diện công tác lãnh đạo, chỉ đạo thực hiện Nghị quyết số 29-NQ/TW.",
        "Việc tổng kết phải được tiến hành nghiêm túc, chất lượng.",
        "Hình thức: Tiến hành tổng kết từ tỉnh tới cơ sở.",
      ),
    );
    expect(texts(d.purposes)).toEqual(["Kế hoạch nhằm đánh giá toàn diện công tác lãnh đạo, chỉ đạo thực hiện Nghị quyết số 29-NQ/TW."]);
    expect(texts(d.requirements)).toEqual(["Việc tổng kết phải được tiến hành nghiêm túc, chất lượng."]);
  });

  it("none in a document without such sections", () => {
    const d = extract(doc(...HEAD, "I. NHIỆM VỤ", "1. Tổ chức tuyên truyền.", "2. Tổ chức kiểm tra."));
    expect(d.purposes).toEqual([]);
    expect(d.requirements).toEqual([]);
  });
});

describe("objectives", () => {
  it("reads numeric targets with their year", () => {
    const d = extract(
      doc(
        ...HEAD,
        "II. MỤC TIÊU",
        "1. Mục tiêu cụ thể",
        "(1). Tỷ lệ huy động trẻ em 5 tuổi đi học mẫu giáo đạt 99,8% vào năm 2025 và 100% vào năm 2030.",
        "(2). Giảm tỷ lệ trẻ em bỏ học bậc tiểu học dưới 0,08% vào năm 2025.",
        "III. NHIỆM VỤ",
        "1. Tuyên truyền.",
      ),
    );
    expect(d.objectives).toHaveLength(2);
    const [first, second] = d.objectives;
    expect(first!.targets.map((t) => [t.value, t.unit, t.year])).toEqual([
      [99.8, "%", 2025],
      [100, "%", 2030],
    ]);
    expect(first!.targets[0]!.comparator).toBe("at-least");
    expect(first!.targets[0]!.indicator).toBe("Tỷ lệ huy động trẻ em 5 tuổi đi học mẫu giáo");
    expect(second!.targets.map((t) => [t.value, t.year, t.comparator])).toEqual([[0.08, 2025, "at-most"]]);
  });
});
