import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { VanbanError } from "../../src/errors.js";
import { extractBytes } from "../../src/index.js";
import { encodeLegacyBytes } from "../../src/load/encodings/index.js";
import { decodeText, loadText } from "../../src/load/text.js";
import { noise, SEEDS } from "./encodings/fixtures.js";

const LINE = "Ủy ban nhân dân tỉnh Quảng Ninh";

describe("decodeText", () => {
  it.each([
    { name: "UTF-8", bytes: Buffer.from(LINE, "utf8"), encoding: "utf-8" },
    { name: "UTF-16 LE without a BOM", bytes: Buffer.from(LINE, "utf16le"), encoding: "utf-16le" },
    { name: "UTF-16 BE with a BOM", bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(LINE, "utf16le").swap16()]), encoding: "utf-16be" },
    { name: "Windows-1258", bytes: encodeLegacyBytes(LINE, "windows-1258"), encoding: "windows-1258" },
    { name: "VNI", bytes: encodeLegacyBytes(LINE, "vni"), encoding: "vni" },
  ])("reads $name and records it as $encoding", ({ bytes, encoding }) => {
    expect(decodeText(bytes, "a.txt")).toEqual({ text: LINE, encoding });
  });

  it("reads TCVN3, putting back the toned capital it cannot code at the start of a line", () => {
    expect(decodeText(encodeLegacyBytes(LINE, "tcvn3"), "a.txt")).toEqual({ text: LINE, encoding: "tcvn3" });
  });

  it.each([
    { name: "noise with NULs", bytes: Uint8Array.from(noise(2048, 99), (b, i) => (i % 7 === 3 ? 0 : b)) },
    { name: "noise without NULs", bytes: noise(2048, 99) },
  ])("refuses $name as binary, naming the file", ({ bytes }) => {
    let thrown: unknown;
    try {
      decodeText(bytes, "noise.txt");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VanbanError);
    expect(thrown).toMatchObject({ code: "binary", file: "noise.txt" });
  });
});

describe("loadText", () => {
  it("loads a VNI file as one block of Unicode text, recording the encoding", () => {
    const bytes = encodeLegacyBytes(`${LINE}\n\nKẾ HOẠCH\n`, "vni");
    const loaded = loadText(bytes, { fileName: "ke-hoach.txt", maxBytes: 1_000_000 });
    expect(loaded.encoding).toBe("vni");
    expect(loaded.bytes).toBe(bytes.length);
    expect(loaded.pages[0]?.blocks[0]?.text).toBe(`${LINE}\n\nKẾ HOẠCH\n`);
  });
});

describe("a seed in a legacy encoding extracts as in UTF-8", () => {
  const withoutSource = async (bytes: Uint8Array): Promise<object> => {
    const { source, ...document } = await extractBytes(bytes, { fileName: "seed.txt" });
    return document;
  };
  const cases = SEEDS.flatMap(({ name, text }) =>
    (["vni", "windows-1258"] as const).map((encoding) => ({ name, encoding, text })),
  );

  it.each(cases)("$name in $encoding gives the same document", async ({ text, encoding }) => {
    expect(await withoutSource(encodeLegacyBytes(text, encoding))).toEqual(await withoutSource(Buffer.from(text, "utf8")));
  });

  // TCVN3 loses toned capitals in normal text (Ủy ban → ủy ban), so only the key fields are held.
  it.each(SEEDS)("$name in TCVN3 keeps its type, number, date and signer", async ({ text }) => {
    const pick = async (bytes: Uint8Array) => {
      const document = await extractBytes(bytes, { fileName: "seed.txt" });
      return [document.documentType.code, document.number, document.issueDate, document.signer?.name, document.signer?.position];
    };
    expect(await pick(encodeLegacyBytes(text, "tcvn3"))).toEqual(await pick(Buffer.from(text, "utf8")));
  });
});
