import { describe, expect, it } from "vitest";
import { DEFAULT_RESOLVERS, resolveShortForms, type ResolvedShortForm } from "../../src/graph/short-forms.js";
import { extract, type VanbanDocument } from "../../src/index.js";

const HEAD = ["Số: 12/KH-UBND", "Quảng Ninh, ngày 02 tháng 3 năm 2023", "KẾ HOẠCH", "Phòng chống đuối nước năm 2023", ""];
const plan = (...body: string[]): VanbanDocument => extract([...HEAD, ...body, "I. MỤC ĐÍCH", "- Bảo đảm an toàn."].join("\n"));

/** Each short form as "text -> number | self | unresolved". */
function resolvedOf(document: VanbanDocument): string[] {
  return resolveShortForms(document).map((form: ResolvedShortForm) => {
    const { referent } = form;
    const to = referent.to === "citation" ? document.citations[referent.index]!.number : referent.to;
    return `${form.text} -> ${to}`;
  });
}

describe("short forms inside a document", () => {
  it.each([
    {
      name: "a name the document defines resolves to the citation that defines it",
      body: ["Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị (sau đây viết tắt là Chỉ thị 20), Ủy ban nhân dân tỉnh tổng kết Chỉ thị 20 trong toàn tỉnh."],
      expected: ["Chỉ thị 20 -> 20-CT/TW"],
    },
    {
      name: "a type and serial without the rest of the number resolve to the one citation they fit",
      body: ["Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.", "Tổng kết 10 năm thực hiện Chỉ thị số 20 giai đoạn 2012-2022."],
      expected: ["Chỉ thị số 20 -> 20-CT/TW"],
    },
    {
      name: "a serial shared by two citations resolves to the nearest before it",
      body: ["Căn cứ Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị; Chỉ thị số 20/CT-UBND ngày 01/02/2023 của UBND tỉnh.", "Các đơn vị thực hiện Chỉ thị 20 nghiêm túc."],
      expected: ["Chỉ thị 20 -> 20/CT-UBND"],
    },
    {
      name: "'Kế hoạch này' in a Kế hoạch is the document itself",
      body: ["Căn cứ vào Kế hoạch này, các đơn vị xây dựng kế hoạch của đơn vị."],
      expected: ["Kế hoạch này -> self"],
    },
    {
      name: "'Chỉ thị nêu trên' is the nearest earlier Chỉ thị",
      body: ["Thực hiện Chỉ thị số 09/CT-UBND ngày 14/10/2019 của UBND tỉnh và Kế hoạch số 68/KH-UBND ngày 14/3/2019.", "Các đơn vị quán triệt Chỉ thị nêu trên."],
      expected: ["Chỉ thị nêu trên -> 09/CT-UBND"],
    },
    {
      name: "a short form nothing was cited for stays unresolved",
      body: ["Triển khai Đề án 06 của Chính phủ trên địa bàn."],
      expected: ["Đề án 06 -> unresolved"],
    },
    {
      name: "a lower-case type word and a number is no reference",
      body: ["Các đơn vị gửi báo cáo 1 lần mỗi quý."],
      expected: [],
    },
    {
      name: "'Kế hoạch trên địa bàn' is no reference back",
      body: ["Triển khai Kế hoạch trên địa bàn tỉnh."],
      expected: [],
    },
  ])("$name", ({ body, expected }) => {
    expect(resolvedOf(plan(...body))).toEqual(expected);
  });

  it("leaves the full number without a date to the extractor, which counts it as a mention", () => {
    const document = plan("Thực hiện Chỉ thị số 11-CT/TW ngày 13/4/2007 của Bộ Chính trị.", "Sơ kết việc thực hiện Chỉ thị số 11-CT/TW của Bộ Chính trị.");
    expect(resolvedOf(document)).toEqual([]);
    expect(document.citations.find((c) => c.number === "11-CT/TW")?.mentions).toHaveLength(2);
  });

  it("takes the relation from the cue before the short form", () => {
    const [form] = resolveShortForms(plan("Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.", "Sơ kết 10 năm thực hiện Chỉ thị số 20 tại đơn vị."));
    expect(form?.relation).toBe("reviews");
  });

  it("uses the resolvers it is given", () => {
    const document = plan("Căn cứ vào Kế hoạch này, các đơn vị xây dựng kế hoạch.");
    const forms = resolveShortForms(document, { ...DEFAULT_RESOLVERS, this: () => ({ to: "unresolved", reason: "policy" }) });
    expect(forms.map((f) => f.referent)).toEqual([{ to: "unresolved", reason: "policy" }]);
  });
});
