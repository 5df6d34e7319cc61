import { describe, expect, it } from "vitest";
import { extract } from "../../src/index.js";

const doc = (...lines: string[]): string => lines.join("\n");
const PLAN = ["KẾ HOẠCH", "Tổ chức hội nghị tổng kết", "", "I. MỤC ĐÍCH", "- Đánh giá kết quả thực hiện."];
const NOI_NHAN = ["Nơi nhận:", "- Như trên;", "- Lưu: VT."];
/** Positions are compared like the scorer does: case and spacing aside. */
const loose = (s: string | null | undefined): string | null => (s == null ? null : s.toLocaleLowerCase("vi").replace(/\s+/g, " ").trim());

describe("signer", () => {
  it.each([
    {
      name: "KT. BỘ TRƯỞNG / THỨ TRƯỞNG",
      sig: ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "(đã ký)", "Ngô Thị Minh"],
      person: "Ngô Thị Minh",
      position: "Thứ trưởng",
      authority: "KT",
      onBehalfOf: "Bộ trưởng",
      chain: [{ prefix: "KT", of: "Bộ trưởng" }],
    },
    {
      name: "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ",
      sig: ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Hồ Văn Niên"],
      person: "Hồ Văn Niên",
      position: "Phó Bí thư",
      authority: "TM",
      onBehalfOf: "Ban Thường vụ",
      chain: [{ prefix: "TM", of: "Ban Thường vụ" }],
    },
    {
      name: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
      sig: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Sơn"],
      person: "Nguyễn Văn Sơn",
      position: "Phó Chủ tịch",
      authority: "KT",
      onBehalfOf: "Chủ tịch",
      chain: [
        { prefix: "TM", of: "Ủy ban nhân dân" },
        { prefix: "KT", of: "Chủ tịch" },
      ],
    },
    {
      name: "TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG",
      sig: ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "Lê Văn Cường"],
      person: "Lê Văn Cường",
      position: "Chánh Văn phòng",
      authority: "TL",
      onBehalfOf: "Giám đốc",
      chain: [{ prefix: "TL", of: "Giám đốc" }],
    },
    {
      name: "KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG in bold markdown",
      sig: ["**KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG**", "", "Lê Thị Lan"],
      person: "Lê Thị Lan",
      position: "Phó Trưởng phòng",
      authority: "KT",
      onBehalfOf: "Trưởng phòng",
      chain: [{ prefix: "KT", of: "Trưởng phòng" }],
    },
    {
      name: "a position alone: HIỆU TRƯỞNG",
      sig: ["HIỆU TRƯỞNG", "Trần Thị Bình"],
      person: "Trần Thị Bình",
      position: "Hiệu trưởng",
      authority: null,
      onBehalfOf: null,
      chain: [],
    },
    {
      name: "the name in capitals",
      sig: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "NGUYỄN VĂN AN"],
      person: "Nguyễn Văn An",
      position: "Phó Giám đốc",
      authority: "KT",
      onBehalfOf: "Giám đốc",
      chain: [{ prefix: "KT", of: "Giám đốc" }],
    },
    {
      name: "the name left out (a draft)",
      sig: ["HIỆU TRƯỞNG"],
      person: null,
      position: "Hiệu trưởng",
      authority: null,
      onBehalfOf: null,
      chain: [],
    },
  ])("$name", ({ sig, person, position, authority, onBehalfOf, chain }) => {
    const d = extract(doc(...PLAN, ...NOI_NHAN, ...sig));
    const signer = d.signer!;
    expect(signer).not.toBeNull();
    expect(signer.name).toBe(person);
    expect(loose(signer.position)).toBe(loose(position));
    expect(signer.authority).toBe(authority);
    expect(loose(signer.onBehalfOf)).toBe(loose(onBehalfOf));
    expect(signer.chain.map((c) => ({ prefix: c.prefix, of: loose(c.of) }))).toEqual(chain.map((c) => ({ prefix: c.prefix, of: loose(c.of) })));
    const span = signer.span!;
    expect(d.text.slice(span.start, span.end)).toContain(sig.find((l) => l.trim() !== "")!.replace(/\*/g, ""));
  });

  it("a signature above Nơi nhận (Party layout)", () => {
    const d = extract(doc(...PLAN, "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Hồ Văn Niên", "Nơi nhận:", "- Ban Tuyên giáo Trung ương (để b/c),", "- Lưu Văn phòng Tỉnh ủy."));
    expect(d.signer?.name).toBe("Hồ Văn Niên");
    expect(d.signer?.authority).toBe("TM");
  });

  it("a two-column Nơi nhận | signature block", () => {
    const d = extract(
      doc(
        ...PLAN,
        "Nơi nhận:                                      KT. GIÁM ĐỐC",
        "- UBND tỉnh (b/c);                             PHÓ GIÁM ĐỐC",
        "- Lưu: VT, NVY.",
        "",
        "                                               Nguyễn Văn An",
      ),
    );
    expect(d.signer).toMatchObject({ name: "Nguyễn Văn An", authority: "KT" });
    expect(loose(d.signer?.position)).toBe("phó giám đốc");
  });

  it.each([
    { name: "a fragment", text: doc("Kế hoạch nhằm đánh giá toàn diện công tác lãnh đạo.", "Việc tổng kết phải nghiêm túc.") },
    { name: "a plan cut before its end", text: doc(...PLAN) },
  ])("null for $name", ({ text }) => {
    expect(extract(text).signer).toBeNull();
  });

  it("warns about Nơi nhận without a signature", () => {
    const d = extract(doc(...PLAN, ...NOI_NHAN));
    expect(d.signer).toBeNull();
    expect(d.warnings.map((w) => w.code)).toContain("signer-missing");
  });
});
