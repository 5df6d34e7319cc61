/**
 * TCVN3 (ABC, TCVN 5712:1993 VN3: the `.VnTime`, `.VnArial` … fonts): byte → Unicode letter.
 *
 * The byte is also the code unit one sees when a TCVN3 file is read as Latin-1/Windows-1252,
 * since every code below is in 0xA1–0xFE, where the two agree. VN3 has upper case only for
 * Ă Â Ê Ô Ơ Ư Đ; toned capitals were typed as the lower-case codes in an "H" font (`.VnTimeH`),
 * which draws every letter as a capital. The VN1 variant's extra capitals (0x80–0x9F, 0xAF,
 * 0xBA, 0xBF, 0xC0–0xC5 …) and its combining marks (0xB0–0xB4) are not in VN3 and not here.
 *
 * Checked code by code against three independent tables that agree on all 74 codes: xvnkb's
 * `tcvn.h` (Dao Hai Lam, 2002), the X-TrueType `TCVNtoUCS2.c` (0xA0–0xFF, VN1's superset), and
 * VBKey's `TCVN3_TABLE` (`mdlCodeTable.bas`).
 */
export const TCVN3_TABLE: readonly (readonly [byte: number, letter: string])[] = [
  [0xa1, "Ă"], [0xa2, "Â"], [0xa3, "Ê"], [0xa4, "Ô"], [0xa5, "Ơ"], [0xa6, "Ư"], [0xa7, "Đ"],
  [0xa8, "ă"], [0xa9, "â"], [0xaa, "ê"], [0xab, "ô"], [0xac, "ơ"], [0xad, "ư"], [0xae, "đ"],
  [0xb5, "à"], [0xb6, "ả"], [0xb7, "ã"], [0xb8, "á"], [0xb9, "ạ"],
  [0xbb, "ằ"], [0xbc, "ẳ"], [0xbd, "ẵ"], [0xbe, "ắ"], [0xc6, "ặ"],
  [0xc7, "ầ"], [0xc8, "ẩ"], [0xc9, "ẫ"], [0xca, "ấ"], [0xcb, "ậ"],
  [0xcc, "è"], [0xce, "ẻ"], [0xcf, "ẽ"], [0xd0, "é"], [0xd1, "ẹ"],
  [0xd2, "ề"], [0xd3, "ể"], [0xd4, "ễ"], [0xd5, "ế"], [0xd6, "ệ"],
  [0xd7, "ì"], [0xd8, "ỉ"], [0xdc, "ĩ"], [0xdd, "í"], [0xde, "ị"],
  [0xdf, "ò"], [0xe1, "ỏ"], [0xe2, "õ"], [0xe3, "ó"], [0xe4, "ọ"],
  [0xe5, "ồ"], [0xe6, "ổ"], [0xe7, "ỗ"], [0xe8, "ố"], [0xe9, "ộ"],
  [0xea, "ờ"], [0xeb, "ở"], [0xec, "ỡ"], [0xed, "ớ"], [0xee, "ợ"],
  [0xef, "ù"], [0xf1, "ủ"], [0xf2, "ũ"], [0xf3, "ú"], [0xf4, "ụ"],
  [0xf5, "ừ"], [0xf6, "ử"], [0xf7, "ữ"], [0xf8, "ứ"], [0xf9, "ự"],
  [0xfa, "ỳ"], [0xfb, "ỷ"], [0xfc, "ỹ"], [0xfd, "ý"], [0xfe, "ỵ"],
];
