// Written out by hand, not generated from src/load/encodings/letters.ts, so that a slip in the
// generator cannot hide behind the same slip here.
export const LOWER_LETTERS =
  "àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ đ".replaceAll(" ", "");

export const UPPER_LETTERS = LOWER_LETTERS.toUpperCase();

/** Every Vietnamese letter outside ASCII, lower and upper case: 134 of them. */
export const ALL_LETTERS = [...LOWER_LETTERS, ...UPPER_LETTERS];

/** TCVN3 has codes for these capitals only. */
export const TCVN3_CAPITALS = [..."ĂÂÊÔƠƯĐ"];
