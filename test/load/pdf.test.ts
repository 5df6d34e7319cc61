import { readFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
import { afterEach, describe, expect, it, vi } from "vitest";
import { asFailure, VanbanError } from "../../src/errors.js";
import type { LoadedDocument } from "../../src/load/model.js";
import type { OcrImage, OcrOutcome, OcrPageResult, OcrParagraph } from "../../src/load/ocr/index.js";
import { openOptions, pdfError } from "../../src/load/pdf/document.js";
import { defaultPdfDependencies, loadPdf, type PdfDependencies } from "../../src/load/pdf/load.js";
import { repairText } from "../../src/load/pdf/lines.js";
import { sha256 } from "../../src/load/text.js";
import { defaultPipeline, type PipelineConfig } from "../../src/pipeline/config.js";
import { extractBytes, loadBytes } from "../../src/pipeline/run.js";
import { writePdf, type PageSpec, type Run } from "./pdf-writer.js";

function config(overrides: Partial<PipelineConfig> = {}): PipelineConfig {
  const base = defaultPipeline();
  return { ...base, ...overrides, limits: { ...base.limits, ...overrides.limits }, ocr: { ...base.ocr, ...overrides.ocr } };
}

/** Loads with the text layer only unless told otherwise: short test pages would otherwise go to OCR. */
async function load(bytes: Uint8Array, options: { config?: PipelineConfig; deps?: Partial<PdfDependencies> } = {}): Promise<LoadedDocument> {
  const context = { fileName: "test.pdf", config: options.config ?? config({ strategy: "text" }), sha256: sha256(bytes) };
  return loadPdf(bytes, context, { ...defaultPdfDependencies, ...options.deps });
}

const pageText = (doc: LoadedDocument, n: number): string => doc.pages[n - 1]!.blocks.map((b) => b.text).join("\n\n");
const allText = (doc: LoadedDocument): string => doc.pages.map((_, i) => pageText(doc, i + 1)).join("\n\n");

/** Width of a run in the test writer's font at 12 pt: every glyph half an em, a space a quarter. */
const measure = (text: string, size = 12): number => [...text].reduce((w, c) => w + (c === " " ? 0.25 : 0.5) * size, 0);

/** A body paragraph set from the left margin (x 60) to the right (x 535), wrapped like a word processor would. */
function paragraph(text: string, top: number, options: { size?: number; indent?: number } = {}): { runs: Run[]; bottom: number } {
  const size = options.size ?? 12;
  const width = 475;
  const runs: Run[] = [];
  let line = "";
  let y = top;
  let x = 60 + (options.indent ?? 0);
  const flush = (): void => {
    runs.push({ text: line, x, y, size });
    y -= size * 1.25;
    x = 60;
    line = "";
  };
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && x + measure(next, size) > 60 + width) flush();
    line = line ? `${line} ${word}` : word;
  }
  if (line) flush();
  return { runs, bottom: y };
}

const SENTENCE =
  "Ủy ban nhân dân tỉnh giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với các sở, ban, ngành liên quan triển khai thực hiện kế hoạch này trước ngày 31/12/2024 và báo cáo kết quả.";

