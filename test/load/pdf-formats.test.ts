import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract, extractBytes } from "../../src/pipeline/run.js";
import type { VanbanDocument } from "../../src/schema/document.js";

/**
 * The seeds as Word users print them (fixtures/formats/<seed>.pdf: LibreOffice export of a Word
 * version with a header table, page-number footer and footnotes) must give what the seed's text
 * gives. Runs once the format fixtures are in the tree.
 */
const dir = "fixtures/formats";
const seeds = existsSync(dir) ? readdirSync(dir).filter((f) => /^\d{3}_[0-9a-f]+\.pdf$/.test(f)).map((f) => f.replace(/\.pdf$/, "")) : [];

/** The fields the gold scores, spans aside (offsets move with every blank line). */
function fields(d: VanbanDocument): unknown {
  const sorted = (xs: string[]): string[] => [...xs].sort();
  return {
    type: d.documentType.code,
    number: d.number,
    issueDate: d.issueDate,
    place: d.place,
    title: d.title,
    issuer: d.issuer?.name ?? null,
    signer: d.signer ? { ...d.signer, span: null } : null,
    recipients: d.recipients.map((r) => [r.name, r.action]),
    purposes: d.purposes.length,
    requirements: d.requirements.length,
    tasks: sorted(d.tasks.map((t) => t.text)),
    deadlines: sorted(d.deadlines.map((x) => `${x.start}..${x.end}`)),
    responsibleUnits: sorted(d.responsibleUnits.map((u) => u.name)),
    citations: sorted(d.citations.map((c) => `${c.number}|${c.date}|${c.issuer}`)),
  };
}

describe.skipIf(seeds.length === 0)("seeds printed to PDF read as their text", () => {
  it.each(seeds)("%s", async (seed) => {
    const fromPdf = await extractBytes(new Uint8Array(readFileSync(`${dir}/${seed}.pdf`)), { fileName: `${seed}.pdf` });
    const fromText = extract(readFileSync(`fixtures/seeds/${seed}.txt`, "utf8"), { fileName: `${seed}.txt` });
    expect(fields(fromPdf)).toEqual(fields(fromText));
    expect(fromPdf.source.pages.every((p) => p.strategy === "text-layer")).toBe(true);
  });
});
