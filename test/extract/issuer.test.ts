import { describe, expect, it } from "vitest";
import { extract } from "../../src/index.js";

const doc = (...lines: string[]): string => lines.join("\n");
const PLAN = ["KẾ HOẠCH", "Phòng, chống đuối nước cho học sinh", "", "I. MỤC ĐÍCH", "- Nâng cao nhận thức của học sinh."];
/** Lower case, single spaces: the scorer's comparison (GOLD.md), for the cases that are not about case. */
const loose = (s: string | null | undefined): string | null => (s == null ? null : s.toLocaleLowerCase("vi").replace(/\s+/g, " ").trim());

describe("issuer from the header", () => {
  it.each([
    {
      name: "committee over two lines",
      header: ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 12/KH-UBND"],
      issuer: "Ủy ban nhân dân tỉnh Lào Cai",
      parent: null,
    },
    {
      name: "kindergarten under a city committee",
      header: ["UBND THÀNH PHỐ HUẾ", "TRƯỜNG MẦM NON HƯƠNG LƯU", "Số: 89/KH-MNHL"],
      issuer: "Trường Mầm non Hương Lưu",
      parent: "UBND thành phố Huế",
    },
    {
      name: "an office named only 'VĂN PHÒNG', under its committee",
      header: ["UBND TỈNH QUẢNG NAM", "VĂN PHÒNG", "Số: 88/TB-VPUBND"],
      issuer: "Văn phòng UBND tỉnh Quảng Nam",
      parent: "UBND tỉnh Quảng Nam",
    },
  ])("$name -> $issuer", ({ header, issuer, parent }) => {
    const d = extract(doc(...header, ...PLAN));
    expect(d.issuer?.name).toBe(issuer);
    expect(d.issuer?.evidence).toBe("header");
    if (parent !== null) expect(d.issuer?.parent).toBe(parent);
  });

  it.each([
    {
      name: "department under a district committee",
      header: ["UBND HUYỆN BẢO THẮNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Số: 120/KH-PGDĐT"],
      issuer: "Phòng Giáo dục và Đào tạo huyện Bảo Thắng",
    },
    {
      name: "two-column header in layout mode",
      header: [
        "UBND THÀNH PHỐ CẨM PHẢ                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO                Độc lập - Tự do - Hạnh phúc",
        "Số: 354/KH-PGDĐT                     Cẩm Phả, ngày 11 tháng 5 năm 2021",
      ],
      issuer: "Phòng Giáo dục và Đào tạo thành phố Cẩm Phả",
    },
    {
      name: "Party standing committee under a provincial committee",
      header: ["TỈNH ỦY QUẢNG NAM", "BAN THƯỜNG VỤ", "Số: 30-KH/TU"],
      issuer: "Ban Thường vụ Tỉnh ủy Quảng Nam",
    },
  ])("$name: the full name with the parent's locality", ({ header, issuer }) => {
    const d = extract(doc(...header, ...PLAN));
    expect(loose(d.issuer?.name)).toBe(loose(issuer));
    expect(d.issuer?.evidence).toBe("header");
  });

  it("UBND TỈNH LÀO CAI / SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG: the Sở, with its parent in normal case", () => {
    const d = extract(doc("UBND TỈNH LÀO CAI", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số: 45/KH-SNNMT", "Lào Cai, ngày 05 tháng 3 năm 2025", ...PLAN));
    expect(d.issuer?.evidence).toBe("header");
    expect(d.issuer?.parent).toBe("UBND tỉnh Lào Cai");
    expect(loose(d.issuer?.name)).toMatch(/^sở nông nghiệp và môi trường/u);
  });

  // BUG (casing.ts): the specific name after "Sở"/"Phòng" is lower-cased: "Sở nông nghiệp và Môi
  // trường", "Phòng giáo dục và Đào tạo ...". See test/text/casing.test.ts.
  it.each([
    { name: "Sở", header: ["UBND TỈNH LÀO CAI", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"], prefix: "Sở Nông nghiệp và Môi trường" },
    { name: "Phòng", header: ["UBND HUYỆN BẢO THẮNG", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"], prefix: "Phòng Giáo dục và Đào tạo" },
  ])("the $name's name is written in normal case", ({ header, prefix }) => {
    const d = extract(doc(...header, "Số: 45/KH-UBND", ...PLAN));
    expect(d.issuer?.name.startsWith(prefix)).toBe(true);
  });

  // BUG (issuer.ts): TAKES_PARENT_LOCALITY is /^(?:sở|phòng|ban|...)\b/u; JavaScript's \b is
  // ASCII-only and never matches after the final "ở" of "sở", so a Sở never gets the locality of
  // its parent agency while a Phòng does.
  it("a Sở takes the locality of its parent: Sở Nông nghiệp và Môi trường tỉnh Lào Cai", () => {
    const d = extract(doc("UBND TỈNH LÀO CAI", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số: 45/KH-SNNMT", ...PLAN));
    expect(loose(d.issuer?.name)).toBe("sở nông nghiệp và môi trường tỉnh lào cai");
  });
});

describe("issuer from the body", () => {
  it.each([
    {
      name: "Phòng GDĐT with its abbreviation, completed by the place of the date line",
      lines: [
        "Số: 354/KH-PGDĐT",
        "Cẩm Phả, ngày 11 tháng 5 năm 2021",
        "KẾ HOẠCH",
        "Thực hiện Chương trình hành động quốc gia vì trẻ em",
        "",
        "Thực hiện Kế hoạch số 99/KH-UBND ngày 31/03/2021 của Ủy ban nhân dân thành phố, Phòng Giáo dục và Đào tạo (GDĐT) thành phố xây dựng Kế hoạch triển khai thực hiện với các nội dung cụ thể như sau:",
        "I. MỤC ĐÍCH",
      ],
      issuer: "Phòng Giáo dục và Đào tạo thành phố Cẩm Phả",
      shortName: "GDĐT",
    },
    {
      name: "a school",
      lines: [
        "KẾ HOẠCH",
        "Thực hiện Chỉ thị số 28-CT/TW",
        "",
        "- Thực hiện Công văn 974/KH-PGDĐT ngày 01/8/2024 của Phòng GD&ĐT TP Huế,",
        "Trường Mầm non Hương Lưu xây dựng kế hoạch thực hiện như sau:",
        "I. MỤC ĐÍCH",
      ],
      issuer: "Trường Mầm non Hương Lưu",
      shortName: null,
    },
    {
      name: "a ministry with its abbreviation right before the verb",
      lines: [
        "KẾ HOẠCH",
        "Tổng kết 10 năm thực hiện Chỉ thị số 20-CT/TW",
        "",
        "Thực hiện Kế hoạch của Ban Tuyên giáo Trung ương tại công văn số 2123 - CV/BTGTW ngày 13/12/2021, Bộ Giáo dục và Đào tạo (GDĐT) xây dựng kế hoạch tổ chức Hội nghị tổng kết như sau:",
        "I. MỤC ĐÍCH",
      ],
      issuer: "Bộ Giáo dục và Đào tạo",
      shortName: "GDĐT",
    },
  ])("$name -> $issuer", ({ lines, issuer, shortName }) => {
    const d = extract(doc(...lines));
    expect(d.issuer?.name).toBe(issuer);
    expect(d.issuer?.evidence).toBe("body");
    if (shortName !== null) expect(d.issuer?.shortName).toBe(shortName);
    const span = d.issuer!.span!;
    expect(d.text.slice(span.start, span.end).startsWith(issuer.split(" ")[0]!)).toBe(true);
  });

  it("a unit building some other paper in a headless fragment is not the issuer", () => {
    const d = extract(
      doc(
        "Kế hoạch nhằm đánh giá toàn diện 10 năm thực hiện Nghị quyết số 29-NQ/TW.",
        "Đối với cấp tỉnh: Giao Ban Cán sự Đảng Ủy ban nhân dân tỉnh chỉ đạo Sở Giáo dục và Đào tạo tiến hành tổng kết. Đảng đoàn Hội đồng nhân dân tỉnh xây dựng báo cáo tổng kết thực hiện Nghị quyết số 29-NQ/TW.",
      ),
    );
    expect(d.issuer).toBeNull();
    expect(d.warnings.map((w) => w.code)).toContain("issuer-missing");
  });
});

describe("issuer from the signature or the number", () => {
  it.each([
    { name: "T/M BAN THƯỜNG VỤ", sig: ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Hồ Văn Niên"], issuer: "Ban Thường vụ" },
    { name: "TM. ỦY BAN NHÂN DÂN", sig: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Sơn"], issuer: "Ủy ban nhân dân" },
  ])("only a signature, $name -> $issuer", ({ sig, issuer }) => {
    const d = extract(doc(...PLAN, ...sig));
    expect(d.issuer?.name).toBe(issuer);
    expect(d.issuer?.evidence).toBe("signature");
  });

  it("a signature without TM names no issuer", () => {
    const d = extract(doc(...PLAN, "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Ngô Thị Minh"));
    expect(d.issuer).toBeNull();
  });

  it("only a number: the issuer code spelt out", () => {
    const d = extract(doc("Số: 120/KH-PGDĐT", ...PLAN));
    expect(d.issuer?.name).toBe("Phòng Giáo dục và Đào tạo");
    expect(d.issuer?.shortName).toBe("PGDĐT");
    expect(d.issuer?.evidence).toBe("number");
  });

  it("nothing names it: null with a warning", () => {
    const d = extract(doc(...PLAN));
    expect(d.issuer).toBeNull();
    expect(d.warnings.map((w) => w.code)).toContain("issuer-missing");
  });
});
