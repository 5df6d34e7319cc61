import type { NormalisedDocument } from "../normalise/normalise.js";
import type { Span, Warning, WarningCode } from "../schema/document.js";
import type { Segments } from "../segment/segment.js";

/** What every extractor reads: the normalised text and its segments. Never mutated. */
export interface ExtractContext {
  doc: NormalisedDocument;
  seg: Segments;
}

/** An extractor's answer: its value and what it noticed on the way (mammoth's {value, messages}). */
export interface Extracted<T> {
  value: T;
  warnings: Warning[];
}

export const extracted = <T>(value: T, warnings: Warning[] = []): Extracted<T> => ({ value, warnings });

export const span = (start: number, end: number): Span => ({ start, end });

export const warning = (code: WarningCode, message: string, at: Span | null = null): Warning => ({ code, message, span: at });

/** Trims white space and trailing separators, moving the span with the text. */
export function trimmed(text: string, start: number): { text: string; span: Span } {
  const lead = text.length - text.trimStart().length;
  const body = text.trim().replace(/[\s,;:.]+$/u, "");
  return { text: body, span: span(start + lead, start + lead + body.length) };
}
