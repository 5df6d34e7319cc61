import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extract, vanbanDocumentSchema, type VanbanDocument } from "../../src/index.js";

const SEED_DIR = fileURLToPath(new URL("../../fixtures/seeds", import.meta.url));
const SEEDS = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(SEED_DIR, file), "utf8") }));

interface Span {
  start: number;
  end: number;
}
/** White space collapsed: a value read over two lines is joined with one space. */
const flat = (s: string): string => s.replace(/\s+/g, " ").trim();

/** Every [field, value, span] pair of a document whose span must hold its value. */
function tracedValues(d: VanbanDocument): Array<[string, string, Span]> {
  const out: Array<[string, string, Span]> = [];
  if (d.title !== null && d.spans.title) out.push(["title", d.title, d.spans.title]);
  if (d.numberParts && d.spans.number) out.push(["number", d.numberParts.raw, d.spans.number]);
  if (d.place !== null && d.spans.place) out.push(["place", d.place, d.spans.place]);
  d.recipients.forEach((r, i) => out.push([`recipients[${i}]`, r.name, r.span]));
  d.citations.forEach((c, i) => out.push([`citations[${i}].raw`, c.raw, c.span]));
  d.tasks.forEach((t, i) => out.push([`tasks[${i}].text`, t.text, t.span]));
  d.responsibleUnits.forEach((u, i) => out.push([`responsibleUnits[${i}]`, u.name, u.span]));
  d.purposes.forEach((p, i) => out.push([`purposes[${i}]`, p.text, p.span]));
  d.requirements.forEach((p, i) => out.push([`requirements[${i}]`, p.text, p.span]));
  d.deadlines.forEach((p, i) => out.push([`deadlines[${i}].raw`, p.raw, p.span]));
  d.footnotes.forEach((p, i) => out.push([`footnotes[${i}]`, p.text, p.span]));
  d.outline.forEach((p, i) => out.push([`outline[${i}]`, p.heading, p.span]));
  return out;
}

/** Every span anywhere in the document. */
function allSpans(value: unknown, path = "$"): Array<[string, Span]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => allSpans(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const o = value as Record<string, unknown>;
  if (typeof o["start"] === "number" && typeof o["end"] === "number" && Object.keys(o).length === 2) return [[path, o as unknown as Span]];
  return Object.entries(o).flatMap(([k, v]) => allSpans(v, `${path}.${k}`));
}

describe.each(SEEDS)("seed $file", ({ text }) => {
  const d = extract(text);

  it("parses with vanbanDocumentSchema", () => {
    const parsed = vanbanDocumentSchema.safeParse(JSON.parse(JSON.stringify(d)));
    expect(parsed.error).toBeUndefined();
  });

  it("has every span inside its text, start before end", () => {
    const spans = allSpans(d);
    expect(spans.length).toBeGreaterThan(0);
    const bad = spans.filter(([, s]) => !(s.start >= 0 && s.start <= s.end && s.end <= d.text.length)).map(([p]) => p);
    expect(bad).toEqual([]);
  });

  it("is traceable: each span holds the value it is the span of", () => {
    const values = tracedValues(d);
    expect(values.length).toBeGreaterThan(0);
    const bad = values
      .filter(([, value, span]) => !flat(d.text.slice(span.start, span.end)).includes(flat(value)))
      .map(([field, value, span]) => `${field}: ${JSON.stringify(value)} vs ${JSON.stringify(d.text.slice(span.start, span.end))}`);
    expect(bad).toEqual([]);
  });

  it("has citation mentions that hold the cited number", () => {
    for (const c of d.citations.filter((c) => c.number !== null)) {
      for (const m of c.mentions) expect(d.text.slice(m.span.start, m.span.end).replace(/\s+/g, "").replace(/[–—]/g, "-").toUpperCase()).toContain(c.number!.toUpperCase());
    }
  });
});

describe("id", () => {
  const [first, second] = SEEDS;

  it("is stable across two runs", () => {
    expect(extract(first!.text).id).toBe(extract(first!.text).id);
  });

  it("is the same for the same text with other line ends", () => {
    expect(extract(first!.text.replace(/\n/g, "\r\n")).id).toBe(extract(first!.text).id);
  });

  it("changes when the text changes", () => {
    const id = extract(first!.text).id;
    expect(extract(first!.text.replace("KẾ HOẠCH", "KẾ HOẠCH SỬA ĐỔI")).id).not.toBe(id);
    expect(extract(`${first!.text}\nThêm một dòng.`).id).not.toBe(id);
    expect(extract(second!.text).id).not.toBe(id);
  });

  it("has the documented form", () => {
    expect(extract(first!.text).id).toMatch(/^vb_[0-9a-f]{24}$/);
  });
});
