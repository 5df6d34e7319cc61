import { describe, expect, it } from "vitest";
import { decodeByFont, encodingOfFont } from "../../../src/load/encodings/index.js";

describe("encodingOfFont", () => {
  it.each([
    { name: "the TCVN3 Times", font: ".VnTime", encoding: "tcvn3", upperCase: false },
    { name: "its H font draws capitals", font: ".VnTimeH", encoding: "tcvn3", upperCase: true },
    { name: "a TCVN3 family with a space in its name", font: ".VnArial Narrow", encoding: "tcvn3", upperCase: false },
    { name: "the H font of that family", font: ".VnArial NarrowH", encoding: "tcvn3", upperCase: true },
    { name: "a PDF subset with a style after a comma", font: "ABCDEF+.VnTimeH,Bold", encoding: "tcvn3", upperCase: true },
    { name: "a PostScript name without the dot, style after a hyphen", font: "VnTimeH-BoldItalic", encoding: "tcvn3", upperCase: true },
    { name: "a TCVN3 font with a Bold suffix", font: ".VnTime Bold", encoding: "tcvn3", upperCase: false },
    { name: "the VNI Times", font: "VNI-Times", encoding: "vni", upperCase: false },
    { name: "a VNI font whose name ends in H", font: "VNI-Helve", encoding: "vni", upperCase: false },
    { name: "a VNI font with a hyphenated family", font: "VNI-Helve-Condense", encoding: "vni", upperCase: false },
    { name: "a VNI font in a PDF subset with a style", font: "QWERTY+VNI-Times,Italic", encoding: "vni", upperCase: false },
  ])("$name ($font) is $encoding, upper case $upperCase", ({ font, encoding, upperCase }) => {
    expect(encodingOfFont(font)).toEqual({ encoding, upperCase });
  });

  it.each(["Times New Roman", "Arial", "ABCDEF+TimesNewRomanPSMT", "VISCII Times", "Vnexpress", ""])("%j is no legacy font", (font) => {
    expect(encodingOfFont(font)).toBeNull();
  });
});

describe("decodeByFont", () => {
  it.each([
    { name: "a run in .VnTime is TCVN3", text: "ñy ban nh©n d©n", font: ".VnTime", decoded: "ủy ban nhân dân" },
    { name: "a run in .VnTimeH is TCVN3 in capitals", text: "ñy ban nh©n d©n", font: ".VnTimeH", decoded: "ỦY BAN NHÂN DÂN" },
    { name: "a text item in VNI-Times is VNI", text: "Vieät Nam", font: "ABCDEF+VNI-Times", decoded: "Việt Nam" },
    { name: "a run in a Unicode font is left as it is, even if it looks legacy", text: "Vieät Nam", font: "Times New Roman", decoded: "Vieät Nam" },
  ])("$name", ({ text, font, decoded }) => {
    expect(decodeByFont(text, font)).toBe(decoded);
  });
});
