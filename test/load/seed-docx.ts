import { parseLabel, type LabelKind } from "../../src/text/labels.js";
import { abstractNum, num, p, table, type DocxParts } from "./docx-builder.js";

/** The list levels a typed outline label becomes in Word: I. / 1. / - / +. */
const LEVELS: Partial<Record<LabelKind, number>> = { roman: 0, arabic: 1, dash: 2, plus: 3 };

/**
 * A seed text as Word would hold it: its typed outline labels (`I.`, `1.`, `-`, `+`) turned into
 * one automatic multilevel list, the Số and date lines into a header table, and the Nơi nhận
 * block with the signature into a two-column table. What the loader must give back is the text.
 */
export function seedAsDocx(text: string): DocxParts {
  const paragraphs = text.split(/\n[ \t]*\n/).map((b) => b.trim()).filter(Boolean);
  const body: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    if (/^Số\s*:/u.test(paragraph) && /ngày/u.test(paragraphs[i + 1] ?? "")) {
      body.push(table([[[paragraph], [paragraphs[i + 1]!]]]));
      i++;
    } else if (/^Nơi nhận/u.test(paragraph)) {
      const left = paragraph.split("\n");
      while (/^-/.test(paragraphs[i + 1] ?? "")) left.push(...paragraphs[++i]!.split("\n"));
      const right = paragraphs.slice(i + 1).flatMap((b) => [...b.split("\n"), ""]);
      body.push(table([[left, right]]));
      break;
    } else {
      for (const line of paragraph.split("\n")) {
        const label = parseLabel(line);
        const level = label === null ? undefined : LEVELS[label.kind];
        body.push(level === undefined ? p(line) : p(line.slice(label!.length), { numId: 1, ilvl: level }));
      }
    }
  }
  const list = abstractNum(1, [
    { format: "upperRoman", text: "%1." },
    { format: "decimal", text: "%2." },
    { format: "bullet", text: "\uf02d" },
    { format: "bullet", text: "+" },
  ]);
  return { body: body.join(""), numbering: list + num(1, 1) };
}
