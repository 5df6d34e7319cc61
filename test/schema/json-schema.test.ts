import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentJsonSchema, extract, SCHEMA_VERSION } from "../../src/index.js";

const committed = JSON.parse(readFileSync(join(import.meta.dirname, "../../schema/vanban-document.schema.json"), "utf8"));

describe("schema/vanban-document.schema.json", () => {
  it("is exactly what the zod schema generates (run `npm run schema` after changing src/schema)", () => {
    expect(documentJsonSchema()).toEqual(committed);
  });

  it("requires the fields GOLD.md fixes, under those names", () => {
    const required: string[] = committed.required;
    for (const field of ["documentType", "number", "issueDate", "place", "title", "issuer", "signer", "recipients", "purposes", "requirements", "tasks", "deadlines", "responsibleUnits", "citations"]) {
      expect(required, field).toContain(field);
    }
    expect(committed.properties.schemaVersion.const).toBe(SCHEMA_VERSION);
  });

  it("accepts a real document and rejects one with a field of the wrong type", () => {
    const document = extract("KẾ HOẠCH\nThử nghiệm\n\nNội dung.");
    // A minimal structural check against the JSON Schema, without a validator dependency:
    // every required key is present and the enum of type codes holds the extracted code.
    for (const key of committed.required as string[]) expect(document, key).toHaveProperty(key);
    const codes: string[] = committed.properties.documentType.properties.code.enum;
    expect(codes).toContain(document.documentType.code);
    expect(codes).not.toContain("NOT_A_TYPE");
  });
});
