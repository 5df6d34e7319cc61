import { describe, expect, it } from "vitest";
import { detectLegacyEncoding, encodeLegacy } from "../../../src/load/encodings/index.js";
import { SEEDS, UNICODE_FIXTURES } from "./fixtures.js";

describe("detectLegacyEncoding on whole documents", () => {
  it.each(UNICODE_FIXTURES)("$name, in Unicode, is read as Unicode", ({ text }) => {
    expect(detectLegacyEncoding(text).encoding).toBe("unicode");
  });

  it.each(SEEDS)("$name in TCVN3 characters is read as TCVN3", ({ text }) => {
    expect(detectLegacyEncoding(encodeLegacy(text, "tcvn3")).encoding).toBe("tcvn3");
  });

  it.each(SEEDS)("$name in VNI characters is read as VNI", ({ text }) => {
    expect(detectLegacyEncoding(encodeLegacy(text, "vni")).encoding).toBe("vni");
  });

  it("decides a Vietnamese Unicode text by its letters beyond Latin-1, without reading a word", () => {
    const detection = detectLegacyEncoding(SEEDS[0]!.text);
    expect(detection.unicodeLetters).toBeGreaterThan(detection.latin1Units);
    expect(detection.words).toBe(0);
  });

  it("counts, for a legacy text, how many sampled words each reading makes Vietnamese", () => {
    const detection = detectLegacyEncoding(encodeLegacy(SEEDS[0]!.text, "vni"));
    expect(detection.unicodeLetters).toBe(0);
    expect(detection.valid.vni).toBeGreaterThan(detection.words * 0.9);
    expect(detection.valid.unicode).toBeLessThan(detection.words * 0.2);
  });
});

describe("detectLegacyEncoding thresholds", () => {
  // "cã" is Vietnamese both as it stands and as TCVN3 (có); "v×" only as TCVN3 (vì).
  it("a legacy reading that beats Unicode by one word in ten is not enough", () => {
    const detection = detectLegacyEncoding(`${"cã ".repeat(9)}v×`);
    expect(detection.valid).toMatchObject({ unicode: 9, tcvn3: 10 });
    expect(detection.encoding).toBe("unicode");
  });

  it("a legacy reading that beats Unicode by two words in ten is enough", () => {
    const detection = detectLegacyEncoding(`${"cã ".repeat(8)}v× v×`);
    expect(detection.valid).toMatchObject({ unicode: 8, tcvn3: 10 });
    expect(detection.encoding).toBe("tcvn3");
  });

  it("a text with Unicode letters beyond Latin-1 is Unicode, however TCVN3-like its other words", () => {
    const detection = detectLegacyEncoding("Hà Nội: Ch\u00ad\u00acng tr×nh");
    expect(detection.words).toBe(0);
    expect(detection.encoding).toBe("unicode");
  });

  it("a legacy reading that makes fewer than half the words Vietnamese is not enough", () => {
    const detection = detectLegacyEncoding("v× ¬¬¬ ¬¬¬");
    expect(detection.valid).toMatchObject({ unicode: 0, tcvn3: 1 });
    expect(detection.encoding).toBe("unicode");
  });
});

describe("detectLegacyEncoding on short runs (DOCX runs, PDF text items)", () => {
  it.each([
    { name: "a TCVN3 heading", text: "Ch\u00ad\u00acng tr×nh hµnh ®éng", encoding: "tcvn3" },
    { name: "a TCVN3 committee name", text: "ñy ban nh©n d©n", encoding: "tcvn3" },
    { name: "the motto in TCVN3", text: "§éc lËp - Tù do - H¹nh phóc", encoding: "tcvn3" },
    { name: "the country's name in VNI", text: "Vieät Nam", encoding: "vni" },
    { name: "a VNI heading in capitals", text: "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", encoding: "vni" },
    { name: "a VNI sentence", text: "Xin chaøo caùc baïn", encoding: "vni" },
    { name: "Unicode words with only Latin-1 letters", text: "các và là có", encoding: "unicode" },
    { name: "a Unicode place name", text: "Hà Nội", encoding: "unicode" },
    { name: "French", text: "Café crème brûlée", encoding: "unicode" },
    { name: "plain ASCII", text: "UBND 45/KH-UBND", encoding: "unicode" },
    { name: "an empty run", text: "", encoding: "unicode" },
  ])("$name is $encoding", ({ text, encoding }) => {
    expect(detectLegacyEncoding(text).encoding).toBe(encoding);
  });
});
