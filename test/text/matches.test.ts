import { describe, expect, it } from "vitest";
import { matchesOf } from "../../src/text/matches.js";

const viaMatchAll = (re: RegExp, text: string): Array<[string, number]> => [...text.matchAll(re)].map((m) => [m[0], m.index]);
const viaMatchesOf = (re: RegExp, text: string): Array<[string, number]> => matchesOf(re, text).map((m) => [m[0], m.index]);

describe("matchesOf", () => {
  it.each([
    { name: "words", re: /[\p{L}]+/gu, text: "Kế hoạch số 12/KH-UBND ngày 05/11/2012" },
    { name: "empty matches, moved past a surrogate pair as a whole", re: /x*/gu, text: "a😀xxb" },
    { name: "empty matches without /u", re: /x*/g, text: "a😀xxb" },
    { name: "no match", re: /\d+/g, text: "không có số" },
  ])("gives what matchAll gives: $name", ({ re, text }) => {
    expect(viaMatchesOf(re, text)).toEqual(viaMatchAll(re, text));
    expect(re.lastIndex).toBe(0);
  });

  it("refuses an expression without /g, as matchAll does", () => {
    expect(() => matchesOf(/a/, "a")).toThrow(TypeError);
  });
});
