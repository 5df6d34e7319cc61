import type { Span } from "../schema/document.js";
import { extracted, span, warning, type Extracted, type ExtractContext } from "./context.js";

export interface Title {
  title: string | null;
  span: Span | null;
}

const ABOUT = /^(?:V\/v|V\/V|v\/v)\s*[:.]?\s*/u;

/** Trích yếu: the line(s) after the type line, or a Công văn's "V/v ..." line. */
export function extractTitle({ seg }: ExtractContext): Extracted<Title> {
  const lines = seg.title;
  const rest = seg.typeLine?.rest ?? "";
  if (lines.length || rest) {
    const text = [rest, ...lines.map((l) => l.text)].filter(Boolean).join(" ").trim();
    const typeLine = seg.typeLine!.line;
    const start = rest ? typeLine.start + typeLine.text.lastIndexOf(rest) : lines[0]!.start;
    const end = (lines.at(-1) ?? typeLine).end;
    return extracted({ title: text, span: span(start, end) });
  }
  const about = seg.header.find((l) => ABOUT.test(l.text));
  if (about) {
    const m = ABOUT.exec(about.text)!;
    return extracted({ title: about.text.slice(m[0].length).trim(), span: span(about.start + m[0].length, about.end) });
  }
  return extracted({ title: null, span: null }, seg.typeLine ? [warning("title-missing", "the type line has no trích yếu after it")] : []);
}
