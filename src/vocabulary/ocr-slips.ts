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
];
