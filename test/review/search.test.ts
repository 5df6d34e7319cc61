import { describe, expect, it } from "vitest";
import type { DocumentFact } from "../../src/graph/facts.js";
import { search, searchQuerySchema, searchText } from "../../src/review/search.js";

const fact = (id: string, over: Partial<DocumentFact>): DocumentFact => ({
  id: `vb_${id.padStart(24, "0")}`,
  fileName: null,
  documentType: "KE_HOACH",
  number: null,
  numberParts: null,
  issueDate: null,
  issuer: null,
  title: null,
  citations: [],
  selfReferences: 0,
  ...over,
});

const FACTS = [
  fact("1", { number: "45/KH-UBND", issueDate: "2024-08-02", issuer: "Ủy ban nhân dân huyện Cam Lâm", title: "Phòng, chống đuối nước trẻ em" }),
  fact("2", { documentType: "CHI_THI", number: "20-CT/TW", issueDate: "2023-01", issuer: "Bộ Chính trị", title: "Tăng cường công tác trẻ em" }),
  fact("3", { documentType: "QUYET_DINH", number: "12/2024/QĐ-UBND", issueDate: "2024", issuer: "Ủy ban nhân dân tỉnh Khánh Hòa" }),
  fact("4", { title: "Kế hoạch không ngày" }),
];

const ids = (query: Record<string, string | undefined>): string[] => search(FACTS, searchQuerySchema.parse(query), searchText).facts.map((f) => f.id.replace(/^vb_0+/, ""));

describe("search", () => {
  it.each([
    { why: "no filter: all, newest first, undated last", query: {}, expected: ["1", "3", "2", "4"] },
    { why: "a month date is within a range that starts inside it", query: { from: "2023-01-15", to: "2023-12-31" }, expected: ["2"] },
    { why: "a year-only date is within a range of that year", query: { from: "2024-03-01", to: "2024-03-31" }, expected: ["3"] },
    { why: "undated documents drop out of a date range", query: { to: "2030" }, expected: ["1", "3", "2"] },
    { why: "a normative number matched without diacritics or case", query: { number: "12/2024/qd-ubnd" }, expected: ["3"] },
    { why: "a number with spaces typed around the slash", query: { number: "45 / KH-UBND" }, expected: ["1"] },
    { why: "a type name without diacritics", query: { type: "chi thi" }, expected: ["2"] },
    { why: "an unknown type finds nothing", query: { type: "thư tình" }, expected: [] },
    { why: "issuer words must all be there, as words", query: { issuer: "ủy ban cam lâm" }, expected: ["1"] },
    { why: "q looks in the title", query: { q: "đuối nước" }, expected: ["1"] },
    { why: "q looks in the number too", query: { q: "20-ct/tw" }, expected: ["2"] },
    { why: "q needs every word", query: { q: "trẻ em khánh hòa" }, expected: [] },
    { why: "q looks in the issuer", query: { q: "trẻ em bộ chính trị" }, expected: ["2"] },
  ])("$why", ({ query, expected }) => {
    expect(ids(query)).toEqual(expected);
  });
});
