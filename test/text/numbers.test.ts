import { describe, expect, it } from "vitest";
import { findNumbers, normaliseNumber, readOwnNumber, typeOfNumber } from "../../src/text/numbers.js";

describe("findNumbers", () => {
  it.each([
    { name: "state plan", text: "Kế hoạch số 45/KH-UBND ngày 01/4/2021", number: "45/KH-UBND", serial: "45", year: null, typeCode: "KH", issuerCode: "UBND", family: "state", type: "KE_HOACH" },
    { name: "state, space before the slash", text: "Kế hoạch số 56 /KH-UBND", number: "56/KH-UBND", serial: "56", year: null, typeCode: "KH", issuerCode: "UBND", family: "state", type: "KE_HOACH" },
    { name: "party, spaced dash", text: "tại công văn số 2123 - CV/BTGTW ngày 13/12/2021", number: "2123-CV/BTGTW", serial: "2123", year: null, typeCode: "CV", issuerCode: "BTGTW", family: "party", type: "CONG_VAN" },
    { name: "party, en dash", text: "Chỉ thị số 20 – CT/TW", number: "20-CT/TW", serial: "20", year: null, typeCode: "CT", issuerCode: "TW", family: "party", type: "CHI_THI" },
    { name: "normative decree", text: "Nghị định 56/2017/NĐ-CP ngày 09/5/2017", number: "56/2017/NĐ-CP", serial: "56", year: 2017, typeCode: "NĐ", issuerCode: "CP", family: "normative", type: "NGHI_DINH" },
    { name: "normative circular", text: "Thông tư số 22/2021/TT-BGDĐT", number: "22/2021/TT-BGDĐT", serial: "22", year: 2021, typeCode: "TT", issuerCode: "BGDĐT", family: "normative", type: "THONG_TU" },
    { name: "law of the National Assembly", text: "Luật Trẻ em số 102/2016/QH13", number: "102/2016/QH13", serial: "102", year: 2016, typeCode: "QH13", issuerCode: "QH13", family: "normative", type: "LUAT" },
    { name: "party directive", text: "Chỉ thị số 20-CT/TW, ngày 05/11/2012", number: "20-CT/TW", serial: "20", year: null, typeCode: "CT", issuerCode: "TW", family: "party", type: "CHI_THI" },
    { name: "party regulation (QĐi)", text: "Quy định số 08-QĐi/TW", number: "08-QĐi/TW", serial: "08", year: null, typeCode: "QĐi", issuerCode: "TW", family: "party", type: "QUY_DINH" },
    { name: "party programme (CTr)", text: "Chương trình số 30-CTr/TU", number: "30-CTr/TU", serial: "30", year: null, typeCode: "CTr", issuerCode: "TU", family: "party", type: "CHUONG_TRINH" },
    { name: "party plan of a provincial committee", text: "Kế hoạch số 45-KH/TU ngày 20/02/2013", number: "45-KH/TU", serial: "45", year: null, typeCode: "KH", issuerCode: "TU", family: "party", type: "KE_HOACH" },
    { name: "Công văn: no type code", text: "Công văn số 126/SGDĐT-CTTT ngày 16/01/2018", number: "126/SGDĐT-CTTT", serial: "126", year: null, typeCode: null, issuerCode: "SGDĐT-CTTT", family: "state", type: "CONG_VAN" },
    { name: "mixed-case issuer code (TTg)", text: "Chỉ thị số 31/CT-TTg", number: "31/CT-TTg", serial: "31", year: null, typeCode: "CT", issuerCode: "TTg", family: "state", type: "CHI_THI" },
    { name: "leading zero kept in the serial", text: "Chỉ thị 09/CT-UBND ngày 14/10/2019", number: "09/CT-UBND", serial: "09", year: null, typeCode: "CT", issuerCode: "UBND", family: "state", type: "CHI_THI" },
    { name: "mixed-case unit code (GDTrH)", text: "Số: 2187/SGDĐT-GDTrH", number: "2187/SGDĐT-GDTrH", serial: "2187", year: null, typeCode: null, issuerCode: "SGDĐT-GDTrH", family: "state", type: "CONG_VAN" },
    { name: "council resolution", text: "Nghị quyết số 51/NQ-HĐND", number: "51/NQ-HĐND", serial: "51", year: null, typeCode: "NQ", issuerCode: "HĐND", family: "state", type: "NGHI_QUYET" },
  ])("$name: $number", ({ text, number, serial, year, typeCode, issuerCode, family, type }) => {
    const found = findNumbers(text);
    expect(found).toHaveLength(1);
    const n = found[0]!;
    expect(n.number).toBe(number);
    expect(text.slice(n.index, n.end)).toBe(n.raw);
    expect(n.parts).toMatchObject({ serial, year, typeCode, issuerCode, family });
    expect(typeOfNumber(n.parts)).toBe(type);
  });

  it.each([
    { name: "a spaced period of years", text: "giai đoạn 2012 - 2022" },
    { name: "a period of years", text: "giai đoạn 2021-2030" },
    { name: "a disease name", text: "phòng, chống dịch Covid-19" },
    { name: "a disease name in capitals", text: "dịch bệnh COVID-19" },
    { name: "a choice of words", text: "các tỉnh/thành phố" },
    { name: "an item label with a slash", text: "2/ Nội dung" },
    { name: "a numeric date", text: "ngày 05/11/2012" },
    { name: "a date with dots", text: "đến 31.3.2021" },
    { name: "a school year", text: "năm học 2024-2025" },
    { name: "a fraction of a page", text: "Trang 2/5" },
  ])("$name is not a number: $text", ({ text }) => {
    expect(findNumbers(text)).toEqual([]);
  });

  it("finds every number of a sentence, in order", () => {
    const text =
      "Thực hiện Kế hoạch số 902/KH-SGDĐT ngày 01/4/2021 của Sở; Kế hoạch số 99/KH-UBND ngày 31/03/2021 và Chỉ thị số 20 - CT/TW";
    expect(findNumbers(text).map((n) => n.number)).toEqual(["902/KH-SGDĐT", "99/KH-UBND", "20-CT/TW"]);
  });

});

