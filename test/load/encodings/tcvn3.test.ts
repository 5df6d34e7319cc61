import { describe, expect, it } from "vitest";
import { decodeLegacy, detectLegacyEncoding, encodeLegacy } from "../../../src/load/encodings/index.js";
import { TCVN3_TABLE } from "../../../src/load/encodings/tcvn3-table.js";
import { phrasesBothWays, type Phrase } from "./both-ways.js";
import { ALL_LETTERS, LOWER_LETTERS, TCVN3_CAPITALS, UPPER_LETTERS } from "./letters.js";

// "Ch­¬ng" holds a soft hyphen (0xAD, ư) between h and ¬: invisible, but a letter in TCVN3.
const PHRASES: Phrase[] = [
  { name: "a programme title reads back", legacy: "Ch\u00ad\u00acng tr×nh", unicode: "Chương trình" },
  { name: "a committee name reads back", legacy: "ñy ban nh©n d©n tØnh Qu¶ng Ninh", unicode: "ủy ban nhân dân tỉnh Quảng Ninh" },
  { name: "the national motto reads back", legacy: "Céng hßa x· héi chñ nghÜa ViÖt Nam", unicode: "Cộng hòa xã hội chủ nghĩa Việt Nam" },
  { name: "a line with the capitals TCVN3 has reads back", legacy: "§éc lËp - Tù do - H¹nh phóc", unicode: "Độc lập - Tự do - Hạnh phúc" },
  { name: "a sentence with ư, ơ, ă and đ reads back", legacy: "Tr\u00ad\u00eang mÇm non n¨m häc ®\u00adîc giao", unicode: "Trường mầm non năm học được giao" },
  { name: "a legal basis line reads back", legacy: "C¨n cø LuËt Tæ chøc chÝnh quyÒn ®Þa ph\u00ad\u00acng", unicode: "Căn cứ Luật Tổ chức chính quyền địa phương" },
  { name: "place names from a converter's README read back", legacy: "B¶o Th¾ng, M\u00adêng Kh\u00ad\u00acng, B¸t X¸t", unicode: "Bảo Thắng, Mường Khương, Bát Xát" },
];

phrasesBothWays("tcvn3", PHRASES);

describe("TCVN3 from a PDF text layer, where ư and ã come out as mathematical signs", () => {
  it.each([
    { name: "a minus sign inside a word is ư", tcvn3: "nhµ n\u2212íc", unicode: "nhà nước" },
    { name: "a minus sign ending a word is ư", tcvn3: "Th«ng t\u2212 sè 12", unicode: "Thông tư số 12" },
    { name: "a bullet operator inside a word is ã", tcvn3: "x\u2219 héi", unicode: "xã hội" },
    { name: "a minus sign between numbers stays a minus", tcvn3: "t¨ng 5 \u2212 3 lÇn", unicode: "tăng 5 \u2212 3 lần" },
    { name: "a bullet operator on its own stays as it is", tcvn3: "a \u2219 b", unicode: "a \u2219 b" },
  ])("$name", ({ tcvn3, unicode }) => {
    expect(decodeLegacy(tcvn3, "tcvn3")).toBe(unicode);
  });

  it("is recognised as TCVN3 with the signs in it", () => {
    expect(detectLegacyEncoding("Th«ng t\u2212 h\u2212íng dÉn cña Bé tr\u2212ëng").encoding).toBe("tcvn3");
  });
});

describe("TCVN3 table", () => {
  it("has one code for each of the 67 lower-case letters and the 7 capitals", () => {
    const letters = TCVN3_TABLE.map(([, letter]) => letter).sort();
    expect(letters).toEqual([...LOWER_LETTERS, ...TCVN3_CAPITALS].sort());
  });

  it("uses each code once, all within 0xA1–0xFE where Latin-1 and Windows-1252 agree", () => {
    const bytes = TCVN3_TABLE.map(([byte]) => byte);
    expect(new Set(bytes).size).toBe(bytes.length);
    expect(bytes.every((byte) => byte >= 0xa1 && byte <= 0xfe)).toBe(true);
  });

  it.each([...LOWER_LETTERS, ...TCVN3_CAPITALS])("%s encodes to one code unit and decodes back", (letter) => {
    const encoded = encodeLegacy(letter, "tcvn3");
    expect(encoded).toHaveLength(1);
    expect(decodeLegacy(encoded, "tcvn3")).toBe(letter);
  });

  it("keeps codes that VN3 leaves unassigned (the VN1 capitals) as they are", () => {
    expect(decodeLegacy("\u00c0\u00c1\u00ff", "tcvn3")).toBe("\u00c0\u00c1\u00ff");
  });

  it("keeps text outside Latin-1 as it is", () => {
    expect(decodeLegacy("“Hà Nội” — 2024", "tcvn3")).toBe("“Hà Nội” — 2024");
  });
});

