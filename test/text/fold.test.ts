import { describe, expect, it } from "vitest";
import { canon, containsFolded, fold, foldPrefix, foldWhole, foldWords } from "../../src/text/fold.js";
import { randomTexts } from "../support/random-text.js";

describe("fold", () => {
  it.each([
    { text: "Ủy ban nhân dân", folded: "uy ban nhan dan" },
    { text: "ĐÀO TẠO", folded: "dao tao" },
    { text: "Hoá học", folded: "hoa hoc" },
    { text: "Nơi nhận", folded: "noi nhan" },
  ])("$text -> $folded", ({ text, folded }) => {
    expect(fold(text)).toBe(folded);
  });
});

describe("foldWords", () => {
  it.each([
    { text: "I. MỤC ĐÍCH, YÊU CẦU:", folded: "i muc dich yeu cau" },
    { text: "V. TỔ CHỨC THỰC HIỆN", folded: "v to chuc thuc hien" },
    { text: "  Nhiệm vụ & giải pháp  ", folded: "nhiem vu giai phap" },
  ])("$text -> $folded", ({ text, folded }) => {
    expect(foldWords(text)).toBe(folded);
  });
});

describe("containsFolded", () => {
  it.each([
    { name: "a heading in capitals", text: "V. TỔ CHỨC THỰC HIỆN", phrase: "tổ chức thực hiện", contains: true },
    { name: "a phrase without diacritics", text: "Nhiệm vụ, giải pháp", phrase: "nhiem vu", contains: true },
    { name: "part of a word", text: "Nhiệm vụ", phrase: "nhiệ", contains: false },
    { name: "words in another order", text: "thực hiện tổ chức", phrase: "tổ chức thực hiện", contains: false },
  ])("$name", ({ text, phrase, contains }) => {
    expect(containsFolded(text, phrase)).toBe(contains);
  });
});

describe("canon", () => {
  it.each([
    { name: "old and new tone placement of 'hóa'", a: "hoá", b: "hóa" },
    { name: "old and new tone placement of 'ủy'", a: "uỷ", b: "ủy" },
    { name: "a body name with 'Uỷ'", a: "Uỷ ban nhân dân", b: "Ủy ban nhân dân" },
    { name: "a place name with 'Hoà'", a: "Hoà Bình", b: "hòa bình" },
    { name: "'thuỷ' and 'thủy'", a: "Thuỷ lợi", b: "thủy lợi" },
    { name: "'khoẻ' and 'khỏe'", a: "sức khoẻ", b: "sức khỏe" },
    { name: "decomposed and composed text", a: "Ho\u0061\u0301", b: "hóa" },
  ])("unifies $name", ({ a, b }) => {
    expect(canon(a)).toBe(canon(b));
  });

  it.each([
    { name: "'bổ' (bổ sung) and 'bộ' (ministry)", a: "bổ", b: "bộ" },
    { name: "'số' (number) and 'sở' (department)", a: "số", b: "sở" },
    { name: "'hóa' and 'hòa'", a: "hóa", b: "hòa" },
  ])("keeps $name apart", ({ a, b }) => {
    expect(canon(a)).not.toBe(canon(b));
  });

  it.each([
    { word: "quý", canon: "quý" },
    { word: "Quý I", canon: "quý i" },
    { word: "giá", canon: "giá" },
  ])("leaves $word as it is (qu- and gi- are not the vowel pair)", ({ word, canon: expected }) => {
    expect(canon(word)).toBe(expected);
  });
});

describe("fold by table", () => {
  it("equals folding the whole string, also around combining marks, Σ and surrogates", () => {
    for (const text of randomTexts(3000, 60)) expect(fold(text)).toBe(foldWhole(text));
  });
});

describe("foldPrefix", () => {
  it("equals the prefix of folding the whole string, wherever the special characters stand", () => {
    for (const text of randomTexts(3000, 120, 7)) {
      for (const end of [0, 1, 30, 41, Math.floor(text.length / 2), text.length - 1, text.length]) {
        expect(foldPrefix(text, end)).toBe(fold(text).slice(0, end));
      }
    }
  });
});
