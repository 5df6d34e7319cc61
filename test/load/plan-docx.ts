import { abstractNum, num, p, table, type DocxParts } from "./docx-builder.js";

/**
 * The small Kế hoạch behind fixtures/doc/plan.doc: made into a DOCX with makeDocx, then saved as
 * Word 97 by LibreOffice (`soffice --headless --convert-to doc:"MS Word 97" plan.docx`).
 */
export const PLAN_DOCX: DocxParts = {
  body: [
    table([
      [["ỦY BAN NHÂN DÂN", "HUYỆN ĐÔNG ANH"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
      [["Số: 45/KH-UBND"], ["Đông Anh, ngày 02 tháng 8 năm 2024"]],
    ]),
    p("KẾ HOẠCH"),
    p("Tuyên truyền phòng, chống dịch bệnh năm 2024"),
    '<w:p><w:r><w:t>Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>, Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:</w:t></w:r></w:p>',
    p("MỤC ĐÍCH, YÊU CẦU", { numId: 1, ilvl: 0 }),
    p("Mục đích", { numId: 1, ilvl: 1 }),
    p("Nâng cao nhận thức của người dân.", { numId: 1, ilvl: 2 }),
    p("Yêu cầu", { numId: 1, ilvl: 1 }),
    p("Bảo đảm thiết thực, hiệu quả.", { numId: 1, ilvl: 2 }),
    p("TỔ CHỨC THỰC HIỆN", { numId: 1, ilvl: 0 }),
    p("Phòng Y tế chủ trì, phối hợp với các xã triển khai Kế hoạch này.", { numId: 1, ilvl: 1 }),
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="3"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Báo cáo kết quả trước ngày 15/12/2024</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r></w:p>',
    p("Tổng hợp số liệu.", { numId: 1, ilvl: 3 }),
    table([[["Nơi nhận:", "- UBND thành phố (b/c);", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Nguyễn Văn An"]]]),
  ].join(""),
  numbering:
    abstractNum(1, [
      { format: "upperRoman", text: "%1." },
      { format: "decimal", text: "%2." },
      { format: "bullet", text: "-" },
      { format: "lowerLetter", text: "%4)" },
    ]) + num(1, 1),
  footnotes:
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Chỉ thị số 28-CT/TW về tăng cường công tác chăm sóc trẻ em.</w:t></w:r></w:p></w:footnote>' +
    '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Báo cáo gửi về Văn phòng UBND huyện</w:t></w:r></w:p><w:p><w:r><w:t>(qua hệ thống quản lý văn bản).</w:t></w:r></w:p></w:footnote>',
};
