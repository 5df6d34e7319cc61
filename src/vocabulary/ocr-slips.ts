/**
 * Misreadings that OCR and hurried retyping leave in headers and issuer names, where the wrong
 * form is never a real phrase. Each is corrected in normalise, with a warning.
 */
export interface OcrSlip {
  wrong: string;
  right: string;
  pattern: RegExp;
  replacement: string;
}

function slip(wrong: string, right: string): OcrSlip {
  return { wrong, right, pattern: new RegExp(`(?<![\\p{L}])${wrong}(?![\\p{L}])`, "gu"), replacement: right };
}

/** The slip in running text, at the start of a sentence and in a capitals heading. */
function slipCases(wrong: string, right: string): OcrSlip[] {
  const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  return [slip(wrong, right), slip(capital(wrong), capital(right)), slip(wrong.toUpperCase(), right.toUpperCase())];
}

/**
 * tesseract's `vie` model reads a hỏi tone as a sắc (ổ → ố, ể → ế, ẩ → ấ, ở → ớ) on 300-dpi scans
 * and photos, both engines (counted on the format fixtures' scans: `tổng` → `tống` 9 times in 10
 * pages). Only phrases the wrong form never makes are listed: `tống đạt` is a word, `tống kết` not.
 */
export const HOI_READ_AS_SAC: readonly OcrSlip[] = [
  ["tống kết", "tổng kết"],
  ["tống hợp", "tổng hợp"],
  ["tống số", "tổng số"],
  ["tố chức", "tổ chức"],
  ["triến khai", "triển khai"],
  ["đối mới", "đổi mới"],
  ["chuyến đổi", "chuyển đổi"],
  ["chuyển đối", "chuyển đổi"],
  ["chuyến đối", "chuyển đổi"],
  ["đấy mạnh", "đẩy mạnh"],
  ["đấy nhanh", "đẩy nhanh"],
  ["quan điếm", "quan điểm"],
  ["tiêu biếu", "tiêu biểu"],
  ["đại biếu", "đại biểu"],
  ["bố sung", "bổ sung"],
  ["phố biến", "phổ biến"],
  ["phố cập", "phổ cập"],
  ["giáo dục phố thông", "giáo dục phổ thông"],
  ["thúc đấy", "thúc đẩy"],
  ["giảm thiếu", "giảm thiểu"],
  ["bốn phận", "bổn phận"],
  ["tố dân phố", "tổ dân phố"],
  ["cụ thế", "cụ thể"],
].flatMap(([wrong, right]) => slipCases(wrong!, right!));

/**
 * Other tone slips of the same scans, in phrases the wrong form never makes: a breve read as an
 * acute (`tăng` → `táng`, the year's `năm` → `nắm`), a hook-below read without it (`bình đẳng`).
 */
export const OTHER_TONE_SLIPS: readonly OcrSlip[] = [
  ["táng cường", "tăng cường"],
  ["bình đăng", "bình đẳng"],
].flatMap(([wrong, right]) => slipCases(wrong!, right!));

/**
 * `năm` (year) read as `nắm` (to grasp) before a year, or after a date's month: `ngày 14 tháng 4
 * nắm 2017`. `nắm` before a four-digit year, or after `tháng N`, is never the verb.
 */
export const YEAR_READ_AS_GRASP: readonly OcrSlip[] = [
  { wrong: "nắm", right: "năm", pattern: /(?<![\p{L}])nắm(?=\s+(?:19|20)\d\d(?!\d))|(?<=tháng\s+\d{1,2}\s+)nắm(?![\p{L}])/gu, replacement: "năm" },
  { wrong: "Nắm", right: "Năm", pattern: /(?<![\p{L}])Nắm(?=\s+(?:19|20)\d\d(?!\d))/gu, replacement: "Năm" },
  { wrong: "NẮM", right: "NĂM", pattern: /(?<![\p{L}])NẮM(?=\s+(?:19|20)\d\d(?!\d))|(?<=THÁNG\s+\d{1,2}\s+)NẮM(?![\p{L}])/gu, replacement: "NĂM" },
];

/**
 * `tháng` of a date read with another vowel or tone (`ngày 11 thúng 5 năm 2021`): between
 * `ngày N` and `M năm` only the month can stand, whatever the word means elsewhere (a `thúng` is a
 * basket). The `npm` vie model (tessdata best) reads the date line's `tháng` so on the scans.
 */
export const MONTH_MISREAD: readonly OcrSlip[] = ["thúng", "thàng", "thảng", "thạng", "thắng", "thằng", "thăng"].flatMap((wrong) =>
  (
    [
      [wrong, "tháng", "[Nn]gày"],
      [wrong.toUpperCase(), "THÁNG", "NGÀY"],
    ] as const
  ).map(([w, right, day]) => ({
    wrong: w,
    right,
    pattern: new RegExp(`(?<=${day}\\s+\\d{1,2}\\s+)${w}(?=\\s+\\d{1,2}\\s+(?:năm|NĂM|nắm|NẮM)\\s)`, "gu"),
    replacement: right,
  })),
);

