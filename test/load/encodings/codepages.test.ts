import { describe, expect, it } from "vitest";
import { latin1, windows1252FromLatin1, windows1258FromLatin1 } from "../../../src/load/encodings/codepages.js";
import { encodeLegacyBytes } from "../../../src/load/encodings/index.js";
import { ALL_LETTERS } from "./letters.js";

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, byte) => byte);

describe("Windows-1258", () => {
  it("decodes every byte as the WHATWG windows-1258 index does (Node's TextDecoder)", () => {
    const ours = windows1258FromLatin1(latin1(ALL_BYTES)).normalize("NFD");
    const whatwg = new TextDecoder("windows-1258").decode(ALL_BYTES).normalize("NFD");
    expect(ours).toBe(whatwg);
  });

  it.each([
    { name: "a tone byte after a vowel composes into one letter", bytes: [0x56, 0x69, 0xea, 0xf2, 0x74], text: "Việt" },
    { name: "ơ, ư, đ and ă have bytes of their own", bytes: [0xf0, 0xfd, 0xf5, 0xe3], text: "đươă" },
    { name: "a precomposed Latin-1 vowel needs no tone byte", bytes: [0x63, 0xe1, 0x63], text: "các" },
    { name: "0x80–0x9F are Windows punctuation", bytes: [0x93, 0x96, 0x94, 0x85], text: "“–”…" },
  ])("$name", ({ bytes, text }) => {
    expect(windows1258FromLatin1(latin1(Uint8Array.from(bytes)))).toBe(text);
  });

  it.each(ALL_LETTERS)("%s encodes and decodes back", (letter) => {
    expect(windows1258FromLatin1(latin1(encodeLegacyBytes(letter, "windows-1258")))).toBe(letter);
  });

  it("refuses a character the code page lacks, naming it", () => {
    expect(() => encodeLegacyBytes("→", "windows-1258")).toThrow(/U\+2192.*windows-1258/);
  });
});

describe("Windows-1252 under TCVN3 and VNI bytes", () => {
  it.each([
    { name: "curly quotes", bytes: [0x93, 0x94, 0x91, 0x92], text: "“”‘’" },
    { name: "dashes and the ellipsis", bytes: [0x96, 0x97, 0x85], text: "–—…" },
    { name: "bytes from 0xA0 up are unchanged", bytes: [0xa0, 0xac, 0xff], text: "\u00a0\u00ac\u00ff" },
  ])("$name decode as Windows does", ({ bytes, text }) => {
    expect(windows1252FromLatin1(latin1(Uint8Array.from(bytes)))).toBe(text);
  });

  it("writes curly quotes in TCVN3 bytes as Windows-1252 bytes", () => {
    expect([...encodeLegacyBytes("“Đ”", "tcvn3")]).toEqual([0x93, 0xa7, 0x94]);
  });

  it("refuses a character outside Windows-1252 in VNI bytes", () => {
    expect(() => encodeLegacyBytes("☎", "vni")).toThrow(RangeError);
  });
});
