import { z } from "zod";
import { vanbanDocumentSchema, type VanbanDocument } from "../schema/document.js";
import { TYPE_BY_CODE, type DocumentTypeCodeData } from "../vocabulary/document-types.js";

/**
 * A person's correction of one field. It is kept beside the machine's value, never in place of
 * it: the extracted document stays as the pipeline wrote it, and the corrected view is derived by
 * applying every correction in the order they were made. So later extraction runs can be scored
 * against what people fixed.
 */
export const correctionSchema = z
  .object({
    id: z.string().regex(/^cr_[0-9a-f]{16}$/),
    documentId: z.string().regex(/^vb_[0-9a-f]{24}$/),
    field: z.string().describe("a JSON pointer into the document: /title, /signer/name, /citations/0/number"),
    value: z.unknown().describe("the corrected value, any JSON"),
    machineValue: z.unknown().describe("what the pipeline had extracted there (undefined when the member did not exist)"),
    by: z.string().min(1).max(200).describe("who made the correction"),
    at: z.iso.datetime().describe("when, UTC"),
    note: z.string().max(2000).nullable(),
  })
  .describe("A correction of one field of an extracted document");
export type Correction = z.infer<typeof correctionSchema>;

/** What a reviewer sends: the rest (id, machine value, time) is the server's to fill in. */
export const correctionRequestSchema = z
  .object({
    field: z.string().startsWith("/", "field is a JSON pointer such as /title"),
    value: z.json().describe("the corrected value"),
    by: z.string().trim().min(1).max(200).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type CorrectionRequest = z.infer<typeof correctionRequestSchema>;

/** The extracted document with its corrections applied, and the corrections themselves. */
export const reviewedDocumentSchema = vanbanDocumentSchema
  .extend({ corrections: z.array(correctionSchema).describe("every correction, oldest first; the fields above already carry them") })
  .describe("A document as extracted, with reviewers' corrections applied and listed");
export type ReviewedDocument = z.infer<typeof reviewedDocumentSchema>;

/** Members that identify the document or hold its evidence: correcting them would cut fields loose from their source. */
const FIXED_ROOTS: ReadonlySet<string> = new Set(["schemaVersion", "id", "source", "text", "warnings", "corrections"]);

export class CorrectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CorrectionError";
  }
}

/** RFC 6901: `/a/0/b~1c` → ["a", "0", "b/c"]. */
export function parsePointer(pointer: string): string[] {
  if (!pointer.startsWith("/")) throw new CorrectionError(`'${pointer}' is not a JSON pointer (it must start with /)`);
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Where a correction may go: below a correctable root, through members the document has. A
 * correction may set an existing member (null included) or an array's next element, so a
 * reviewer can fill a field the machine missed but cannot invent a member the schema lacks.
 * Returns the machine's value there (undefined for an array's next element).
 */
export function checkCorrectable(document: VanbanDocument, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  const root = tokens[0] ?? "";
  if (root === "" || FIXED_ROOTS.has(root)) throw new CorrectionError(`'${pointer}' cannot be corrected: ${root === "" ? "name a field" : `/${root} is the document's own record`}`);
  let node: unknown = document;
  for (const [i, token] of tokens.entries()) {
    const last = i === tokens.length - 1;
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) > node.length || (!last && Number(token) === node.length)) throw new CorrectionError(`'${pointer}': no element ${token} in ${pointerOf(tokens.slice(0, i))}`);
      node = node[Number(token)];
    } else if (typeof node === "object" && node !== null) {
      if (!Object.hasOwn(node, token)) throw new CorrectionError(`'${pointer}': the document has no member ${pointerOf(tokens.slice(0, i + 1))}`);
      node = (node as Record<string, unknown>)[token];
    } else {
      throw new CorrectionError(`'${pointer}': ${pointerOf(tokens.slice(0, i))} is ${node === null ? "null" : `a ${typeof node}`}; correct it as a whole`);
    }
  }
  return node;
}

const pointerOf = (tokens: readonly string[]): string => (tokens.length === 0 ? "the document" : `/${tokens.map((t) => t.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`);

/** Puts `value` at `pointer` in `document`, in place (the pointer checked by checkCorrectable). */
function setAt(document: Json, pointer: string, value: unknown): void {
  const tokens = parsePointer(pointer);
  let node: Json = document;
  for (const [i, token] of tokens.entries()) {
    const last = i === tokens.length - 1;
    if (Array.isArray(node)) {
      if (last) node[Number(token)] = value as Json;
      else node = node[Number(token)]!;
    } else if (typeof node === "object" && node !== null) {
      if (last) node[token] = value as Json;
      else node = node[token]!;
    }
  }
}

/** The document with every correction applied, oldest first: a later correction of a field wins. */
export function applyCorrections(document: VanbanDocument, corrections: readonly Correction[]): ReviewedDocument {
  // One copy for all of them: the document as read stays as the machine wrote it.
  const corrected = corrections.length === 0 ? document : structuredClone(document);
  for (const correction of corrections) setAt(corrected as unknown as Json, correction.field, correction.value);
  return { ...withTypeNameOfCode(corrected), corrections: [...corrections] };
}

/** The type's name follows its code: a reviewer corrects the code, and the name is the vocabulary's for it. */
function withTypeNameOfCode(document: VanbanDocument): VanbanDocument {
  const type = document.documentType as { code?: unknown; name?: unknown } | null;
  const name = TYPE_BY_CODE.get(type?.code as DocumentTypeCodeData)?.name;
  return name === undefined || type?.name === name ? document : { ...document, documentType: { ...document.documentType, name } };
}

/**
 * The correction a request makes, checked against the document: the field must be correctable
 * and the corrected document must still satisfy the schema, so every export stays valid.
 */
export function makeCorrection(
  machine: VanbanDocument,
  earlier: readonly Correction[],
  request: CorrectionRequest,
  made: { id: string; at: Date; by: string },
): { correction: Correction; document: ReviewedDocument } {
  const machineValue = checkCorrectable(machine, request.field);
  const correction: Correction = {
    id: made.id,
    documentId: machine.id,
    field: request.field,
    value: request.value,
    machineValue,
    by: request.by ?? made.by,
    at: made.at.toISOString(),
    note: request.note ?? null,
  };
  const document = applyCorrections(machine, [...earlier, correction]);
  const checked = vanbanDocumentSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new CorrectionError(`the value does not fit ${request.field}: ${issue === undefined ? "invalid" : `${issue.path.length > 0 ? `/${issue.path.join("/")}: ` : ""}${issue.message}`}`);
  }
  return { correction, document };
}
