/**
 * Document types: the codes of GOLD.md, the Vietnamese names, and the abbreviations used in số ký
 * hiệu. State abbreviations follow Phụ lục III of Nghị định 30/2020/NĐ-CP; Party ones follow
 * Hướng dẫn 36-HD/VPTW. Data, not regexes: matchers are built from it.
 */
export const DOCUMENT_TYPE_CODES = [
  "KE_HOACH",
  "CHI_THI",
  "NGHI_QUYET",
  "QUYET_DINH",
  "CONG_VAN",
  "THONG_BAO",
  "BAO_CAO",
  "TO_TRINH",
  "HUONG_DAN",
  "CHUONG_TRINH",
  "THONG_TRI",
  "KET_LUAN",
  "QUY_DINH",
  "QUY_CHE",
  "DE_AN",
  "PHUONG_AN",
  "NGHI_DINH",
  "THONG_TU",
  "LUAT",
  "PHAP_LENH",
  "CONG_DIEN",
  "GIAY_MOI",
  "BIEN_BAN",
  "KHAC",
] as const;
export type DocumentTypeCodeData = (typeof DOCUMENT_TYPE_CODES)[number];

export interface DocumentTypeEntry {
  code: DocumentTypeCodeData;
  /** Name as written in running text, first letter capitalised. */
  name: string;
  /** Other spellings of the name (old tone placement, abbreviations used in prose). */
  aliases?: readonly string[];
  /** Abbreviations in a state số ký hiệu (`45/KH-UBND`). */
  stateCodes: readonly string[];
  /** Abbreviations in a Party số ký hiệu (`20-CT/TW`). Party documents reuse letters differently. */
  partyCodes: readonly string[];
  /** A title-like type line only counts when it stands alone (Kết luận is also a body heading). */
  typeLine: boolean;
}

export const DOCUMENT_TYPES: readonly DocumentTypeEntry[] = [
  { code: "KE_HOACH", name: "Kế hoạch", stateCodes: ["KH"], partyCodes: ["KH"], typeLine: true },
  { code: "CHI_THI", name: "Chỉ thị", stateCodes: ["CT"], partyCodes: ["CT"], typeLine: true },
  { code: "NGHI_QUYET", name: "Nghị quyết", stateCodes: ["NQ"], partyCodes: ["NQ"], typeLine: true },
  { code: "QUYET_DINH", name: "Quyết định", stateCodes: ["QĐ"], partyCodes: ["QĐ"], typeLine: true },
  { code: "CONG_VAN", name: "Công văn", aliases: ["Văn bản"], stateCodes: ["CV"], partyCodes: ["CV"], typeLine: false },
  { code: "THONG_BAO", name: "Thông báo", stateCodes: ["TB"], partyCodes: ["TB"], typeLine: true },
  { code: "BAO_CAO", name: "Báo cáo", stateCodes: ["BC"], partyCodes: ["BC"], typeLine: true },
  { code: "TO_TRINH", name: "Tờ trình", stateCodes: ["TTr"], partyCodes: ["TTr"], typeLine: true },
  { code: "HUONG_DAN", name: "Hướng dẫn", stateCodes: ["HD"], partyCodes: ["HD"], typeLine: true },
  { code: "CHUONG_TRINH", name: "Chương trình", stateCodes: ["CTr"], partyCodes: ["CTr"], typeLine: true },
  { code: "THONG_TRI", name: "Thông tri", stateCodes: [], partyCodes: ["TT"], typeLine: true },
  { code: "KET_LUAN", name: "Kết luận", stateCodes: ["KL"], partyCodes: ["KL"], typeLine: true },
  { code: "QUY_DINH", name: "Quy định", aliases: ["Qui định"], stateCodes: ["QyĐ"], partyCodes: ["QĐi"], typeLine: true },
  { code: "QUY_CHE", name: "Quy chế", aliases: ["Qui chế"], stateCodes: ["QC"], partyCodes: ["QC"], typeLine: true },
  { code: "DE_AN", name: "Đề án", stateCodes: ["ĐA"], partyCodes: ["ĐA"], typeLine: true },
  { code: "PHUONG_AN", name: "Phương án", stateCodes: ["PA"], partyCodes: ["PA"], typeLine: true },
  { code: "NGHI_DINH", name: "Nghị định", stateCodes: ["NĐ"], partyCodes: [], typeLine: true },
  { code: "THONG_TU", name: "Thông tư", stateCodes: ["TT"], partyCodes: [], typeLine: true },
  { code: "LUAT", name: "Luật", stateCodes: ["QH"], partyCodes: [], typeLine: true },
  { code: "PHAP_LENH", name: "Pháp lệnh", stateCodes: ["PL"], partyCodes: [], typeLine: true },
  { code: "CONG_DIEN", name: "Công điện", stateCodes: ["CĐ"], partyCodes: [], typeLine: true },
  { code: "GIAY_MOI", name: "Giấy mời", stateCodes: ["GM"], partyCodes: [], typeLine: true },
  { code: "BIEN_BAN", name: "Biên bản", stateCodes: ["BB"], partyCodes: ["BB"], typeLine: true },
  { code: "KHAC", name: "Văn bản", stateCodes: [], partyCodes: [], typeLine: false },
];

export const TYPE_BY_CODE: ReadonlyMap<DocumentTypeCodeData, DocumentTypeEntry> = new Map(
  DOCUMENT_TYPES.map((t) => [t.code, t]),
);
