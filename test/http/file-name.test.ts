import { describe, expect, it } from "vitest";
import { clientFileName } from "../../src/http/routes.js";

describe("the client's file name is kept as a name, never a path", () => {
  it.each([
    { given: "ke-hoach.docx", kept: "ke-hoach.docx", why: "a plain name stays" },
    { given: "../../etc/passwd", kept: "passwd", why: "a relative path keeps its last segment" },
    { given: "C:\\Users\\lan\\Kế hoạch 45.pdf", kept: "Kế hoạch 45.pdf", why: "a Windows path keeps its last segment" },
    { given: "a\u0000b\u001f.txt", kept: "ab.txt", why: "control characters go" },
    { given: "..", kept: "upload", why: "a name that means the parent folder becomes 'upload'" },
    { given: undefined, kept: "upload", why: "no name becomes 'upload'" },
    { given: "Ke\u0302\u0301 hoa\u0323ch.txt", kept: "Kế hoạch.txt", why: "a decomposed Vietnamese name is composed (NFC)" },
    { given: `${"a".repeat(300)}.txt`, kept: "a".repeat(255), why: "a name is cut at 255 characters" },
  ])("$why", ({ given, kept }) => {
    expect(clientFileName(given)).toBe(kept);
  });
});
