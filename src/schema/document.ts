import { z } from "zod";
import { DOCUMENT_TYPE_CODES } from "../vocabulary/document-types.js";

/**
 * The output contract. This file is the single source of truth: TypeScript types are inferred
 * from it, `schema/vanban-document.schema.json` is generated from it, and every document the
 * pipeline returns is parsed by it. Field names read by `../shared/eval/score.mjs` (GOLD.md) are
 * fixed; bump SCHEMA_VERSION on any change a consumer could notice.
 */
export const SCHEMA_VERSION = "1.1.0";

/** Half-open character range [start, end) in the document's normalised `text`. */
export const spanSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .describe("Half-open character range [start, end) in the normalised text");
export type Span = z.infer<typeof spanSchema>;

export const documentTypeCodeSchema = z.enum(DOCUMENT_TYPE_CODES);
export type DocumentTypeCode = z.infer<typeof documentTypeCodeSchema>;

/** `2021-05-11`, `2021-05` (day left blank or a month-long limit) or `2021`. */
export const partialDateSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "a date YYYY, YYYY-MM or YYYY-MM-DD");

export const warningCodeSchema = z.enum([
  "header-missing", // no Số/date line block before the type line
  "number-missing", // a header without a số ký hiệu, or a serial left blank
  "number-malformed", // a Số line we could not read as a number
  "date-impossible", // a date that cannot exist (04/12/20219, 31/02/2021)
  "date-missing", // a header without a date line
  "type-unknown", // no type line, no type code: documentType is KHAC
  "title-missing",
  "issuer-missing",
  "signer-missing",
  "recipients-missing",
  "footnote-relocated", // a footnote interleaved into the body was moved behind it
  "page-break-joined", // a sentence split by a page break was joined
  "ocr-slip-corrected", // a known OCR misreading (TÍNH ỦY) was corrected
  "page-furniture-dropped", // a running page header or footer was removed
  "citation-date-conflict", // the same number cited with different dates: kept apart
  "legacy-encoding-converted", // TCVN3 or VNI text (a file, Word runs, PDF fonts) converted to Unicode
  "ocr-used", // some pages had no usable text layer and were read by OCR
  "ocr-low-confidence", // OCR read a page with low confidence: check its fields
  "content-skipped", // part of the file (an embedded object, an unreadable image) was not read
]);
export type WarningCode = z.infer<typeof warningCodeSchema>;

export const warningSchema = z.object({
  code: warningCodeSchema,
  message: z.string(),
  span: spanSchema.nullable(),
});
export type Warning = z.infer<typeof warningSchema>;

export const numberFamilySchema = z
  .enum(["state", "normative", "party", "unknown"])
  .describe("state: 45/KH-UBND; normative (year inside): 56/2017/NĐ-CP; party: 20-CT/TW");

export const numberPartsSchema = z.object({
  raw: z.string().describe("as written, spacing kept"),
  serial: z.string().nullable().describe("the serial, as a string: leading zeros matter (09/CT-UBND)"),
  year: z.number().int().nullable().describe("the year written inside a normative number"),
  typeCode: z.string().nullable().describe("KH, CT, NQ, QĐ ... or null for a Công văn"),
  issuerCode: z.string().nullable().describe("UBND, PGDĐT, TW, TU, BTGTW ... (all parts after the type code)"),
  family: numberFamilySchema,
});
export type NumberParts = z.infer<typeof numberPartsSchema>;

export const documentTypeSchema = z.object({
  code: documentTypeCodeSchema,
  name: z.string().describe("Vietnamese name of the type: Kế hoạch"),
  evidence: z.enum(["type-line", "number", "body", "none"]).describe("where the type was read"),
});

export const issuerSchema = z.object({
  name: z.string().describe("full name in normal case: Phòng Giáo dục và Đào tạo thành phố Cẩm Phả"),
  shortName: z.string().nullable().describe("abbreviation the document gives or implies: GDĐT, PGDĐT"),
  parent: z.string().nullable().describe("the superior agency line of the header: Ủy ban nhân dân thành phố Cẩm Phả"),
  evidence: z.enum(["header", "body", "signature", "number"]),
  span: spanSchema.nullable(),
});

