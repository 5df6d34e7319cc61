import { describe, expect, it } from "vitest";
import { fromText } from "../../src/load/text.js";
import { normalise } from "../../src/normalise/normalise.js";
import { ancestorsOf, buildOutline, isHeadingLike, isLeaf, pathOf, type OutlineItem } from "../../src/segment/outline.js";

const outlineOf = (...lines: string[]): OutlineItem[] => {
  const text = lines.join("\n");
  const doc = normalise(fromText(text, { fileName: null, mediaType: "text/plain", sha256: "0".repeat(64), bytes: text.length, encoding: "utf-8" }));
  return buildOutline(doc.lines);
};
/** Each item as "path | text", the tree in one readable list. */
const tree = (items: readonly OutlineItem[]): string[] => items.map((i) => `${pathOf(items, i)} | ${i.text}`);
const byText = (items: readonly OutlineItem[], start: string): OutlineItem => {
  const item = items.find((i) => i.text.startsWith(start));
  if (!item) throw new Error(`no item starts with "${start}"`);
  return item;
};

describe("buildOutline", () => {
  it("nests I., 1., 1.1., a), -, + and returns to a coarser level", () => {
    const items = outlineOf(
      "I. NHIỆM VỤ",
      "1. Các trường học:",
      "1.1. Tuyên truyền",
      "a) Tổ chức tuyên truyền cho học sinh:",
      "- Qua giờ chào cờ:",
      "+ Đầu tuần;",
      "+ Cuối tuần.",
      "- Qua bảng tin.",
      "b) Báo cáo kết quả.",
      "2. Phòng Giáo dục và Đào tạo",
      "II. TỔ CHỨC THỰC HIỆN",
    );
    expect(tree(items)).toEqual([
      "I. | NHIỆM VỤ",
      "I. 1. | Các trường học:",
      "I. 1. 1.1. | Tuyên truyền",
      "I. 1. 1.1. a) | Tổ chức tuyên truyền cho học sinh:",
      "I. 1. 1.1. a) - | Qua giờ chào cờ:",
      "I. 1. 1.1. a) - + | Đầu tuần;",
      "I. 1. 1.1. a) - + | Cuối tuần.",
      "I. 1. 1.1. a) - | Qua bảng tin.",
      "I. 1. 1.1. b) | Báo cáo kết quả.",
      "I. 2. | Phòng Giáo dục và Đào tạo",
      "II. | TỔ CHỨC THỰC HIỆN",
    ]);
    expect(items.map((i) => i.level)).toEqual([0, 1, 2, 3, 4, 5, 5, 4, 3, 1, 0]);
    expect(items.map((i) => i.kind)).toEqual(["roman", "arabic", "decimal", "letter", "dash", "plus", "plus", "dash", "letter", "arabic", "roman"]);
  });

  it("nests Party-style labels: I-, 1-", () => {
    const items = outlineOf("I- Mục đích, yêu cầu", "1- Kiểm điểm, đánh giá kết quả.", "2- Việc tổng kết phải nghiêm túc.", "II- Nội dung tổng kết");
    expect(tree(items)).toEqual([
      "I- | Mục đích, yêu cầu",
      "I- 1- | Kiểm điểm, đánh giá kết quả.",
      "I- 2- | Việc tổng kết phải nghiêm túc.",
      "II- | Nội dung tổng kết",
    ]);
  });

  it("keeps articles as siblings with their own clauses", () => {
    const items = outlineOf(
      "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống đuối nước.",
      "Điều 2. Tổ chức thực hiện:",
      "1. Giao Sở Giáo dục và Đào tạo chủ trì tổ chức dạy bơi.",
      "2. Giao Sở Tài chính bố trí kinh phí.",
      "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
    );
    expect(tree(items)).toEqual([
      "Điều 1. | Ban hành kèm theo Quyết định này Kế hoạch phòng, chống đuối nước.",
      "Điều 2. | Tổ chức thực hiện:",
      "Điều 2. 1. | Giao Sở Giáo dục và Đào tạo chủ trì tổ chức dạy bơi.",
      "Điều 2. 2. | Giao Sở Tài chính bố trí kinh phí.",
      "Điều 3. | Quyết định này có hiệu lực kể từ ngày ký.",
    ]);
  });

  it("does not make I. a child of a preamble's '- Căn cứ ...' dash list", () => {
    const items = outlineOf(
      "- Căn cứ Kế hoạch số 56/KH-UBND ngày 01/3/2023 của UBND huyện;",
      "- Căn cứ Chỉ thị số 31/CT-TTg ngày 01/12/2022 của Thủ tướng Chính phủ;",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Mục đích",
    );
    const roman = byText(items, "MỤC ĐÍCH, YÊU CẦU");
    expect(roman.parent).toBeNull();
    expect(roman.level).toBe(0);
    expect(items.filter((i) => i.kind === "dash").every((d) => d.parent === null && d.children.length === 0)).toBe(true);
    expect(pathOf(items, byText(items, "Mục đích"))).toBe("I. 1.");
  });

  it("an unlabelled paragraph under a heading-like item is its child", () => {
    const items = outlineOf("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Nâng cao nhận thức.", "2. Yêu cầu", "Triển khai nghiêm túc, hiệu quả.");
    const paragraph = byText(items, "Triển khai nghiêm túc");
    expect(paragraph.kind).toBe("paragraph");
    expect(items[paragraph.parent!]!.text).toBe("Yêu cầu");
    expect(pathOf(items, paragraph)).toBe("I. 2. ¶");
  });

  it("an unlabelled paragraph after a full-sentence item is its sibling", () => {
    const items = outlineOf(
      "II. NHIỆM VỤ",
      "1. Tổ chức tập huấn cho giáo viên về kỹ năng phòng, chống đuối nước.",
      "Các trường cử giáo viên tham dự đầy đủ.",
    );
    const item = byText(items, "Tổ chức tập huấn");
    const paragraph = byText(items, "Các trường cử");
    expect(item.children).toEqual([]);
    expect(paragraph.parent).toBe(item.parent);
    expect(pathOf(items, paragraph)).toBe("II. ¶");
  });

  it("an unlabelled paragraph after a full-sentence dash item leaves the dash list", () => {
    const items = outlineOf("1. Mục tiêu chung", "- Giảm số vụ đuối nước.", "Bảo đảm an toàn cho trẻ em.");
    const paragraph = byText(items, "Bảo đảm an toàn");
    expect(items[paragraph.parent!]!.text).toBe("Mục tiêu chung");
  });

  it("numbered objectives (1). under a heading", () => {
    const items = outlineOf("2. Mục tiêu cụ thể", "(1). Phấn đấu 100% cơ sở giáo dục có công trình vệ sinh.", "(2). Tỷ lệ trẻ em 5 tuổi đi học đạt 99,8%.");
    expect(tree(items)).toEqual([
      "2. | Mục tiêu cụ thể",
      "2. (1). | Phấn đấu 100% cơ sở giáo dục có công trình vệ sinh.",
      "2. (2). | Tỷ lệ trẻ em 5 tuổi đi học đạt 99,8%.",
    ]);
  });

  it("points textStart at the text without its label", () => {
    const text = "I. NHIỆM VỤ\n1.1. Bộ phận CTTT\n- Theo dõi, đôn đốc.";
    const doc = normalise(fromText(text, { fileName: null, mediaType: "text/plain", sha256: "0".repeat(64), bytes: text.length, encoding: "utf-8" }));
    for (const item of buildOutline(doc.lines)) expect(doc.text.slice(item.textStart, item.textStart + item.text.length)).toBe(item.text);
  });
});

