import { describe, expect, it } from "vitest";
import { citationKey, issuersCompatible, issuerSlug, partyTerm } from "../../src/graph/keys.js";
import { findNumbers } from "../../src/text/numbers.js";
import type { Citation } from "../../src/index.js";

/** A citation as the extractor would give it, from the number as written. */
function cited(number: string | null, fields: Partial<Pick<Citation, "date" | "issuer" | "name" | "documentType">> = {}): Parameters<typeof citationKey>[0] {
  const found = number === null ? null : findNumbers(number)[0];
  if (number !== null && found === undefined) throw new Error(`not a number: ${number}`);
  return {
    documentType: fields.documentType ?? null,
    number: found?.number ?? null,
    numberParts: found?.parts ?? null,
    name: fields.name ?? null,
    date: fields.date ?? null,
    issuer: fields.issuer ?? null,
    raw: number ?? fields.name ?? "",
  };
}

describe("document keys", () => {
  it.each([
    { name: "a state number is scoped by the year of its date", citation: cited("45/KH-UBND", { date: "2023-03-01" }), key: "KE_HOACH:45/KH-UBND@2023" },
    { name: "a normative number is scoped by the year written inside it", citation: cited("56/2017/NĐ-CP", { date: "2017-05-09" }), key: "NGHI_DINH:56/2017/NĐ-CP@2017" },
    { name: "a normative number keeps its scope when the date is not stated", citation: cited("56/2017/NĐ-CP"), key: "NGHI_DINH:56/2017/NĐ-CP@2017" },
    { name: "a central Party number is scoped by the term of its date", citation: cited("20-CT/TW", { date: "2012-11-05" }), key: "CHI_THI:20-CT/TW@khoa-XI" },
    { name: "a central Party number after the 2016 congress is in the next term", citation: cited("05-CT/TW", { date: "2016-05-15" }), key: "CHI_THI:05-CT/TW@khoa-XII" },
    { name: "a provincial Party number is scoped by the provincial term", citation: cited("09-TT/TU", { date: "2007-07-03" }), key: "THONG_TRI:09-TT/TU@nk-2005-2010" },
    { name: "a number without a date has an unknown scope", citation: cited("11-CT/TW"), key: "CHI_THI:11-CT/TW@?" },
    { name: "the type comes from the number's type code, not the word before it", citation: cited("974/KH-PGDĐT", { documentType: "CONG_VAN", date: "2024-08-01" }), key: "KE_HOACH:974/KH-PGDĐT@2024" },
    { name: "letter case and spacing of the number do not matter", citation: cited("588/QĐ-TTg", { date: "2019-05-17" }), key: "QUYET_DINH:588/QĐ-TTG@2019" },
    { name: "a Luật cited by name and date is keyed by its name", citation: cited(null, { name: "Luật Trẻ em", documentType: "LUAT", date: "2016-04-05" }), key: "LUAT:luat-tre-em@2016" },
  ])("$name", ({ citation, key }) => {
    expect(citationKey(citation).node).toBe(key);
  });

  it.each([
    { name: "the same state number in two years", a: cited("45/KH-UBND", { date: "2023-03-01" }), b: cited("45/KH-UBND", { date: "2024-03-01" }) },
    { name: "the same state number from two issuers", a: cited("45/KH-UBND", { date: "2023-03-01", issuer: "UBND tỉnh Quảng Ninh" }), b: cited("45/KH-UBND", { date: "2023-05-01", issuer: "UBND huyện Ba Chẽ" }) },
    { name: "the same Party number in two terms", a: cited("20-CT/TW", { date: "2012-11-05" }), b: cited("20-CT/TW", { date: "2018-01-05" }) },
  ])("keys differ for $name", ({ a, b }) => {
    expect(citationKey(a).key).not.toBe(citationKey(b).key);
  });

  it("keeps the raw form and the issuer beside the key", () => {
    const key = citationKey(cited("20 - CT/TW", { date: "2012-11-05", issuer: "Bộ Chính trị" }));
    expect(key).toMatchObject({ key: "CHI_THI:20-CT/TW@khoa-XI#trung-uong", raw: "20 - CT/TW", group: "party:CHI_THI:20", issuer: "trung-uong" });
  });

  it.each([
    { date: "2011-01-18", code: "TW", term: "khoa-X" },
    { date: "2011-01-19", code: "TW", term: "khoa-XI" },
    { date: "2016", code: "TW", term: null },
    { date: "2017", code: "TW", term: "khoa-XII" },
    { date: "2015-09-30", code: "TU", term: "nk-2010-2015" },
    { date: "2015-10-01", code: "TU", term: "nk-2015-2020" },
    { date: "2015", code: "TU", term: null },
  ])("the Party term of $date under /$code is $term", ({ date, code, term }) => {
    expect(partyTerm(date, code)).toBe(term);
  });
});

describe("issuers", () => {
  it.each([
    { a: "UBND tỉnh", b: "Ủy ban nhân dân tỉnh Quảng Ninh", compatible: true },
    { a: "Tỉnh ủy", b: "Ban Thường vụ Tỉnh ủy", compatible: true },
    { a: "Bộ Chính trị", b: "Ban Bí thư", compatible: true },
    { a: "Sở GD&ĐT", b: "Sở Giáo dục và Đào tạo", compatible: true },
    { a: "UBND tỉnh Quảng Ninh", b: "UBND huyện Ba Chẽ", compatible: false },
    { a: "Bộ Chính trị", b: "Ban Tuyên giáo Trung ương", compatible: false },
  ])("$a and $b may be one issuer: $compatible", ({ a, b, compatible }) => {
    expect(issuersCompatible(issuerSlug(a), issuerSlug(b))).toBe(compatible);
  });
});