export const authorityPrefixSchema = z.enum(["TM", "KT", "TL", "TUQ", "Q"]);

export const signerSchema = z.object({
  name: z.string().nullable(),
  position: z.string().nullable().describe("Phó Trưởng phòng, Thứ trưởng"),
  authority: authorityPrefixSchema.nullable().describe("the prefix nearest the position (KT in TM./KT./PHÓ CHỦ TỊCH)"),
  onBehalfOf: z.string().nullable().describe("whom the signer acts for: KT. BỘ TRƯỞNG -> Bộ trưởng"),
  chain: z
    .array(z.object({ prefix: authorityPrefixSchema, of: z.string() }))
    .describe("every prefix line, outermost first: TM. Ủy ban nhân dân, KT. Chủ tịch"),
  span: spanSchema.nullable(),
});

export const recipientActionSchema = z.enum(["báo cáo", "phối hợp", "thực hiện", "lưu"]);

export const recipientSchema = z.object({
  name: z.string(),
  action: recipientActionSchema.nullable(),
  kind: z.enum(["noi-nhan", "kinh-gui"]),
  raw: z.string().describe("the whole line the entry came from"),
  span: spanSchema,
});

export const textItemSchema = z.object({ text: z.string(), span: spanSchema });

export const targetSchema = z.object({
  indicator: z.string().describe("what is measured: Tỷ lệ huy động trẻ em 5 tuổi đi học mẫu giáo"),
  comparator: z.enum(["at-least", "at-most", "equal"]),
  value: z.number(),
  unit: z.string().nullable().describe("%, or the counted noun"),
  year: z.number().int().nullable(),
  span: spanSchema,
});

export const objectiveSchema = z.object({
  text: z.string(),
  targets: z.array(targetSchema),
  span: spanSchema,
});

export const deadlineSchema = z.object({
  start: partialDateSchema.nullable(),
  end: partialDateSchema.nullable(),
  raw: z.string(),
  span: spanSchema,
});

export const taskSchema = z.object({
  text: z.string(),
  responsibleUnits: z.array(z.string()).describe("lead units: the section heading or the sentence's subject"),
  coordinatingUnits: z.array(z.string()).describe("units named after 'phối hợp với'"),
  deadline: deadlineSchema.omit({ raw: true, span: true }).nullable(),
  section: z.string().nullable().describe("label path of the item in the outline: III.2"),
  span: spanSchema,
});

export const unitSchema = z.object({
  name: z.string(),
  evidence: z.enum(["heading", "subject", "assigned", "lead"]),
  span: spanSchema,
});

export const citationRelationSchema = z.enum([
  "basis", // căn cứ
  "implements", // thực hiện, triển khai
  "reviews", // tổng kết, sơ kết
  "amends", // sửa đổi
  "supplements", // bổ sung
  "replaces", // thay thế
  "repeals", // bãi bỏ
  "guides", // hướng dẫn
  "mentions",
]);
export type CitationRelation = z.infer<typeof citationRelationSchema>;

export const citationSchema = z.object({
  raw: z.string().describe("the citation phrase as written"),
  documentType: documentTypeCodeSchema.nullable(),
  number: z.string().nullable().describe("normalised like the document's own number; null for a Luật cited by name"),
  numberParts: numberPartsSchema.nullable(),
  name: z.string().nullable().describe("the name a document is cited by when it has no number: Luật Trẻ em"),
  date: partialDateSchema.nullable(),
  issuer: z.string().nullable().describe("the issuer the citing phrase names; null when it names none"),
  relation: citationRelationSchema,
  shortName: z.string().nullable().describe("(sau đây viết tắt là Chỉ thị 20)"),
  inFootnote: z.boolean(),
  span: spanSchema,
  mentions: z.array(z.object({ span: spanSchema, relation: citationRelationSchema })),
});
export type Citation = z.infer<typeof citationSchema>;

