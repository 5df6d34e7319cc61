import { describe, expect, it } from "vitest";
import { decodeLegacy, encodeLegacy } from "../../../src/load/encodings/index.js";
import { phrasesBothWays, type Phrase } from "./both-ways.js";
import { ALL_LETTERS } from "./letters.js";

/**
 * One row for each VNI code: the single-byte letters and every mark byte, lower and upper case,
 * as xvnkb's vni.h and VBKey's VNI_WINDOWS_TABLE list them.
 */
const CODES = [
  ["á", "aù"], ["à", "aø"], ["ả", "aû"], ["ã", "aõ"], ["ạ", "aï"],
  ["â", "aâ"], ["ấ", "aá"], ["ầ", "aà"], ["ẩ", "aå"], ["ẫ", "aã"], ["ậ", "aä"],
  ["ă", "aê"], ["ắ", "aé"], ["ằ", "aè"], ["ẳ", "aú"], ["ẵ", "aü"], ["ặ", "aë"],
  ["í", "í"], ["ì", "ì"], ["ỉ", "æ"], ["ĩ", "ó"], ["ị", "ò"], ["ỵ", "î"], ["ỳ", "yø"],
  ["ơ", "ô"], ["ớ", "ôù"], ["ư", "ö"], ["ự", "öï"], ["đ", "ñ"],
  ["Á", "AÙ"], ["À", "AØ"], ["Ả", "AÛ"], ["Ã", "AÕ"], ["Ạ", "AÏ"],
  ["Â", "AÂ"], ["Ấ", "AÁ"], ["Ầ", "AÀ"], ["Ẩ", "AÅ"], ["Ẫ", "AÃ"], ["Ậ", "AÄ"],
  ["Ă", "AÊ"], ["Ắ", "AÉ"], ["Ằ", "AÈ"], ["Ẳ", "AÚ"], ["Ẵ", "AÜ"], ["Ặ", "AË"],
  ["Í", "Í"], ["Ì", "Ì"], ["Ỉ", "Æ"], ["Ĩ", "Ó"], ["Ị", "Ò"], ["Ỵ", "Î"],
  ["Ơ", "Ô"], ["Ờ", "ÔØ"], ["Ư", "Ö"], ["Ữ", "ÖÕ"], ["Đ", "Ñ"], ["Ễ", "EÃ"], ["Ộ", "OÄ"],
] as const;

const PHRASES: Phrase[] = [
  { name: "the country's name", legacy: "Vieät Nam", unicode: "Việt Nam" },
  { name: "a greeting from a converter's README", legacy: "Xin chaøo caùc baïn", unicode: "Xin chào các bạn" },
  { name: "the national name in capitals", legacy: "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", unicode: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" },
  { name: "the motto", legacy: "Ñoäc laäp - Töï do - Haïnh phuùc", unicode: "Độc lập - Tự do - Hạnh phúc" },
  { name: "ươ with a tone on ơ", legacy: "Tröôøng maàm non Höông Löu", unicode: "Trường mầm non Hương Lưu" },
  { name: "ỵ and ỷ", legacy: "Quî hoã trôï, UÛy ban", unicode: "Quỵ hỗ trợ, Ủy ban" },
  { name: "a legal basis line", legacy: "Caên cöù Luaät Toå chöùc chính quyeàn ñòa phöông", unicode: "Căn cứ Luật Tổ chức chính quyền địa phương" },
  { name: "a date line", legacy: "Caåm Phaû, ngaøy 11 thaùng 5 naêm 2021", unicode: "Cẩm Phả, ngày 11 tháng 5 năm 2021" },
];

describe("VNI codes", () => {
  it.each(CODES)("%s is %s", (unicode, vni) => {
    expect(encodeLegacy(unicode, "vni")).toBe(vni);
    expect(decodeLegacy(vni, "vni")).toBe(unicode);
  });
});

phrasesBothWays("vni", PHRASES);

describe("VNI round trips", () => {
  it.each(ALL_LETTERS)("%s encodes to one or two Latin-1 code units and decodes back", (letter) => {
    const encoded = encodeLegacy(letter, "vni");
    expect(encoded.length).toBeGreaterThanOrEqual(1);
    expect(encoded.length).toBeLessThanOrEqual(2);
    expect([...encoded].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
    expect(decodeLegacy(encoded, "vni")).toBe(letter);
  });

  it("gives every letter a different code", () => {
    const codes = ALL_LETTERS.map((letter) => encodeLegacy(letter, "vni"));
    expect(new Set(codes).size).toBe(ALL_LETTERS.length);
  });

  it("round-trips every letter between two consonants, where a wrong match would show", () => {
    const word = ALL_LETTERS.map((letter) => `t${letter}n`).join(" ");
    expect(decodeLegacy(encodeLegacy(word, "vni"), "vni")).toBe(word);
  });

  it("encodes decomposed (NFD) input as its precomposed letters", () => {
    expect(encodeLegacy("Việt Nam".normalize("NFD"), "vni")).toBe("Vieät Nam");
  });
});

describe("VNI longest match", () => {
  it.each([
    { name: "ơ followed by its tone mark is one letter", vni: "ôù", unicode: "ớ" },
    { name: "ư then ơ with a tone reads as ươ, not ư and a stray mark", vni: "öôø", unicode: "ườ" },
    { name: "a mark byte with no vowel before it stays as it is", vni: "ù", unicode: "ù" },
    { name: "a vowel at the end of the text stays as it is", vni: "ta", unicode: "ta" },
    // 0x61 0x1F9 would collide with the key of "aù" (0x61 0xF9) if the high byte were not checked.
    { name: "a letter beyond Latin-1 after a vowel is no mark", vni: "a\u01f9", unicode: "a\u01f9" },
  ])("$name", ({ vni, unicode }) => {
    expect(decodeLegacy(vni, "vni")).toBe(unicode);
  });
});
