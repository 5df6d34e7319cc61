import { describe, expect, it } from "vitest";
import { textLayerQuality } from "../../src/load/pdf/load.js";

/** The regex reading the single pass replaced: the pass must judge every page as it did. */
function byRegexes(text: string, minLetters: number): "usable" | "sparse" | "garbage" {
  const count = (re: RegExp): number => text.length - text.replace(re, "").length;
  const visible = text.length - count(/\s/gu);
  const garbage = count(/[\ufffd\ue000-\uf8ff\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu);
  if (visible > 0 && garbage / visible > 0.3) return "garbage";
  return count(/\p{L}/gu) >= minLetters ? "usable" : "sparse";
}

describe("a PDF page's text layer", () => {
  it.each([
    ["a typed Vietnamese page is usable", "KẾ HOẠCH\nTriển khai thực hiện Chỉ thị số 20-CT/TW", 20, "usable"],
    ["a page with only a signer's name is sparse", "Nguyễn Văn An", 20, "sparse"],
    ["a blank page is sparse", " \n\t ", 20, "sparse"],
    ["glyphs without Unicode are garbage", "\ue001\ue002\ue003 ab", 1, "garbage"],
    ["replacement characters over a third of the page are garbage", "\ufffd\ufffd ab", 1, "garbage"],
    ["controls count as garbage, form feeds too", "\u0001\u0002\u000c abc", 1, "garbage"],
    ["no-break and ideographic spaces are not text", "\u00a0\u3000\u2009ab", 2, "usable"],
    ["letters beyond the basic plane count as their two code units", "𝐀b", 3, "usable"],
    ["a lone high surrogate is one character, and what follows it is read", "\ud800\ufffd", 1, "garbage"],
    ["a lone high surrogate before a space", "\ud800 ab", 3, "sparse"],
    ["digits and punctuation are not letters", "12/2021 - 3.4", 1, "sparse"],
  ] as const)("%s", (_, text, minLetters, expected) => {
    expect(textLayerQuality(text, minLetters)).toBe(expected);
    expect(byRegexes(text, minLetters)).toBe(expected);
  });
});