export const outlineNodeSchema = z.object({
  label: z.string().describe("as written: I., 1., 1.1., a), -, +, Điều 1."),
  kind: z.enum(["part", "roman", "upper-letter", "arabic", "decimal", "paren-number", "letter", "article", "dash", "plus", "paragraph"]),
  level: z.number().int().nonnegative(),
  path: z.string().describe("labels from the root: III.2.-"),
  heading: z.string().describe("the line without its label"),
  isHeading: z.boolean().describe("true when the item has children"),
  span: spanSchema,
});

export const footnoteSchema = z.object({ marker: z.string(), text: z.string(), span: spanSchema });

export const sourceSchema = z.object({
  fileName: z.string().nullable(),
  mediaType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  encoding: z.string().describe("how the bytes became text: utf-8, utf-16le, windows-1258, tcvn3, vni ..."),
  format: z.enum(["text", "docx", "doc", "pdf", "image"]).describe("the format detected from the bytes"),
  strategy: z
    .enum(["text", "text-layer", "ocr", "mixed"])
    .describe("where the text came from: a text file or Word body, a PDF text layer, OCR, or a mix by page"),
  ocrEngine: z.string().nullable().describe("the OCR engine that read any page (tesseract 5.3.0, tesseract.js 7.0.0)"),
  pages: z
    .array(
      z.object({
        number: z.number().int().positive(),
        strategy: z.enum(["text", "text-layer", "ocr"]),
        ocrConfidence: z.number().min(0).max(1).nullable().describe("mean OCR confidence of the page, 0..1"),
      }),
    )
    .describe("how each page was read"),
});

export const scalarSpansSchema = z.object({
  documentType: spanSchema.nullable(),
  number: spanSchema.nullable(),
  issueDate: spanSchema.nullable(),
  place: spanSchema.nullable(),
  title: spanSchema.nullable(),
});

export const vanbanDocumentSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z.string().regex(/^vb_[0-9a-f]{24}$/).describe("hash of the normalised text: stable across formats and runs"),
    source: sourceSchema,
    documentType: documentTypeSchema,
    number: z.string().nullable().describe("số ký hiệu, spaces removed around / and -: 354/KH-PGDĐT"),
    numberParts: numberPartsSchema.nullable(),
    issueDate: partialDateSchema.nullable(),
    place: z.string().nullable(),
    title: z.string().nullable().describe("trích yếu"),
    issuer: issuerSchema.nullable(),
    signer: signerSchema.nullable(),
    recipients: z.array(recipientSchema),
    purposes: z.array(textItemSchema),
    requirements: z.array(textItemSchema),
    objectives: z.array(objectiveSchema),
    tasks: z.array(taskSchema),
    deadlines: z.array(deadlineSchema),
    responsibleUnits: z.array(unitSchema),
    citations: z.array(citationSchema),
    outline: z.array(outlineNodeSchema),
    footnotes: z.array(footnoteSchema),
    spans: scalarSpansSchema.describe("where each scalar field was read"),
    warnings: z.array(warningSchema),
    text: z.string().describe("the normalised text every span points into"),
  })
  .describe("A Vietnamese administrative document as extracted by vanban");

export type VanbanDocument = z.infer<typeof vanbanDocumentSchema>;
export type Recipient = z.infer<typeof recipientSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type Issuer = z.infer<typeof issuerSchema>;
export type Signer = z.infer<typeof signerSchema>;
export type OutlineNode = z.infer<typeof outlineNodeSchema>;
export type Footnote = z.infer<typeof footnoteSchema>;
export type TextItem = z.infer<typeof textItemSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type Source = z.infer<typeof sourceSchema>;

/** The JSON Schema of the output, generated from the zod schema (never edited by hand). */
export function documentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(vanbanDocumentSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}