/**
 * Misreadings of a document number's issuer code, which is letters only: the W of `TW` read as
 * `VW` or `V` (`20-CT/TVW`, `1849-CV/BTGTV`, `29-NQ/TV`), and a Sở's S read as 5 (`126/5GDĐT-`).
 * `TVW` is no code; a Party number (`N-XX/…`) ends in `TW`, `TU`, `HU`, `ĐU`, never `TV`.
 */
export const NUMBER_CODE_SLIPS: readonly OcrSlip[] = [
  { wrong: "TVW", right: "TW", pattern: /(?<=\/[\p{Lu}]*)TVW(?![\p{L}\d])/gu, replacement: "TW" },
  {
    wrong: "TV",
    right: "TW",
    pattern: /(?<=\d\s*-\s*[\p{Lu}]{1,4}\s*\/\s*(?:BTG|VP|BTC|BDV|UBKT|BNC|BKT)?)TV(?![\p{L}\d/-])/gu,
    replacement: "TW",
  },
  { wrong: "/5", right: "/S", pattern: /(?<=\d\/)5S?(?=[\p{Lu}]{2,}-[\p{Lu}])/gu, replacement: "S" },
];

/** `(b/c)` (báo cáo) of a Nơi nhận line read `(b/o)`, which abbreviates nothing. */
export const RECIPIENT_ACTION_SLIPS: readonly OcrSlip[] = [{ wrong: "(b/o)", right: "(b/c)", pattern: /\(b\/o\)/gu, replacement: "(b/c)" }];

/**
 * The dot of a heading's roman number lost (`II NỘI DUNG, HÌNH THỨC`): a bare roman numeral and a
 * space before a capitals heading, which no Vietnamese line opens with otherwise. One entry per
 * last letter of the numeral (I, V, X), so that the cheap gate finds it.
 */
export const ROMAN_DOT_LOST: readonly OcrSlip[] = ["I", "V", "X"].map((last) => ({
  wrong: `${last} `,
  right: `${last}. `,
  // Not VI or XI: they are syllables ("XI MĂNG VIỆT NAM", "VI PHẠM HÀNH CHÍNH").
  pattern: new RegExp(`^(?=[IVX]*${last} )(?!(?:VI|XI) )(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})(?= \\p{Lu}{2,}[\\p{Lu}\\s,;/-]*$)`, "gu"),
  replacement: "$&.",
}));

/** Slips of header and issuer lines, met in any text (retyped from OCR, or OCR'd long ago). */
export const HEADER_SLIPS: readonly OcrSlip[] = [
  slip("TÍNH ỦY", "TỈNH ỦY"),
  slip("TÍNH UỶ", "TỈNH UỶ"),
  slip("Tính ủy", "Tỉnh ủy"),
  slip("Tính uỷ", "Tỉnh uỷ"),
  slip("UBND TÍNH", "UBND TỈNH"),
  slip("UBND tính", "UBND tỉnh"),
  slip("NHÂN DÂN TÍNH", "NHÂN DÂN TỈNH"),
  slip("nhân dân tính", "nhân dân tỉnh"),
  slip("HĐND tính", "HĐND tỉnh"),
  slip("CỘNG HOÀ XÃ HỘI CHỦ NGHÌA", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA"),
  slip("CỘNG HÒA XÃ HỘI CHỦ NGHÌA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"),
  // The space of a bold type line lost.
  slip("KẾHOẠCH", "KẾ HOẠCH"),
];

/** Everything above; the tone slips only where this run's OCR read the page. */
export const OCR_SLIPS: readonly OcrSlip[] = [
  ...HEADER_SLIPS,
  ...HOI_READ_AS_SAC,
  ...OTHER_TONE_SLIPS,
  ...YEAR_READ_AS_GRASP,
  ...MONTH_MISREAD,
  ...NUMBER_CODE_SLIPS,
  ...RECIPIENT_ACTION_SLIPS,
  ...ROMAN_DOT_LOST,
];

/**
 * A cheap test that a line may hold a slip: one pattern for all the wrong forms, so that the
 * per-slip patterns run only on the rare line that has one.
 */
export const gateOf = (slips: readonly OcrSlip[]): RegExp =>
  new RegExp(slips.map((s) => s.wrong.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "u");
export const OCR_SLIP_GATE = gateOf(OCR_SLIPS);
export const HEADER_SLIP_GATE = gateOf(HEADER_SLIPS);
