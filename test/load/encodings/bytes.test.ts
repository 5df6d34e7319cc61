import { Buffer } from "node:buffer";
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { decodeBytes, encodeLegacy, encodeLegacyBytes } from "../../../src/load/encodings/index.js";
import { noise, SEEDS, tcvn3Comparable } from "./fixtures.js";

const utf16be = (text: string): Uint8Array => Buffer.from(text, "utf16le").swap16();
const withBom = (bom: number[], bytes: Uint8Array): Uint8Array => Uint8Array.from([...bom, ...bytes]);

const FORMS = [
  { name: "UTF-8", encoding: "utf-8", bytes: (t: string) => Buffer.from(t, "utf8"), comparable: (t: string) => t },
  { name: "UTF-8 with a BOM", encoding: "utf-8", bytes: (t: string) => withBom([0xef, 0xbb, 0xbf], Buffer.from(t, "utf8")), comparable: (t: string) => t },
  { name: "UTF-16 LE with a BOM", encoding: "utf-16le", bytes: (t: string) => withBom([0xff, 0xfe], Buffer.from(t, "utf16le")), comparable: (t: string) => t },
  { name: "UTF-16 BE with a BOM", encoding: "utf-16be", bytes: (t: string) => withBom([0xfe, 0xff], utf16be(t)), comparable: (t: string) => t },
  { name: "UTF-16 LE without a BOM", encoding: "utf-16le", bytes: (t: string) => Buffer.from(t, "utf16le"), comparable: (t: string) => t },
  { name: "UTF-16 BE without a BOM", encoding: "utf-16be", bytes: utf16be, comparable: (t: string) => t },
  { name: "Windows-1258", encoding: "windows-1258", bytes: (t: string) => encodeLegacyBytes(t, "windows-1258"), comparable: (t: string) => t },
  { name: "TCVN3", encoding: "tcvn3", bytes: (t: string) => encodeLegacyBytes(t, "tcvn3"), comparable: tcvn3Comparable },
  { name: "VNI", encoding: "vni", bytes: (t: string) => encodeLegacyBytes(t, "vni"), comparable: (t: string) => t },
  { name: "VNI saved as the UTF-8 of its Latin-1 characters", encoding: "vni", bytes: (t: string) => Buffer.from(encodeLegacy(t, "vni"), "utf8"), comparable: (t: string) => t },
  { name: "TCVN3 saved as UTF-16 with a BOM", encoding: "tcvn3", bytes: (t: string) => withBom([0xff, 0xfe], Buffer.from(encodeLegacy(t, "tcvn3"), "utf16le")), comparable: tcvn3Comparable },
] as const;

const CASES = FORMS.flatMap((form) => SEEDS.map((seed) => ({ ...form, seed: seed.name, text: seed.text })));

describe("decodeBytes on every seed in every form", () => {
  it.each(CASES)("$seed in $name decodes to its text, recorded as $encoding", ({ text, bytes, encoding, comparable }) => {
    const decoded = decodeBytes(bytes(text));
    expect(decoded?.encoding).toBe(encoding);
    expect(comparable(decoded?.text ?? "")).toBe(comparable(text));
  });

  // Headers and type lines are in capitals, and segmenting depends on them.
  it.each(SEEDS)("$name in TCVN3 gets every line in capitals back exactly", ({ text }) => {
    const capitalLines = (t: string): string[] => t.split("\n").filter((line) => /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line));
    const decoded = decodeBytes(encodeLegacyBytes(text, "tcvn3"))?.text ?? "";
    expect(capitalLines(decoded)).toEqual(capitalLines(text));
  });
});

describe("decodeBytes on small inputs", () => {
  it.each([
    { name: "ASCII is UTF-8", bytes: Buffer.from("UBND tỉnh".slice(0, 4)), text: "UBND", encoding: "utf-8" },
    { name: "ASCII with Windows curly quotes is Windows-1258, the one standard reading", bytes: Uint8Array.from([0x93, 0x41, 0x94]), text: "“A”", encoding: "windows-1258" },
    { name: "a TCVN3 line is TCVN3", bytes: encodeLegacyBytes("Cộng hòa xã hội chủ nghĩa Việt Nam", "tcvn3"), text: "Cộng hòa xã hội chủ nghĩa Việt Nam", encoding: "tcvn3" },
    { name: "a VNI line is VNI", bytes: encodeLegacyBytes("Độc lập - Tự do - Hạnh phúc", "vni"), text: "Độc lập - Tự do - Hạnh phúc", encoding: "vni" },
    { name: "a Windows-1258 line is Windows-1258", bytes: encodeLegacyBytes("Trường mầm non Hương Lưu", "windows-1258"), text: "Trường mầm non Hương Lưu", encoding: "windows-1258" },
  ])("$name", ({ bytes, text, encoding }) => {
    expect(decodeBytes(bytes)).toEqual({ text, encoding });
  });

  it.each([
    { name: "noise with NULs at an odd stride (neither side of UTF-16)", bytes: Uint8Array.from(noise(4096, 0x2545f491), (b, i) => (i % 7 === 3 ? 0 : b)) },
    { name: "noise without NULs", bytes: noise(4096, 0x2545f491) },
    { name: "other noise without NULs", bytes: noise(512, 7) },
    { name: "Latin-1 French, which is no Vietnamese", bytes: Buffer.from("Café crème brûlée, à la française", "latin1") },
    { name: "UTF-8 with a BOM but broken sequences", bytes: Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28]) },
  ])("$name is refused", ({ bytes }) => {
    expect(decodeBytes(bytes)).toBeNull();
  });
});

describe("decodeBytes speed", () => {
  const document = SEEDS.map(({ text }) => text).join("\n").slice(0, 50_000);
  /** A budget per kB far above the measured time (about 0.04 ms/kB), so only a regression fails it. */
  const BUDGET_MS_PER_KB = 0.5;

  function bestOfFive(bytes: Uint8Array): number {
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      decodeBytes(bytes);
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  it.each([
    { name: "VNI", bytes: encodeLegacyBytes(document, "vni") },
    { name: "TCVN3", bytes: encodeLegacyBytes(document, "tcvn3") },
    { name: "Windows-1258", bytes: encodeLegacyBytes(document, "windows-1258") },
    { name: "UTF-8 (detection included)", bytes: Buffer.from(document, "utf8") },
  ])("decodes a 50 kB $name document within the budget", ({ bytes }) => {
    expect(bestOfFive(bytes)).toBeLessThan((bytes.length / 1024) * BUDGET_MS_PER_KB);
  });
});
