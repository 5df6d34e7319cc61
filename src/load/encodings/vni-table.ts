/**
 * VNI-Windows (the `VNI-Times`, `VNI-Helve` … fonts): each vowel as a base byte and at most one
 * mark byte, as the characters one sees when the bytes are read as Latin-1/Windows-1252.
 *
 * One row per vowel, the forms in TONE_MARKS order (ngang, sắc, huyền, hỏi, ngã, nặng). Capitals
 * have marks of their own (0xC0–0xDF), so the two cases are separate rows. i and y take tones as
 * single bytes (`í ì æ ó ò`, `î` = ỵ), and ơ/ư are single bytes (`ô`, `ö`) that then take the tone
 * marks of a plain vowel.
 *
 * Checked form by form against xvnkb's `vni.h` (Dao Hai Lam, 2002) and VBKey's
 * `VNI_WINDOWS_TABLE` (`mdlCodeTable.bas`), which agree on every form.
 */
export const VNI_VOWEL_ROWS: readonly (readonly [vowel: string, forms: readonly string[]])[] = [
  ["a", ["a", "aù", "aø", "aû", "aõ", "aï"]],
  ["ă", ["aê", "aé", "aè", "aú", "aü", "aë"]],
  ["â", ["aâ", "aá", "aà", "aå", "aã", "aä"]],
  ["e", ["e", "eù", "eø", "eû", "eõ", "eï"]],
  ["ê", ["eâ", "eá", "eà", "eå", "eã", "eä"]],
  ["i", ["i", "í", "ì", "æ", "ó", "ò"]],
  ["o", ["o", "où", "oø", "oû", "oõ", "oï"]],
  ["ô", ["oâ", "oá", "oà", "oå", "oã", "oä"]],
  ["ơ", ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"]],
  ["u", ["u", "uù", "uø", "uû", "uõ", "uï"]],
  ["ư", ["ö", "öù", "öø", "öû", "öõ", "öï"]],
  ["y", ["y", "yù", "yø", "yû", "yõ", "î"]],
  ["A", ["A", "AÙ", "AØ", "AÛ", "AÕ", "AÏ"]],
  ["Ă", ["AÊ", "AÉ", "AÈ", "AÚ", "AÜ", "AË"]],
  ["Â", ["AÂ", "AÁ", "AÀ", "AÅ", "AÃ", "AÄ"]],
  ["E", ["E", "EÙ", "EØ", "EÛ", "EÕ", "EÏ"]],
  ["Ê", ["EÂ", "EÁ", "EÀ", "EÅ", "EÃ", "EÄ"]],
  ["I", ["I", "Í", "Ì", "Æ", "Ó", "Ò"]],
  ["O", ["O", "OÙ", "OØ", "OÛ", "OÕ", "OÏ"]],
  ["Ô", ["OÂ", "OÁ", "OÀ", "OÅ", "OÃ", "OÄ"]],
  ["Ơ", ["Ô", "ÔÙ", "ÔØ", "ÔÛ", "ÔÕ", "ÔÏ"]],
  ["U", ["U", "UÙ", "UØ", "UÛ", "UÕ", "UÏ"]],
  ["Ư", ["Ö", "ÖÙ", "ÖØ", "ÖÛ", "ÖÕ", "ÖÏ"]],
  ["Y", ["Y", "YÙ", "YØ", "YÛ", "YÕ", "Î"]],
];

/** The letters that are no vowel: đ and Đ. */
export const VNI_OTHER_LETTERS: readonly (readonly [letter: string, vni: string])[] = [
  ["đ", "ñ"],
  ["Đ", "Ñ"],
];