describe("TCVN3 H fonts (capitals as lower-case codes)", () => {
  const tonedCapitals = [...UPPER_LETTERS].filter((letter) => !TCVN3_CAPITALS.includes(letter));

  it.each(tonedCapitals)("%s, which has no code, is written as its lower-case code", (capital) => {
    expect(encodeLegacy(capital, "tcvn3")).toBe(encodeLegacy(capital.toLowerCase(), "tcvn3"));
  });

  it.each(ALL_LETTERS)("%s round-trips through an H font as its capital", (letter) => {
    expect(decodeLegacy(encodeLegacy(letter, "tcvn3"), "tcvn3", { upperCase: true })).toBe(letter.toUpperCase());
  });

  it.each([
    { name: "a header line typed in lower-case codes reads as capitals", tcvn3: "ñy ban nh©n d©n tØnh", unicode: "ỦY BAN NHÂN DÂN TỈNH" },
    { name: "ASCII letters in an H font are capitals too", tcvn3: "kÕ ho¹ch", unicode: "KẾ HOẠCH" },
    { name: "capitals and lower-case codes in one word read as capitals", tcvn3: "§¶NG CéNG S¶N", unicode: "ĐẢNG CỘNG SẢN" },
  ])("$name", ({ tcvn3, unicode }) => {
    expect(decodeLegacy(tcvn3, "tcvn3", { upperCase: true })).toBe(unicode);
  });
});

describe("TCVN3 lines typed for an H font, fonts unknown (upperCase: \"guess\")", () => {
  it.each([
    { name: "a type line whose toned capitals are lower-case codes is upper-cased", tcvn3: "KÕ HO¹CH", unicode: "KẾ HOẠCH" },
    { name: "a word starting with a lower-case code before a capital is upper-cased", tcvn3: "TM. ñY BAN NH¢N D¢N", unicode: "TM. ỦY BAN NHÂN DÂN" },
    { name: "a line of capitalised syllables is upper-cased", tcvn3: "Së Y TÕ", unicode: "SỞ Y TẾ" },
    { name: "only the capitals column of a two-column header is upper-cased", tcvn3: "HUYÖN KIÕN X¦¥NG        §éc lËp - Tù do - H¹nh phóc", unicode: "HUYỆN KIẾN XƯƠNG        Độc lập - Tự do - Hạnh phúc" },
    { name: "an H-font line with TCVN3's own capitals Ô and Ă", tcvn3: "¤NG NGUYÔN V¡N A", unicode: "ÔNG NGUYỄN VĂN A" },
    { name: "a number line with one capitalised word is left alone", tcvn3: "Sè: 89/KH-MNHL", unicode: "Số: 89/KH-MNHL" },
    { name: "a capitalised word before abbreviations is left alone", tcvn3: "- Së VHTTDL, Së TTTT,", unicode: "- Sở VHTTDL, Sở TTTT," },
    { name: "a line in normal case is left alone", tcvn3: "Thùc hiÖn KÕ ho¹ch sè 902/KH-SGD§T", unicode: "Thực hiện Kế hoạch số 902/KH-SGDĐT" },
    { name: "a line all in lower-case codes cannot be told from normal text: only its initial is put back", tcvn3: "ñy ban nh©n d©n", unicode: "Ủy ban nhân dân" },
  ])("$name", ({ tcvn3, unicode }) => {
    expect(decodeLegacy(tcvn3, "tcvn3", { upperCase: "guess" })).toBe(unicode);
  });

  it("changes nothing in VNI, which has codes for every capital", () => {
    expect(decodeLegacy("Sô Y Teá", "vni", { upperCase: "guess" })).toBe("Sơ Y Tế");
  });
});

describe("TCVN3 plain text: capitals lost for want of a code are put back where the genre requires them", () => {
  it.each([
    ["an agency name mid-sentence", "KÕ ho¹ch sè 44/KH-UBND cña ñy ban nh©n d©n thµnh phè", "Kế hoạch số 44/KH-UBND của Ủy ban nhân dân thành phố"],
    ["a sentence start after a full stop", "Hoµn thµnh. ë c¸c tr\u00adêng", "Hoàn thành. Ở các trường"],
    ["a list item after a dash", "- ñng hé c¸c ho¹t ®éng", "- Ủng hộ các hoạt động"],
    ["a numbered item", "2. ¸p dông", "2. Áp dụng"],
    ["a word that needs no capital stays lower case", "c¸c ®¬n vÞ ñng hé", "các đơn vị ủng hộ"],
    ["ủy not followed by ban stays as written", "thµnh ñy viªn", "thành ủy viên"],
  ])("%s", (_name, legacy, unicode) => {
    expect(decodeLegacy(legacy, "tcvn3", { upperCase: "guess" })).toBe(unicode);
  });
});
