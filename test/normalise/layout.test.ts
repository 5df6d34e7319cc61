import { describe, expect, it } from "vitest";
import { splitColumns, unfoldMarkdownTables } from "../../src/normalise/layout.js";

/** The lines splitColumns gives, without the blank separators it puts between columns. */
const split = (lines: string[]): string[] => splitColumns(lines).map((l) => l.text).filter((t) => t.trim() !== "");

describe("splitColumns", () => {
  it.each([
    {
      name: "header: agency | quốc hiệu, Số | date",
      lines: [
        "UBND TỈNH QUẢNG NINH                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO                 Độc lập - Tự do - Hạnh phúc",
        "Số: 45/KH-SGDĐT                     Quảng Ninh, ngày 01 tháng 4 năm 2021",
      ],
      out: [
        "UBND TỈNH QUẢNG NINH",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 45/KH-SGDĐT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Quảng Ninh, ngày 01 tháng 4 năm 2021",
      ],
    },
    {
      name: "header with tabs between the columns",
      lines: ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\t\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 120/KH-PGDĐT\t\t\t\tBảo Thắng, ngày 10 tháng 3 năm 2023"],
      out: ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Số: 120/KH-PGDĐT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bảo Thắng, ngày 10 tháng 3 năm 2023"],
    },
    {
      name: "Nơi nhận | signature, the name under an empty left column",
      lines: [
        "Nơi nhận:                                  KT. GIÁM ĐỐC",
        "- Như trên;                                PHÓ GIÁM ĐỐC",
        "- Lưu: VT, CTTT.                           (đã ký)",
        "                                           Nguyễn Văn An",
      ],
      out: ["Nơi nhận:", "- Như trên;", "- Lưu: VT, CTTT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(đã ký)", "Nguyễn Văn An"],
    },
    {
      name: "Nơi nhận running on below the signature's position",
      lines: [
        "Nơi nhận:                                      KT. GIÁM ĐỐC",
        "- UBND tỉnh (b/c);                             PHÓ GIÁM ĐỐC",
        "- Lưu: VT, NVY.",
        "",
        "                                               Nguyễn Văn An",
      ],
      out: ["Nơi nhận:", "- UBND tỉnh (b/c);", "- Lưu: VT, NVY.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"],
    },
  ])("$name", ({ lines, out }) => {
    expect(split(lines)).toEqual(out);
  });

  it("puts the left column before the right one, each closed by a blank line", () => {
    const out = splitColumns(["UBND TỈNH LÀO CAI                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]).map((l) => l.text);
    expect(out).toEqual(["UBND TỈNH LÀO CAI", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ""]);
  });

  it.each([
    { name: "single-column text", lines: ["KẾ HOẠCH", "Phòng, chống đuối nước", "I. MỤC ĐÍCH"] },
    { name: "a short gap inside a sentence", lines: ["Tổ chức    tập huấn cho giáo viên."] },
    { name: "an indented paragraph", lines: ["        Thực hiện Kế hoạch số 45/KH-UBND của UBND tỉnh."] },
  ])("leaves $name as it is", ({ lines }) => {
    expect(splitColumns(lines).map((l) => l.text)).toEqual(lines);
  });

  it("ends a run at a body line at the left margin", () => {
    const out = split(["Nơi nhận:                                  HIỆU TRƯỞNG", "- Như trên.", "Trên đây là kế hoạch của nhà trường."]);
    expect(out).toEqual(["Nơi nhận:", "- Như trên.", "HIỆU TRƯỞNG", "Trên đây là kế hoạch của nhà trường."]);
  });
});

describe("unfoldMarkdownTables", () => {
  it.each([
    {
      name: "a header table read column by column, separator row dropped",
      lines: [
        "| UBND TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
        "|---|---|",
        "| SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG | Độc lập - Tự do - Hạnh phúc |",
      ],
      out: ["UBND TỈNH LÀO CAI", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""],
    },
    {
      name: "cells broken by <br>",
      lines: ["| UBND TỈNH LÀO CAI<br>SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc |"],
      out: ["UBND TỈNH LÀO CAI", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""],
    },
    {
      name: "text around a table kept in place",
      lines: ["Trước bảng", "| A | B |", "Sau bảng"],
      out: ["Trước bảng", "A", "", "B", "", "Sau bảng"],
    },
  ])("$name", ({ lines, out }) => {
    expect(unfoldMarkdownTables(lines)).toEqual(out);
  });

  it("leaves lines that merely contain a pipe", () => {
    const lines = ["Số điện thoại | 0203 3825 123", "Không có bảng"];
    expect(unfoldMarkdownTables(lines)).toEqual(lines);
  });
});
