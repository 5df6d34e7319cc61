import { describe, expect, it } from "vitest";
import { isVietnameseSyllable } from "../../../src/load/encodings/index.js";

describe("isVietnameseSyllable", () => {
  it.each([
    "Chương", "trình", "nghiêng", "người", "quốc", "khuyến", "Nguyễn", "giữ", "gìn", "thuở", "khuya", "ủy", "ỦY",
    "hoà", "hòa", "oẳn", "xoong", "được", "tuyệt", "yêu", "ạ", "Việt".normalize("NFD"),
  ])("%s is a syllable", (word) => {
    expect(isVietnameseSyllable(word)).toBe(true);
  });

  it.each([
    { word: "caùc", why: "VNI's acute mark read as ù" },
    { word: "Ch¬ng", why: "TCVN3's ơ read as ¬" },
    { word: "cỏc", why: "a hỏi tone on a syllable closed by -c" },
    { word: "tẽp", why: "a ngã tone on a syllable closed by -p" },
    { word: "Vieọt", why: "a VNI mark read as a TCVN3 letter" },
    { word: "áà", why: "two tones" },
    { word: "café", why: "f is no Vietnamese letter" },
    { word: "HĐND", why: "an abbreviation has no vowel" },
    { word: "aum", why: "a rhyme ending in a glide cannot take a final consonant" },
  ])("$word is not a syllable: $why", ({ word }) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });
});
