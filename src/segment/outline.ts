import type { Line } from "../normalise/normalise.js";
import { parseLabel, type LabelKind } from "../text/labels.js";

export type OutlineKind = LabelKind | "paragraph";

/** One item of the body: a labelled line or an unlabelled paragraph, with its place in the tree. */
export interface OutlineItem {
  index: number;
  line: Line;
  kind: OutlineKind;
  label: string;
  /** The line without its label. */
  text: string;
  /** Offset of `text` in the normalised text. */
  textStart: number;
  parent: number | null;
  children: number[];
  level: number;
}

/** How coarse a label kind is: coarser kinds contain finer ones, never the other way round. */
const RANK: Record<OutlineKind, number> = {
  part: 0,
  roman: 1,
  "upper-letter": 1,
  article: 2,
  arabic: 3,
  decimal: 4,
  "paren-number": 5,
  letter: 6,
  dash: 7,
  plus: 8,
  paragraph: 9,
};

/** Kinds whose following paragraphs are always their content: an article runs to the next one. */
const CONTAINERS: ReadonlySet<OutlineKind> = new Set(["part", "roman", "upper-letter", "article"]);

/** An item that announces children: short and unfinished, or ending with a colon. */
export function isHeadingLike(text: string): boolean {
  if (/:\s*$/.test(text)) return true;
  return text.length < 160 && !/[.;!?…]["”)]?\s*$|\.\/\.\s*$/u.test(text);
}

/**
 * Builds the outline tree with a stack of label kinds, as human readers do: a kind seen before
 * closes everything opened after it (a sibling), a new kind opens a level (a child). An
 * unlabelled paragraph is a child of an item that announces children, else its sibling.
 */
export function buildOutline(lines: readonly Line[]): OutlineItem[] {
  const items: OutlineItem[] = [];
  const stack: number[] = []; // indices into items of open labelled items
  for (const line of lines) {
    const label = parseLabel(line.text);
    const index = items.length;
    if (label) {
      const kinds = stack.map((i) => items[i]!.kind);
      const at = kinds.lastIndexOf(label.kind);
      if (at >= 0) stack.length = at;
      // A kind never nests inside a finer one: "I." after a preamble's "- Căn cứ ..." is not its child.
      while (stack.length && RANK[items[stack.at(-1)!]!.kind] >= RANK[label.kind]) stack.pop();
      const parent = stack.at(-1) ?? null;
      const text = line.text.slice(label.length).trim();
      items.push({
        index,
        line,
        kind: label.kind,
        label: label.raw,
        text,
        textStart: line.start + line.text.indexOf(text, label.length - 1),
        parent,
        children: [],
        level: stack.length,
      });
      if (parent !== null) items[parent]!.children.push(index);
      stack.push(index);
      continue;
    }
    // Unlabelled paragraph.
    let parent: number | null = stack.at(-1) ?? null;
    while (parent !== null && !CONTAINERS.has(items[parent]!.kind) && !isHeadingLike(items[parent]!.text)) {
      stack.pop();
      parent = stack.at(-1) ?? null;
    }
    items.push({
      index,
      line,
      kind: "paragraph",
      label: "",
      text: line.text,
      textStart: line.start,
      parent,
      children: [],
      level: parent === null ? 0 : items[parent]!.level + 1,
    });
    if (parent !== null) items[parent]!.children.push(index);
  }
  return items;
}

export const isLeaf = (item: OutlineItem): boolean => item.children.length === 0;

/** The labels from the root down to the item: "III.2.-". */
export function pathOf(items: readonly OutlineItem[], item: OutlineItem): string {
  const labels: string[] = [];
  for (let cur: OutlineItem | undefined = item; cur; cur = cur.parent === null ? undefined : items[cur.parent]) {
    labels.unshift(cur.label || "¶");
  }
  return labels.join(" ");
}

/** Ancestors, nearest first. */
export function ancestorsOf(items: readonly OutlineItem[], item: OutlineItem): OutlineItem[] {
  const out: OutlineItem[] = [];
  for (let p = item.parent; p !== null; p = items[p]!.parent) out.push(items[p]!);
  return out;
}
