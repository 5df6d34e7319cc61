import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/load/registry.js";
import { VanbanError } from "../../src/errors.js";

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("detectFormat", () => {
  it.each([
    ["a PDF header", bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "pdf"],
    ["a PDF header after junk bytes (allowed within the first kB)", bytes("\r\n\r\nsome mailer junk\n%PDF-1.4\n"), "pdf"],
    ["a zip (DOCX or not: the DOCX loader tells)", bytes([0x50, 0x4b, 0x03, 0x04], "word/document.xml"), "docx"],
    ["an OLE2 compound file (.doc)", bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "rest"), "doc"],
    ["a PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "image"],
    ["a JPEG", bytes([0xff, 0xd8, 0xff, 0xe0]), "image"],
    ["a little-endian TIFF", bytes([0x49, 0x49, 0x2a, 0x00]), "image"],
    ["a big-endian TIFF", bytes([0x4d, 0x4d, 0x00, 0x2a]), "image"],
    ["Vietnamese text", bytes(Buffer.from("Số: 45/KH-UBND", "utf8").toString("latin1")), "text"],
    ["text that mentions %PDF- after the first kB", bytes("x".repeat(2000), "%PDF-1.7"), "text"],
  ])("%s is %s", (_name, input, id) => {
    expect(detectFormat(input).id).toBe(id);
  });

  it("goes by content, not by the name: a zip named .pdf is read as DOCX", () => {
    expect(detectFormat(bytes([0x50, 0x4b, 0x03, 0x04]), "report.pdf").id).toBe("docx");
  });

  it("never throws for bytes: text is the last resort and its loader judges them", () => {
    expect(() => detectFormat(bytes([0x00, 0x01, 0x02]))).not.toThrow(VanbanError);
  });
});
