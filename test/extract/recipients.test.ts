import { describe, expect, it } from "vitest";
import { extract } from "../../src/index.js";

const doc = (...lines: string[]): string => lines.join("\n");
const PLAN = ["KẾ HOẠCH", "Phòng, chống đuối nước", "", "I. MỤC ĐÍCH", "- Nâng cao nhận thức."];
const SIGNATURE = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"];
const pairs = (text: string) => extract(text).recipients.map((r) => [r.name, r.action, r.kind]);

describe("recipients: Nơi nhận", () => {
  it.each([
    { name: "(để b/c)", line: "- Giám đốc Sở (để b/c);", recipient: "Giám đốc Sở", action: "báo cáo" },
    { name: "(b/c)", line: "- UBND thành phố (b/c);", recipient: "UBND thành phố", action: "báo cáo" },
    { name: "(p/h)", line: "- Công an thành phố (p/h);", recipient: "Công an thành phố", action: "phối hợp" },
    { name: "(t/h)", line: "- Các trường THCS (t/h);", recipient: "Các trường THCS", action: "thực hiện" },
    { name: "no suffix", line: "- Website Sở;", recipient: "Website Sở", action: null },
    { name: "Như trên", line: "- Như trên;", recipient: "Như trên", action: null },
    { name: "a name with '&'", line: "- Phòng LĐ-TB&XH thành phố (p/h);", recipient: "Phòng LĐ-TB&XH thành phố", action: "phối hợp" },
    { name: "a comma at the end (Party style)", line: "- Ban Tuyên giáo Trung ương (để b/c),", recipient: "Ban Tuyên giáo Trung ương", action: "báo cáo" },
  ])("$name: $line", ({ line, recipient, action }) => {
    const d = extract(doc(...PLAN, "Nơi nhận:", line, ...SIGNATURE));
    expect(d.recipients.map((r) => [r.name, r.action, r.kind])).toEqual([[recipient, action, "noi-nhan"]]);
    expect(d.recipients[0]!.raw).toBe(line);
  });

  it.each([
    { name: "Lưu: VT, X", line: "- Lưu: VT, CTTT.", names: ["VT", "CTTT"] },
    { name: "Lưu with a copy count", line: "- Lưu: VT, VP (02b).", names: ["VT", "VP"] },
    { name: "Lưu without a colon", line: "- Lưu Văn phòng Tỉnh ủy.", names: ["Văn phòng Tỉnh ủy"] },
  ])("$name: one recipient per archive, action lưu", ({ line, names }) => {
    const d = extract(doc(...PLAN, "Nơi nhận:", line, ...SIGNATURE));
    expect(d.recipients.map((r) => [r.name, r.action])).toEqual(names.map((n) => [n, "lưu"]));
  });

  it("a whole Nơi nhận, split at line breaks and ';'", () => {
    expect(
      pairs(
        doc(
          ...PLAN,
          "Nơi nhận:",
          "- Sở GDĐT (b/c);",
          "- UBND thành phố (b/c);",
          "- TP, Các Phó TP; Các bộ phận CM PGDĐT;",
          "- Các đơn vị trực thuộc;",
          "- Lưu: VT, CTTT.",
          ...SIGNATURE,
        ),
      ),
    ).toEqual([
      ["Sở GDĐT", "báo cáo", "noi-nhan"],
      ["UBND thành phố", "báo cáo", "noi-nhan"],
      ["TP, Các Phó TP", null, "noi-nhan"],
      ["Các bộ phận CM PGDĐT", null, "noi-nhan"],
      ["Các đơn vị trực thuộc", null, "noi-nhan"],
      ["VT", "lưu", "noi-nhan"],
      ["CTTT", "lưu", "noi-nhan"],
    ]);
  });

  it("every recipient's span holds its name", () => {
    const d = extract(doc(...PLAN, "Nơi nhận:", "- Sở GDĐT (b/c);", "- Công an tỉnh (p/h); Các trường (t/h);", "- Lưu: VT, CTTT.", ...SIGNATURE));
    expect(d.recipients).toHaveLength(5);
    for (const r of d.recipients) expect(d.text.slice(r.span.start, r.span.end)).toBe(r.name);
  });

  it("warns about a signed document without Nơi nhận", () => {
    const d = extract(doc(...PLAN, ...SIGNATURE));
    expect(d.recipients).toEqual([]);
    expect(d.warnings.map((w) => w.code)).toContain("recipients-missing");
  });
});

describe("recipients: Kính gửi", () => {
  it.each([
    {
      name: "one addressee on the line",
      lines: ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Số: 45/PGDĐT-GDMN", "Kính gửi: Hiệu trưởng các trường mầm non, tiểu học", "Phòng GDĐT hướng dẫn như sau:"],
      recipients: [["Hiệu trưởng các trường mầm non, tiểu học", null, "kinh-gui"]],
    },
    {
      name: "a list of addressees",
      lines: ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 126/SGDĐT-CTTT", "Kính gửi:", "- Các Phòng Giáo dục và Đào tạo;", "- Các trường THPT trực thuộc.", "Sở Giáo dục và Đào tạo hướng dẫn như sau:"],
      recipients: [
        ["Các Phòng Giáo dục và Đào tạo", null, "kinh-gui"],
        ["Các trường THPT trực thuộc", null, "kinh-gui"],
      ],
    },
    {
      name: "after a V/v line and the date",
      lines: ["SỞ Y TẾ", "Số: 15/SYT-NVY", "V/v phòng, chống dịch sốt xuất huyết", "Hà Nội, ngày 01 tháng 7 năm 2024", "Kính gửi: Các bệnh viện trực thuộc", "Sở Y tế hướng dẫn như sau:"],
      recipients: [["Các bệnh viện trực thuộc", null, "kinh-gui"]],
    },
  ])("$name", ({ lines, recipients }) => {
    expect(pairs(doc(...lines))).toEqual(recipients);
  });

  it("Kính gửi first, then Nơi nhận", () => {
    const kinds = extract(
      doc("SỞ Y TẾ", "Số: 15/SYT-NVY", "Kính gửi: Các bệnh viện trực thuộc", "Sở Y tế hướng dẫn như sau:", "1. Tăng cường giám sát dịch.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", ...SIGNATURE),
    ).recipients.map((r) => `${r.kind}:${r.name}`);
    expect(kinds).toEqual(["kinh-gui:Các bệnh viện trực thuộc", "noi-nhan:Như trên", "noi-nhan:VT"]);
  });
});