describe("normaliseNumber", () => {
  it.each([
    { name: "spaced party number", raw: "2123 - CV/BTGTW", number: "2123-CV/BTGTW" },
    { name: "space before a slash", raw: "56 /KH-UBND", number: "56/KH-UBND" },
    { name: "en dash", raw: "20 – CT/TW", number: "20-CT/TW" },
    { name: "already normal", raw: "56/2017/NĐ-CP", number: "56/2017/NĐ-CP" },
  ])("$name: $raw -> $number", ({ raw, number }) => {
    expect(normaliseNumber(raw)).toBe(number);
  });
});

describe("readOwnNumber", () => {
  it.each([
    { name: "state number", after: "45/KH-UBND", number: "45/KH-UBND", length: 10 },
    { name: "spaced party number", after: "2123 - CV/BTGTW", number: "2123-CV/BTGTW", length: 15 },
    { name: "number followed by other text", after: "354/KH-PGDĐT   Cẩm Phả", number: "354/KH-PGDĐT", length: 12 },
  ])("$name: $after", ({ after, number, length }) => {
    const read = readOwnNumber(after);
    expect(read?.number).toBe(number);
    expect(read?.length).toBe(length);
  });

  it.each([
    { name: "an ellipsis", after: "…/KH-MTTQ-BTT", typeCode: "KH", issuerCode: "MTTQ-BTT" },
    { name: "dots", after: "...../QĐ-UBND", typeCode: "QĐ", issuerCode: "UBND" },
    { name: "spaces", after: "    /KH-UBND", typeCode: "KH", issuerCode: "UBND" },
    { name: "underscores", after: "___/TB-PGDĐT", typeCode: "TB", issuerCode: "PGDĐT" },
  ])("a serial left blank with $name gives no number but keeps the codes", ({ after, typeCode, issuerCode }) => {
    const read = readOwnNumber(after);
    expect(read).not.toBeNull();
    expect(read!.number).toBeNull();
    expect(read!.parts).toMatchObject({ serial: null, typeCode, issuerCode, family: "state" });
    expect(read!.length).toBe(after.length);
  });

  it("returns null for text that holds no number", () => {
    expect(readOwnNumber("không có số")).toBeNull();
  });
});
