import { describe, expect, it } from "vitest";
import { extract } from "../../src/index.js";
import { scanTokens, TOKEN } from "../../src/extract/units.js";
import { canon } from "../../src/text/fold.js";
import { randomTexts } from "../support/random-text.js";

const doc = (...lines: string[]): string => lines.join("\n");
const PLAN_HEAD = ["KẾ HOẠCH", "Phòng, chống đuối nước cho học sinh năm 2023", ""];
const unitsOf = (...body: string[]): string[] => extract(doc(...PLAN_HEAD, ...body)).responsibleUnits.map((u) => u.name);

describe("responsibleUnits", () => {
  it.each([
    {
      name: "headings under TỔ CHỨC THỰC HIỆN",
      body: ["I. TỔ CHỨC THỰC HIỆN", "1. Phòng Giáo dục và Đào tạo", "- Theo dõi, đôn đốc các nhà trường.", "2. Các đơn vị trực thuộc", "- Xây dựng kế hoạch của đơn vị."],
      units: ["Phòng Giáo dục và Đào tạo", "Các đơn vị trực thuộc"],
    },
    {
      name: "'Trách nhiệm của X:' headings",
      body: ["III. TỔ CHỨC THỰC HIỆN", "1. Trách nhiệm của Sở Y tế:", "- Hướng dẫn sơ cứu.", "2. Trách nhiệm của Công an tỉnh:", "- Bảo đảm an ninh."],
      units: ["Sở Y tế", "Công an tỉnh"],
    },
    {
      name: "the subject of a task sentence (X chủ trì)",
      body: ["I. NHIỆM VỤ", "- Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền phòng, chống đuối nước."],
      units: ["Ban Tuyên giáo Tỉnh ủy"],
    },
    {
      name: "the subject of a sentence ends at a verb of publishing or paying ('niêm yết', 'chi trả')",
      body: ["I. NHIỆM VỤ", "- UBND các xã, phường niêm yết công khai thông báo tuyển dụng.", "- Bảo hiểm xã hội tỉnh chi trả chế độ đúng hạn."],
      units: ["UBND các xã, phường", "Bảo hiểm xã hội tỉnh"],
    },
    {
      name: "a name with a lower-case 'điều tra' in it ('Cơ quan Cảnh sát điều tra Công an tỉnh')",
      body: ["I. NHIỆM VỤ", "- Cơ quan Cảnh sát điều tra Công an tỉnh chủ trì điều tra các vụ việc."],
      units: ["Cơ quan Cảnh sát điều tra Công an tỉnh"],
    },
    {
      name: "a school's Team leader ('Tổng phụ trách Đội')",
      body: ["I. NHIỆM VỤ", "- Tổng phụ trách Đội tổ chức các hoạt động ngoài giờ lên lớp hằng tháng."],
      units: ["Tổng phụ trách Đội"],
    },
    {
      name: "the investors of public works ('Các chủ đầu tư')",
      body: ["I. NHIỆM VỤ", "- Các chủ đầu tư khẩn trương hoàn thiện hồ sơ thanh toán khối lượng hoàn thành."],
      units: ["Các chủ đầu tư"],
    },
    {
      name: "a provincial media agency whose name holds a comma ('Báo và Phát thanh, Truyền hình Tây Ninh')",
      body: ["I. NHIỆM VỤ", "- Báo và Phát thanh, Truyền hình Tây Ninh đăng tải Thông báo trên các ấn phẩm."],
      units: ["Báo và Phát thanh, Truyền hình Tây Ninh"],
    },
    {
      name: "'Giao X' with two units",
      body: ["I. NHIỆM VỤ", "- Giao Sở Nội vụ và Sở Tài chính hướng dẫn các đơn vị."],
      units: ["Sở Nội vụ", "Sở Tài chính"],
    },
    {
      name: "a name with a dash between capitalised words",
      body: ["I. NHIỆM VỤ", "- Giao Sở Lao động - Thương binh và Xã hội chủ trì theo dõi việc thực hiện."],
      units: ["Sở Lao động - Thương binh và Xã hội"],
    },
    {
      name: "a name with 'và' inside (Giáo dục và Đào tạo)",
      body: ["I. NHIỆM VỤ", "- Sở Giáo dục và Đào tạo có trách nhiệm tổ chức dạy bơi."],
      units: ["Sở Giáo dục và Đào tạo"],
    },
    {
      name: "a plural list of lower-case heads",
      body: ["I. NHIỆM VỤ", "- Giao các huyện ủy, thị ủy, thành ủy tổ chức tổng kết."],
      units: ["các huyện ủy, thị ủy, thành ủy"],
    },
    {
      name: "a unit named as lead outside any task section",
      body: ["Thực hiện Kế hoạch số 12/KH-UBND, Công an tỉnh chủ trì tổ chức kiểm tra an toàn các hồ bơi.", "I. MỤC ĐÍCH", "- Bảo đảm an toàn."],
      units: ["Công an tỉnh"],
    },
    {
      name: "a lead followed by its abbreviation in parentheses",
      body: ["Thực hiện Kế hoạch số 12/KH-UBND, Bộ Giáo dục và Đào tạo (GDĐT) chủ trì tổ chức hội nghị tổng kết.", "I. MỤC ĐÍCH", "- Bảo đảm an toàn."],
      units: ["Bộ Giáo dục và Đào tạo"],
    },
    {
      name: "an abbreviation with a dot (TP.)",
      body: ["I. NHIỆM VỤ", "- Giao UBND TP. Hồ Chí Minh tổ chức thực hiện."],
      units: ["UBND TP. Hồ Chí Minh"],
    },
  ])("$name", ({ body, units }) => {
    expect(unitsOf(...body)).toEqual(units);
  });

  it.each([
    { name: "'Tổ chức ...' (a verb, not a body)", line: "- Tổ chức kiểm tra các điểm bơi." },
    { name: "'Hội nghị ...'", line: "- Hội nghị tổng kết được tổ chức vào cuối năm." },
    { name: "'Báo cáo ...'", line: "- Báo cáo kết quả về Sở." },
  ])("no unit from $name", ({ line }) => {
    expect(unitsOf("I. NHIỆM VỤ", line)).toEqual([]);
  });

  it("each unit once, with a span that holds its name", () => {
    const d = extract(
      doc(
        ...PLAN_HEAD,
        "I. NHIỆM VỤ",
        "- Sở Y tế chủ trì hướng dẫn sơ cứu.",
        "- Sở Y tế chủ trì kiểm tra các hồ bơi.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Công an tỉnh",
        "- Bảo đảm an ninh trật tự.",
      ),
    );
    expect(d.responsibleUnits.map((u) => u.name)).toEqual(["Sở Y tế", "Công an tỉnh"]);
    for (const u of d.responsibleUnits) expect(d.text.slice(u.span.start, u.span.end)).toBe(u.name);
  });

  it("the evidence says where the unit was read", () => {
    const d = extract(doc(...PLAN_HEAD, "I. TỔ CHỨC THỰC HIỆN", "1. Sở Y tế", "- Hướng dẫn sơ cứu."));
    expect(d.responsibleUnits).toEqual([expect.objectContaining({ name: "Sở Y tế", evidence: "heading" })]);
  });
});

describe("scanTokens", () => {
  it("finds the tokens of TOKEN, or declines a text with a surrogate", () => {
    const parentheses = ["(a(b)c)", "((GDĐT))", "()", "(x)", `(${"x".repeat(20)})`, `(${"x".repeat(21)})`, "Sở (GD&ĐT) (", "a)(b"];
    for (const text of [...parentheses, ...randomTexts(3000, 80, 7)]) {
      const scanned = scanTokens(text);
      if (scanned === null) {
        expect(/[\ud800-\udfff]/.test(text)).toBe(true);
        continue;
      }
      const expected = [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], key: canon(m[0]), start: m.index, capital: /^\p{Lu}/u.test(m[0]) }));
      expect(scanned.map((t) => ({ text: t.text, key: t.key, start: t.start, capital: t.capital }))).toEqual(expected);
    }
  });
});