describe("ancestorsOf / isLeaf", () => {
  it("lists ancestors nearest first", () => {
    const items = outlineOf("V. TỔ CHỨC THỰC HIỆN", "1. Phòng Giáo dục và Đào tạo", "1.1. Bộ phận CTTT", "- Theo dõi, đôn đốc các nhà trường.");
    const leaf = byText(items, "Theo dõi");
    expect(isLeaf(leaf)).toBe(true);
    expect(ancestorsOf(items, leaf).map((a) => a.text)).toEqual(["Bộ phận CTTT", "Phòng Giáo dục và Đào tạo", "TỔ CHỨC THỰC HIỆN"]);
    expect(isLeaf(byText(items, "Bộ phận CTTT"))).toBe(false);
  });
});

describe("isHeadingLike", () => {
  it.each([
    { text: "Mục đích", heading: true },
    { text: "Các trường học:", heading: true },
    { text: "Đối với cấp tỉnh: giao các sở thực hiện các nội dung sau:", heading: true },
    { text: "Tổ chức tập huấn cho giáo viên.", heading: false },
    { text: "Lồng ghép vào giờ chào cờ;", heading: false },
    { text: "Tổ chức tuyên truyền, phổ biến kiến thức ".repeat(5).trim(), heading: false },
  ])("$text -> $heading", ({ text, heading }) => {
    expect(isHeadingLike(text)).toBe(heading);
  });
});