describe("PDF text layer: reading order and page furniture", () => {
  it.each([
    ["the type line centred on the page", { text: "KẾ HOẠCH", x: 270, y: 715 }],
    ["the type line set left of the page's centre", { text: "KẾ HOẠCH", x: 150, y: 715 }],
    ["a Công văn's Kính gửi", { text: "Kính gửi: Các phòng, ban, ngành.", x: 90, y: 715 }],
  ])("reads the header table column by column, agency lines then quốc hiệu lines, up to %s", async (_name, after) => {
    const runs: Run[] = [
      { text: "ỦY BAN NHÂN DÂN", x: 80, y: 790 },
      { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", x: 330, y: 790 },
      { text: "TỈNH QUẢNG NINH", x: 82, y: 775 },
      { text: "Độc lập - Tự do - Hạnh phúc", x: 360, y: 775 },
      { text: "Số: 12/UBND-NN", x: 86, y: 755 },
      { text: "Quảng Ninh, ngày 02 tháng 3 năm 2024", x: 335, y: 755 },
      { text: "V/v sản xuất vụ Đông", x: 84, y: 740 },
      after,
      ...paragraph(SENTENCE, 690, { indent: 30 }).runs,
    ];
    const doc = await load(writePdf([{ runs }]));
    expect(doc.pages[0]!.blocks.map((b) => b.text)).toEqual([
      "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSố: 12/UBND-NN\nV/v sản xuất vụ Đông",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Ninh, ngày 02 tháng 3 năm 2024",
      after.text,
      SENTENCE,
    ]);
  });

  it("reads a table in the body row by row: only the header and closing tables are layout", async () => {
    const full = (part: string): PageSpec => ({ runs: paragraph(`Phần ${part}: ${SENTENCE} ${SENTENCE}`, 780).runs });
    const rows: Run[] = [
      { text: "Tuyên truyền Chỉ thị", x: 60, y: 700 },
      { text: "Phòng GDĐT", x: 300, y: 700 },
      { text: "Tháng 5/2024", x: 450, y: 700 },
      { text: "Kiểm tra, đánh giá", x: 60, y: 685 },
      { text: "Các trường", x: 300, y: 685 },
      { text: "Tháng 12/2024", x: 450, y: 685 },
    ];
    const doc = await load(writePdf([full("một"), { runs: [...paragraph(SENTENCE, 780).runs, ...rows] }, full("ba")]));
    expect(pageText(doc, 2)).toBe(`${SENTENCE}\n\nTuyên truyền Chỉ thị Phòng GDĐT Tháng 5/2024\n\nKiểm tra, đánh giá Các trường Tháng 12/2024`);
  });

  it("drops a running header repeated at the same height, and page numbers at the foot, keeping one Page per PDF page", async () => {
    const pages: PageSpec[] = [1, 2, 3].map((n) => ({
      runs: [
        { text: "Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh", x: 150, y: 810, size: 10 },
        { text: `Đoạn văn của trang ${n} kết thúc ở đây.`, x: 60, y: 700 },
        { text: String(n), x: 295, y: 30, size: 10 },
      ],
    }));
    const doc = await load(writePdf(pages));
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(doc.pages.map((p) => p.strategy)).toEqual(["text-layer", "text-layer", "text-layer"]);
    expect(doc.pages.map((_, i) => pageText(doc, i + 1))).toEqual([1, 2, 3].map((n) => `Đoạn văn của trang ${n} kết thúc ở đây.`));
    expect(doc.warnings.map((w) => w.code)).toContain("page-furniture-dropped");
  });

  it("keeps a number that is body text, away from the page's top and foot", async () => {
    const doc = await load(writePdf([{ runs: [{ text: "Tổng số:", x: 60, y: 500 }, { text: "25", x: 60, y: 485 }] }]));
    expect(pageText(doc, 1)).toContain("25");
  });

  it("joins a paragraph cut by a page break onto the page where it starts, footnotes after it", async () => {
    const long = `${SENTENCE} Các huyện, thị xã, thành phố chủ động bố trí kinh phí, nhân lực để thực hiện các nhiệm vụ được giao đúng tiến độ.`;
    const first = paragraph(long, 780);
    // The page break falls after the first line, mid-sentence: the rest continues at the top of page 2.
    const cut = first.runs.slice(0, 1);
    const rest = first.runs.slice(1).map((r, i) => ({ ...r, y: 780 - i * 15 }));
    const doc = await load(
      writePdf([
        { runs: [...cut, { text: "1", x: 60, y: 84, size: 7 }, { text: "Văn bản số 5/VB.", x: 64, y: 80, size: 10 }] },
        { runs: [...rest, { text: "Đoạn tiếp theo.", x: 90, y: 700 }] },
      ]),
    );
    expect(doc.pages[0]!.blocks.map((b) => b.text)).toEqual([long, "¹ Văn bản số 5/VB."]);
    expect(pageText(doc, 2)).toBe("Đoạn tiếp theo.");
  });

  it("does not join across the page break when the next page starts a new item", async () => {
    const first = paragraph(SENTENCE, 780);
    const doc = await load(writePdf([{ runs: first.runs.slice(0, 1) }, { runs: [{ text: "2. Nhiệm vụ cụ thể.", x: 60, y: 780 }] }]));
    expect(pageText(doc, 2)).toBe("2. Nhiệm vụ cụ thể.");
  });

  it("keeps a footnote carried onto the next page with its start, not with the body", async () => {
    const doc = await load(
      writePdf([
        {
          runs: [
            ...paragraph(SENTENCE, 780).runs,
            { text: "1", x: 60, y: 84, size: 7 },
            { text: "Văn bản của tỉnh: Kế hoạch số 5/KH-UBND, Kế", x: 64, y: 80, size: 10 },
          ],
        },
        { runs: [{ text: "Các đơn vị thực hiện.", x: 90, y: 780 }, { text: "hoạch số 6/KH-UBND.", x: 60, y: 80, size: 10 }] },
      ]),
    );
    expect(doc.pages[0]!.blocks.map((b) => b.text)).toEqual([SENTENCE, "¹ Văn bản của tỉnh: Kế hoạch số 5/KH-UBND, Kế hoạch số 6/KH-UBND."]);
    expect(pageText(doc, 2)).toBe("Các đơn vị thực hiện.");
  });

  it.each([
    ["a number range", "giai đoạn 2021-", "2025 của tỉnh.", "giai đoạn 2021-2025 của tỉnh."],
    ["a số ký hiệu", "theo Kế hoạch số 52/KH-", "UBND của tỉnh.", "theo Kế hoạch số 52/KH-UBND của tỉnh."],
    ["a dash between words", "Bộ Lao động, Thương binh -", "Xã hội phối hợp.", "Bộ Lao động, Thương binh - Xã hội phối hợp."],
  ])("joins wrapped lines of %s", async (_name, end, start, joined) => {
    const doc = await load(writePdf([{ runs: [{ text: SENTENCE.slice(0, 70), x: 60, y: 700 }, { text: end, x: 535 - measure(end), y: 685 }, { text: start, x: 60, y: 670 }] }]));
    expect(pageText(doc, 1).endsWith(joined)).toBe(true);
  });

  it("rewraps a title centred over several lines, but not an indented paragraph after a nearly full line", async () => {
    // The text block runs from x 60 to 516, the end of the "1.3." line.
    const centred = (text: string, y: number): Run => ({ text, y, x: 60 + (456 - measure(text)) / 2 });
    const runs: Run[] = [
      centred("KẾ HOẠCH", 780),
      centred("Tổng kết, đánh giá 10 năm thực hiện Chỉ thị số 20-CT/TW, ngày 05/11/2012 của Bộ Chính", 765),
      centred("trị về tăng cường công tác chăm sóc trẻ em", 750),
      { text: "1.3. Những hạn chế, tồn tại, nguyên nhân và bài học kinh nghiệm trong quá trình thực", x: 60, y: 700 },
      { text: "hiện Chỉ thị số 20 - CT/TW của Bộ Chính trị trong các cơ sở giáo dục.", x: 60, y: 685 },
      { text: "Tập trung đánh giá vai trò của cấp ủy.", x: 90, y: 670 },
    ];
    const doc = await load(writePdf([{ runs }]));
    expect(doc.pages[0]!.blocks.map((b) => b.text)).toEqual([
      "KẾ HOẠCH",
      "Tổng kết, đánh giá 10 năm thực hiện Chỉ thị số 20-CT/TW, ngày 05/11/2012 của Bộ Chính trị về tăng cường công tác chăm sóc trẻ em",
      "1.3. Những hạn chế, tồn tại, nguyên nhân và bài học kinh nghiệm trong quá trình thực hiện Chỉ thị số 20 - CT/TW của Bộ Chính trị trong các cơ sở giáo dục.",
      "Tập trung đánh giá vai trò của cấp ủy.",
    ]);
  });

  /** Nơi nhận on the left in 11 pt, the signature on the right: [text, x, y] per run, size from the side. */
  const closing = (rows: [string, number, number][]): Run[] => rows.map(([text, x, y]) => ({ text, x, y, size: x < 300 ? 11 : 12 }));
  it.each([
    {
      name: "the closing table column by column, the signer's name far below still in the right column",
      before: paragraph(SENTENCE, 780).runs,
      rows: [["Nơi nhận:", 60, 700], ["KT. CHỦ TỊCH", 380, 700], ["- Sở GDĐT (b/c);", 60, 686], ["PHÓ CHỦ TỊCH", 380, 686], ["- Lưu: VT.", 60, 672], ["Nguyễn Văn An", 378, 630]],
      expected: [SENTENCE, "Nơi nhận:\n- Sở GDĐT (b/c);\n- Lưu: VT.", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An"],
    },
    {
      name: "a Nơi nhận entry reaching under the signature, on a last page with no margins of its own",
      before: null,
      rows: [
        ["Nơi nhận:", 60, 780], ["T/M BAN THƯỜNG VỤ", 380, 780],
        ["- Ban Bí thư Trung ương Đảng,", 60, 766], ["PHÓ BÍ THƯ", 405, 766],
        ["- Ban Tuyên giáo Tỉnh ủy, Ban cán sự đảng Ủy ban", 60, 752], ["(đã ký)", 420, 752],
        ["nhân dân tỉnh, các huyện ủy,", 60, 738], ["- Lưu Văn phòng Tỉnh ủy.", 60, 724], ["Hồ Văn Niên", 410, 690],
      ],
      expected: [
        "Nơi nhận:\n- Ban Bí thư Trung ương Đảng,\n- Ban Tuyên giáo Tỉnh ủy, Ban cán sự đảng Ủy ban nhân dân tỉnh, các huyện ủy,\n- Lưu Văn phòng Tỉnh ủy.",
        "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n(đã ký)\nHồ Văn Niên",
      ],
    },
  ] as { name: string; before: Run[] | null; rows: [string, number, number][]; expected: string[] }[])("reads $name", async ({ before, rows, expected }) => {
    // Without body text on the page, the margins come from a full page before it.
    const pages: PageSpec[] = before ? [{ runs: [...before, ...closing(rows)] }] : [{ runs: paragraph(`${SENTENCE} ${SENTENCE}`, 780).runs }, { runs: closing(rows) }];
    const doc = await load(writePdf(pages));
    expect(pageText(doc, pages.length)).toBe(expected.join("\n\n"));
  });

  it("writes a raised small footnote number as a superscript, in the body and at the foot", async () => {
    const doc = await load(
      writePdf([
        {
          runs: [
            { text: "Thực hiện Kế hoạch số 12/KH-UBND", x: 60, y: 700 },
            { text: "1", x: 237.5, y: 705, size: 7 },
            { text: "của tỉnh.", x: 244, y: 700 },
            { text: "1", x: 60, y: 84, size: 7 },
            { text: "Kế hoạch ngày 02/01/2024.", x: 64, y: 80, size: 10 },
          ],
        },
      ]),
    );
    expect(pageText(doc, 1)).toBe("Thực hiện Kế hoạch số 12/KH-UBND¹ của tỉnh.\n\n¹ Kế hoạch ngày 02/01/2024.");
  });
});

describe("PDF text layer: characters", () => {
  it.each([
    ["a space pdf.js puts before a combining mark", "Vie \u0302\u0323t Nam", "Việt Nam"],
    ["a space after a marked vowel, before the syllable's final consonant", "Việ t Nam", "Việt Nam"],
    ["a split ư ơ diphthong alone on its line", "trư ờng học", "trường học"],
    ["the same in capitals", "CỘNG HÒA XÃ HỘ I", "CỘNG HÒA XÃ HỘI"],
    ["a space after a marked vowel before a final vowel", "ngườ i dân", "người dân"],
    ["a real word starting with a vowel stays apart", "trẻ em và an toàn", "trẻ em và an toàn"],
    ["a plain letter before a lone consonant is left alone", "điểm a, b, c", "điểm a, b, c"],
    ["a Symbol-font bullet", "\uf0b7 Tuyên truyền", "- Tuyên truyền"],
    ["a Wingdings arrow bullet", "\uf0d8 Kiểm tra", "- Kiểm tra"],
  ])("%s: %j → %j", (_name, input, expected) => {
    expect(repairText(input)).toBe(expected);
  });

  it("repairs decomposed text whose marks advance like letters (pdf.js splits the syllable)", async () => {
    const text = "Vie\u0302\u0323t Nam, ngu\u031bo\u031b\u0300i da\u0302n".normalize("NFD");
    const doc = await load(writePdf([{ runs: [{ text, x: 60, y: 700, split: true }] }]));
    expect(pageText(doc, 1)).toBe("Việt Nam, người dân");
  });

  it("maps a Symbol bullet at the start of a line to a dash", async () => {
    const doc = await load(writePdf([{ runs: [{ text: "\uf0b7 Tuyên truyền sâu rộng.", x: 60, y: 700, font: "Symbol" }] }]));
    expect(pageText(doc, 1)).toBe("- Tuyên truyền sâu rộng.");
  });

  it("converts runs in a legacy font by the font's name and says so", async () => {
    const legacy = {
      encodingOfFont: (name: string) => (name === ".VnTime" ? { encoding: "tcvn3" as const, upperCase: false } : null),
      // Stands in for the TCVN3 table: "¸" is á in TCVN3.
      decodeLegacy: (text: string) => text.replace(/¸/g, "á"),
      detectLegacyEncoding: () => null,
    };
    const runs: Run[] = [
      { text: "C¸c", x: 60, y: 700, font: ".VnTime" },
      { text: "¸ là Unicode", x: 60, y: 680 },
      // Already Unicode through the producer's ToUnicode map: "ư" is no TCVN3 byte, so the run is left alone.
      { text: "Trường ¸", x: 60, y: 650, font: ".VnTime" },
    ];
    const doc = await load(writePdf([{ runs }]), { deps: { legacy } });
    expect(pageText(doc, 1)).toBe("Các\n\n¸ là Unicode\n\nTrường ¸");
    expect(doc.encoding).toBe("tcvn3");
    expect(doc.warnings.map((w) => w.code)).toContain("legacy-encoding-converted");
  });
});

/** A mid-grey page image: no text layer at all. */
const scanPage: PageSpec = { image: { width: 40, height: 56, pixels: new Uint8Array(40 * 56).fill(128), box: [0, 0, 595, 842] } };

function fakeRecogniser(confidence = 0.9): { recognise: PdfDependencies["recognise"]; seen: OcrImage[] } {
  const seen: OcrImage[] = [];
  return {
    seen,
    recognise: async (images): Promise<OcrOutcome> => {
      seen.push(...images);
      return { engine: "fake-ocr 1.0", pages: images.map((i) => ({
          page: i.page,
          text: `Trang quét ${i.page}\n\nđoạn hai`,
          confidence,
          paragraphs: [
            { text: `Trang quét ${i.page}`, confidence },
            { text: "đoạn hai", confidence },
          ],
        })),
      };
    },
  };
}

const PNG = [0x89, 0x50, 0x4e, 0x47];

describe("PDF strategy: text layer, OCR, or OCR where the layer is unusable", () => {
  const typed: PageSpec = { runs: [{ text: SENTENCE.slice(0, 90), x: 60, y: 700 }] };

  it("auto: OCRs the image-only page only, passing its embedded scan as PNG, and records how each page was read", async () => {
    const fake = fakeRecogniser();
    const doc = await load(writePdf([typed, scanPage]), { deps: { recognise: fake.recognise }, config: config({ strategy: "auto" }) });
    expect(fake.seen.map((i) => i.page)).toEqual([2]);
    expect([...fake.seen[0]!.bytes.subarray(0, 4)]).toEqual(PNG);
    expect(fake.seen[0]!.mediaType).toBe("image/png");
    expect(doc.pages.map((p) => [p.strategy, p.ocrConfidence])).toEqual([
      ["text-layer", null],
      ["ocr", 0.9],
    ]);
    expect(doc.strategy).toBe("mixed");
    expect(doc.ocrEngine).toBe("fake-ocr 1.0");
    expect(doc.pages[1]!.blocks.map((b) => [b.text, b.origin])).toEqual([
      ["Trang quét 2", "ocr"],
      ["đoạn hai", "ocr"],
    ]);
    expect(doc.warnings.find((w) => w.code === "ocr-used")?.message).toContain(": 2");
  });

  it("auto: a page whose text layer is private-use glyphs is garbage and goes to OCR", async () => {
    const fake = fakeRecogniser();
    const garbage: PageSpec = { runs: [{ text: "\ue001\ue002\ue003\ue004\ue005\ue006 \ue007\ue008\ue009\ue00a\ue00b\ue00c\ue00d\ue00e\ue00f", x: 60, y: 700 }] };
    const doc = await load(writePdf([garbage]), { deps: { recognise: fake.recognise }, config: config({ strategy: "auto", ocr: { ...defaultPipeline().ocr, minPageChars: 5 } }) });
    expect(doc.pages[0]!.strategy).toBe("ocr");
  });

  it("auto: a typed page with only a few words and no image keeps its text layer", async () => {
    const fake = fakeRecogniser();
    const doc = await load(writePdf([typed, { runs: [{ text: "Nguyễn Văn An", x: 380, y: 700 }] }]), { deps: { recognise: fake.recognise }, config: config({ strategy: "auto" }) });
    expect(fake.seen).toHaveLength(0);
    expect(doc.pages.map((p) => p.strategy)).toEqual(["text-layer", "text-layer"]);
    expect(pageText(doc, 2)).toBe("Nguyễn Văn An");
  });

  it("auto: a rendered page, not an embedded image, when the page is not one full-page image", async () => {
    const fake = fakeRecogniser();
    const small: PageSpec = { image: { ...scanPage.image!, box: [100, 100, 200, 200] } };
    await load(writePdf([small]), { deps: { recognise: fake.recognise }, config: config({ strategy: "auto" }) });
    const png = fake.seen[0]!.bytes;
    expect([...png.subarray(0, 4)]).toEqual(PNG);
    // 300 dpi: an A4 page is 2479 pixels wide (PNG width is at byte 16).
    expect(Buffer.from(png).readUInt32BE(16)).toBeGreaterThan(2400);
  });

  it("auto: joins an OCR paragraph cut by a page break, carries a footnote's rest to its start, numbers an unread mark and drops the page number", async () => {
    const body = (text: string, layout: Partial<NonNullable<OcrParagraph["layout"]>>): OcrParagraph => ({
      text,
      confidence: 0.9,
      layout: { kind: "body", endSlack: null, flushStart: false, firstWordWidth: 60, size: 45, ...layout },
    });
    const pages: OcrPageResult[] = [
      [body("Đẩy mạnh công tác giáo dục, lồng ghép vào hoạt động ngoại", { endSlack: 10 }), body("3", {}), body("¹ Văn bản của Tỉnh: (4.3) Kế", { kind: "footnote", guessedMark: true })],
      [body("hoạch số 76/KH-UBND ngày 17/3/2021.", { kind: "footnote" }), body("khóa phù hợp với từng cấp học.", { flushStart: true })],
    ].map((paragraphs, i) => ({ page: i + 1, text: paragraphs.map((p) => p.text).join("\n\n"), confidence: 0.9, paragraphs }));
    const recognise: PdfDependencies["recognise"] = async (images) => ({ engine: "fake-ocr 1.0", pages: images.map((i) => pages[i.page - 1]!) });
    const doc = await load(writePdf([scanPage, scanPage]), { deps: { recognise }, config: config({ strategy: "auto" }) });
    expect(doc.pages.map((p) => p.blocks.map((b) => b.text))).toEqual([
      ["Đẩy mạnh công tác giáo dục, lồng ghép vào hoạt động ngoại khóa phù hợp với từng cấp học.", "¹ Văn bản của Tỉnh: (4.3) Kế hoạch số 76/KH-UBND ngày 17/3/2021."],
      [],
    ]);
  });

  it("ocr: reads every page by OCR, text layer or not; low confidence is a warning", async () => {
    const fake = fakeRecogniser(0.3);
    const doc = await load(writePdf([typed, scanPage]), { deps: { recognise: fake.recognise }, config: config({ strategy: "ocr" }) });
    expect(fake.seen.map((i) => i.page)).toEqual([1, 2]);
    expect(doc.strategy).toBe("ocr");
    expect(doc.warnings.filter((w) => w.code === "ocr-low-confidence")).toHaveLength(2);
  });

  it("hands a long scan to the engine a batch of pages at a time, keeping every page's result", async () => {
    const calls: number[][] = [];
    const fake = fakeRecogniser();
    const recognise: PdfDependencies["recognise"] = async (images, options) => {
      calls.push(images.map((i) => i.page));
      return fake.recognise(images, options);
    };
    const doc = await load(writePdf(Array.from({ length: 10 }, () => scanPage)), { deps: { recognise }, config: config({ strategy: "auto" }) });
    expect(calls).toEqual([[1, 2, 3, 4, 5, 6, 7, 8], [9, 10]]);
    expect(doc.pages.map((p) => p.strategy)).toEqual(Array(10).fill("ocr"));
    expect(doc.pages[9]!.blocks[0]!.text).toBe("Trang quét 10");
  });

  it("text: never OCRs; a scan then has nothing to read", async () => {
    const fake = fakeRecogniser();
    await expect(load(writePdf([scanPage]), { deps: { recognise: fake.recognise }, config: config({ strategy: "text" }) })).rejects.toMatchObject({ code: "empty" });
    expect(fake.seen).toHaveLength(0);
  });

  it("auto with the real OCR engine: an image-only PDF whose image holds no text is empty", async () => {
    await expect(load(writePdf([scanPage]), { config: config({ strategy: "auto" }) })).rejects.toMatchObject({ code: "empty" });
  });
});

describe("PDF bad input: a typed error within seconds", () => {
  const good = writePdf([{ runs: [{ text: "Nội dung.", x: 60, y: 700 }] }]);
  const cases: { name: string; bytes: Uint8Array; code: string; overrides?: Partial<PipelineConfig> }[] = [
    { name: "an empty file", bytes: new Uint8Array(), code: "empty" },
    { name: "a truncated PDF", bytes: good.subarray(0, Math.floor(good.length / 2)), code: "corrupt" },
    { name: "a PDF missing only its end marker", bytes: good.subarray(0, good.length - 7), code: "corrupt" },
    { name: "garbage after %PDF-", bytes: new Uint8Array(Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(3000, 0x9c)])), code: "corrupt" },
    { name: "a password-protected PDF", bytes: new Uint8Array(readFileSync("fixtures/pdf/encrypted.pdf")), code: "encrypted" },
    // A page tree with no pages is well-formed: there is simply nothing in it, as in an empty text file.
    { name: "a PDF with no pages", bytes: writePdf([], { count: 0 }), code: "empty" },
    { name: "more pages than limits.maxPages", bytes: writePdf([{ runs: [] }, { runs: [] }, { runs: [] }]), code: "too-large", overrides: { limits: { ...defaultPipeline().limits, maxPages: 2 } } },
  ];
  it.each(cases)("$name → $code", async ({ bytes, code, overrides }) => {
    const started = Date.now();
    const error = await loadBytes(bytes, { fileName: "bad.pdf", config: config(overrides) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VanbanError);
    expect((error as VanbanError).code).toBe(code);
    expect((error as VanbanError).file).toBe("bad.pdf");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each([
    ["pdf.js's InvalidPDFException", Object.assign(new Error("Invalid PDF structure."), { name: "InvalidPDFException" }), "corrupt"],
    ["pdf.js's FormatError", Object.assign(new Error("Bad FCHECK in flate stream"), { name: "FormatError" }), "corrupt"],
    ["pdf.js's PasswordException", Object.assign(new Error("No password given"), { name: "PasswordException" }), "encrypted"],
  ])("%s is %s", (_name, error, code) => {
    expect(pdfError(error, "a.pdf")).toMatchObject({ code, file: "a.pdf" });
  });

  it("a TypeError is a bug, not a corrupt file: it passes through to be reported as internal", () => {
    const bug = new TypeError("cannot read properties of undefined");
    expect(pdfError(bug, "a.pdf")).toBe(bug);
    expect(asFailure(bug).code).toBe("internal");
  });

  it("a PDF with random bytes overwritten is read or refused with a typed error, never a crash", async () => {
    const base = new Uint8Array(readFileSync("fixtures/pdf/header-table.pdf"));
    let seed = 12345;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const outcomes = new Set<string>();
    for (let k = 0; k < 25; k++) {
      const bytes = new Uint8Array(base);
      for (let f = 0; f < 1 + Math.floor(random() * 20); f++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const outcome = await loadBytes(bytes, { fileName: "m.pdf", config: config({ strategy: "text" }) }).then(
        () => "read",
        (e: unknown) => (e instanceof VanbanError ? e.code : `untyped: ${String(e)}`),
      );
      outcomes.add(outcome);
    }
    expect([...outcomes].filter((o) => o.startsWith("untyped"))).toEqual([]);
    expect(outcomes).toContain("corrupt");
  }, 60_000);

  it("an encrypted PDF is not worth retrying", async () => {
    const error = (await loadBytes(new Uint8Array(readFileSync("fixtures/pdf/encrypted.pdf"))).catch((e: unknown) => e)) as VanbanError;
    expect(error.retryable).toBe(false);
  });
});

describe("PDF resources and safety", () => {
  afterEach(() => vi.restoreAllMocks());

  it("destroys the pdf.js document after a read and after a failure", async () => {
    const destroy = vi.spyOn(PDFParse.prototype, "destroy");
    await load(writePdf([{ runs: [{ text: "Nội dung.", x: 60, y: 700 }] }]));
    await load(writePdf([{ runs: [] }]), { config: config({ strategy: "text" }) }).catch(() => undefined);
    expect(destroy).toHaveBeenCalledTimes(2);
  });

  it("never lets pdf.js evaluate code, load font faces or system fonts, or fetch data", () => {
    const options = openOptions(new Uint8Array([1, 2, 3]));
    expect(options).toMatchObject({ isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false, useWorkerFetch: false, verbosity: 0 });
    expect(options.cMapUrl).toMatch(/^\/.*pdfjs-dist\/cmaps\/$/);
    expect(options.standardFontDataUrl).toMatch(/^\/.*pdfjs-dist\/standard_fonts\/$/);
  });

  it("hands pdf.js a copy: the caller's bytes stay readable", async () => {
    const bytes = writePdf([{ runs: [{ text: "Nội dung.", x: 60, y: 700 }] }]);
    const before = sha256(bytes);
    await load(bytes);
    expect(sha256(bytes)).toBe(before);
  });

  it("prints nothing on stdout while reading a PDF with a broken font", async () => {
    const log = vi.spyOn(console, "log");
    const info = vi.spyOn(console, "info");
    const bytes = Buffer.from(writePdf([{ runs: [{ text: "Nội dung.", x: 60, y: 700 }] }])).toString("latin1").replace("/Subtype /Type1", "/Subtype /TrueType /FontFile2 999 0 R");
    await load(new Uint8Array(Buffer.from(bytes, "latin1"))).catch(() => undefined);
    expect(log).not.toHaveBeenCalled();
    expect(info).not.toHaveBeenCalled();
  });
});

describe("a LibreOffice export (fixtures/pdf/header-table.pdf)", () => {
  it("reads header table, fallback-font letters, footnote and closing as the text version has them", async () => {
    const bytes = new Uint8Array(readFileSync("fixtures/pdf/header-table.pdf"));
    const doc = await loadBytes(bytes, { fileName: "header-table.pdf" });
    const text = allText(doc);
    expect(doc.pages).toHaveLength(2);
    expect(text.startsWith("ỦY BAN NHÂN DÂN\nHUYỆN HƯƠNG LƯU\nSố: 89/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHương Lưu, ngày 02 tháng 8 năm 2024\n\n1. Ủy ban nhân dân huyện giao Phòng Giáo dục và Đào tạo chủ trì,")).toBe(true);
    expect(text).not.toContain("Kế hoạch thực hiện Chỉ thị 28-CT/TW năm 2024");
    expect(text).toContain("trước ngày 31/12/2024¹.");
    expect(text).toContain("¹ Kế hoạch số 12/KH-UBND ngày 02/01/2024.");
    expect(text.endsWith("Nơi nhận:\n- Sở GDĐT (b/c);\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An")).toBe(true);
    expect(text).not.toMatch(/\n\d{1,2}\n|\n\d{1,2}$/);
  });

  it("extracts the same fields a text version would give", async () => {
    const document = await extractBytes(new Uint8Array(readFileSync("fixtures/pdf/header-table.pdf")), { fileName: "header-table.pdf" });
    expect(document.number).toBe("89/KH-UBND");
    expect(document.issueDate).toBe("2024-08-02");
    expect(document.signer?.name).toBe("Nguyễn Văn An");
    expect(document.recipients.map((r) => r.name)).toEqual(["Sở GDĐT", "VT"]);
    expect(document.source.pages.every((p) => p.strategy === "text-layer")).toBe(true);
  });
});
