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
].flatMap(([wrong, right]) => slipCases(wrong!, right!));

export const OCR_SLIPS: readonly OcrSlip[] = [
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
  ...HOI_READ_AS_SAC,
];

/**
 * A cheap test that a line may hold a slip: one pattern for all the wrong forms, so that the
 * per-slip patterns run only on the rare line that has one.
 */
export const OCR_SLIP_GATE = new RegExp(OCR_SLIPS.map((s) => s.wrong.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "u");
