import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/pipeline/run.js";
import { applyCorrections, checkCorrectable, CorrectionError, makeCorrection, parsePointer } from "../../src/review/corrections.js";
import { fixture } from "../http/helpers.js";

const DOCUMENT = extract(readFileSync(fixture("http", "report-citing-seed-002.txt"), "utf8"), { fileName: "report.txt" });
const MADE = { id: "cr_0123456789abcdef", at: new Date("2026-12-04T10:00:00Z"), by: "unknown" };

describe("JSON pointers", () => {
  it.each([
    { pointer: "/title", tokens: ["title"] },
    { pointer: "/citations/0/number", tokens: ["citations", "0", "number"] },
    { pointer: "/a~1b/c~0d", tokens: ["a/b", "c~d"] },
    { pointer: "/", tokens: [""] },
  ])("$pointer reads as $tokens", ({ pointer, tokens }) => {
    expect(parsePointer(pointer)).toEqual(tokens);
  });
  it("a pointer without the leading slash is refused", () => {
    expect(() => parsePointer("title")).toThrow(CorrectionError);
  });
  it.each([
    { pointer: "/number", value: "95/BC-MNHL" },
    { pointer: "/signer/name", value: "Nguyễn Thị Hoa" },
    { pointer: "/citations/0/number", value: "89/KH-MNHL" },
    { pointer: `/recipients/${DOCUMENT.recipients.length}`, value: undefined },
  ])("the machine's value at $pointer is $value", ({ pointer, value }) => {
    expect(checkCorrectable(DOCUMENT, pointer)).toEqual(value);
  });
});

describe("what may be corrected", () => {
  it.each(["/title", "/issueDate", "/signer/name", "/signer/authority", "/citations/1/date", "/recipients/0/action", `/recipients/${DOCUMENT.recipients.length}`])("%s may be corrected", (pointer) => {
    expect(() => checkCorrectable(DOCUMENT, pointer)).not.toThrow();
  });
  it.each([
    { pointer: "/id", why: "the id is the document's own record" },
    { pointer: "/text", why: "spans point into the text" },
    { pointer: "/source/fileName", why: "the source is a record of the input" },
    { pointer: "/warnings/0", why: "warnings are the machine's" },
    { pointer: "/colour", why: "no such member" },
    { pointer: "/signer/name/first", why: "a string has no members" },
    { pointer: "/citations/x", why: "an array index must be a number" },
    { pointer: "/citations/9/number", why: "past the end of the list" },
    { pointer: "/citations/01/number", why: "an index has no leading zero" },
  ])("$pointer may not: $why", ({ pointer }) => {
    expect(() => checkCorrectable(DOCUMENT, pointer)).toThrow(CorrectionError);
  });
});

describe("applying corrections", () => {
  it("a correction keeps the machine's value and leaves the machine's document as it was", () => {
    const { correction, document } = makeCorrection(DOCUMENT, [], { field: "/place", value: "Thừa Thiên Huế", by: "Lan" }, MADE);
    expect(correction).toMatchObject({ field: "/place", value: "Thừa Thiên Huế", machineValue: "Huế", by: "Lan", at: "2026-12-04T10:00:00.000Z", note: null });
    expect(document.place).toBe("Thừa Thiên Huế");
    expect(DOCUMENT.place).toBe("Huế");
  });
  it("a later correction of the same field wins, and both stay in the history", () => {
    const first = makeCorrection(DOCUMENT, [], { field: "/place", value: "Huế cũ" }, MADE).correction;
    const second = makeCorrection(DOCUMENT, [first], { field: "/place", value: "Thành phố Huế" }, { ...MADE, id: "cr_fedcba9876543210" }).correction;
    const reviewed = applyCorrections(DOCUMENT, [first, second]);
    expect(reviewed.place).toBe("Thành phố Huế");
    expect(reviewed.corrections.map((c) => c.value)).toEqual(["Huế cũ", "Thành phố Huế"]);
    expect(second.machineValue).toBe("Huế");
  });
  it("correcting the type's code brings the type's name along", () => {
    const { document } = makeCorrection(DOCUMENT, [], { field: "/documentType/code", value: "THONG_BAO" }, MADE);
    expect(document.documentType).toMatchObject({ code: "THONG_BAO", name: "Thông báo" });
  });
  it("a whole object may replace a null the machine left", () => {
    const { document } = makeCorrection(DOCUMENT, [], { field: "/citations/0/issuer", value: "Trường Mầm non Hương Lưu" }, MADE);
    expect(document.citations[0]?.issuer).toBe("Trường Mầm non Hương Lưu");
  });
  it.each([
    { field: "/issueDate", value: "20/12/2024", why: "a date not in ISO form" },
    { field: "/documentType/code", value: "THU_TAY", why: "a type code not in the list" },
    { field: "/signer/authority", value: "XX", why: "an authority prefix not in the list" },
    { field: "/recipients", value: "everyone", why: "a list replaced by a string" },
  ])("a value the schema refuses is refused: $why", ({ field, value }) => {
    expect(() => makeCorrection(DOCUMENT, [], { field, value }, MADE)).toThrow(CorrectionError);
  });
});
