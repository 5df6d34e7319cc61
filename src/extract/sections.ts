import { ancestorsOf, isHeadingLike, isLeaf, type OutlineItem } from "../segment/outline.js";
import { foldWords } from "../text/fold.js";
import { DocumentMemo } from "../text/memo.js";
import type { Objective, TextItem } from "../schema/document.js";
import { extracted, span, type Extracted, type ExtractContext } from "./context.js";
import { matchesOf } from "../text/matches.js";

export type SectionKind =
  | "purposes"
  | "requirements"
  | "purposes-requirements"
  | "objectives"
  | "tasks"
  | "execution"
  | "content"
  | "funding"
  | "other";

/** What a heading announces, read from its words with diacritics folded (OCR drops them). */
export function classifyHeading(heading: string): SectionKind {
  return KIND_OF_HEADING.get(heading);
}

/** Every section finder and the task finder ask about the same items, and their ancestors again. */
const KIND_OF_HEADING = new DocumentMemo(classify);

function classify(heading: string): SectionKind {
  const f = foldWords(heading.replace(/:.*$/u, ""));
  if (/^(?:muc dich)\b/.test(f)) return /\byeu cau\b/.test(f) ? "purposes-requirements" : "purposes";
  if (/^yeu cau\b/.test(f)) return "requirements";
  // A Báo cáo's account of results mentions nhiệm vụ without assigning any.
  if (/^(?:ket qua|tinh hinh|danh gia|uu diem|han che|khuyet diem|ton tai|nguyen nhan|bai hoc|cong tac chi dao)\b/.test(f)) return "other";
  if (/\b(?:to chuc thuc hien|trach nhiem|phan cong|to chuc trien khai|trien khai thuc hien)\b/.test(f)) return "execution";
  if (/\b(?:nhiem vu|giai phap)\b/.test(f)) return "tasks";
  if (/\bmuc tieu\b/.test(f)) return "objectives";
  if (/^(?:noi dung|hinh thuc|thoi gian|dia diem|thanh phan)\b/.test(f)) return "content";
  if (/^kinh phi\b/.test(f)) return "funding";
  return "other";
}

/** Items that head a section: labelled items with children, or heading-like labelled leaves. */
export function sectionHeads(outline: readonly OutlineItem[], kind: SectionKind): OutlineItem[] {
  let heads = HEADS_OF_OUTLINE.get(outline);
  if (!heads) {
    heads = outline
      .filter(
        (item) =>
          item.kind !== "paragraph" &&
          item.kind !== "dash" &&
          item.kind !== "plus" &&
          (isHeadingLike(item.text) || /^[^:]{2,40}:/u.test(item.text)),
      )
      .map((item) => ({ item, kind: classifyHeading(item.text) }));
    HEADS_OF_OUTLINE.set(outline, heads);
  }
  return heads.filter((head) => head.kind === kind).map((head) => head.item);
}

/**
 * The heads of a document's outline with their kinds: purposes, requirements, their joint
 * heading and objectives each asked for the heads of one kind, testing every item again.
 * Keyed by the outline itself, so an entry goes with its document.
 */
const HEADS_OF_OUTLINE = new WeakMap<readonly OutlineItem[], Array<{ item: OutlineItem; kind: SectionKind }>>();

/** The leaves under an item (the item itself when it has no children). */
export function leavesOf(outline: readonly OutlineItem[], item: OutlineItem): OutlineItem[] {
  if (isLeaf(item)) return [item];
  return item.children.flatMap((c) => leavesOf(outline, outline[c]!));
}

const textItem = (item: OutlineItem): TextItem => ({ text: item.text, span: span(item.textStart, item.textStart + item.text.length) });

/** "1. Mục đích: nhằm ..." carries its item on the heading line. */
function inlineContent(item: OutlineItem): TextItem | null {
  const m = /^[^:]{2,40}:\s*(\S.*)$/u.exec(item.text);
  if (!m) return null;
  const start = item.textStart + item.text.indexOf(m[1]!);
  return { text: m[1]!, span: span(start, start + m[1]!.length) };
}

function itemsUnder(outline: readonly OutlineItem[], head: OutlineItem): TextItem[] {
  if (isLeaf(head)) {
    const inline = inlineContent(head);
    return inline ? [inline] : [];
  }
  return leavesOf(outline, head).map(textItem);
}

/** A requirement says what the work must be like: "... phải bảo đảm ...". */
const isRequirementSentence = (text: string): boolean => /\b(?:phai|can phai|yeu cau)\b/.test(foldWords(text));

export interface PurposesAndRequirements {
  purposes: TextItem[];
  requirements: TextItem[];
}

/**
 * Mục đích and Yêu cầu: their own headings when present; under a joint heading without
 * sub-headings, items that say what the work must be ("phải") are requirements. A fragment that
 * lost its headings opens with its purpose ("Kế hoạch nhằm ...") and requirement ("... phải ...").
 */
export function extractPurposesAndRequirements({ seg }: ExtractContext): Extracted<PurposesAndRequirements> {
  const outline = seg.outline;
  const purposes = sectionHeads(outline, "purposes").flatMap((h) => itemsUnder(outline, h));
  const requirements = sectionHeads(outline, "requirements").flatMap((h) => itemsUnder(outline, h));
  if (purposes.length || requirements.length) return extracted({ purposes, requirements });

  for (const joint of sectionHeads(outline, "purposes-requirements")) {
    for (const leaf of leavesOf(outline, joint)) {
      if (leaf === joint) continue;
      (isRequirementSentence(leaf.text) ? requirements : purposes).push(textItem(leaf));
    }
  }
  if (purposes.length || requirements.length) return extracted({ purposes, requirements });

  // No headings at all: the opening paragraphs of a fragment.
  if (outline.every((item) => item.kind === "paragraph")) {
    for (const item of outline.slice(0, 4)) {
      const f = foldWords(item.text);
      if (/^[^:]{1,30}:/u.test(item.text)) break;
      if (/^(?:ke hoach|chi thi|chuong trinh|de an)? ?nham\b|^muc dich\b/.test(f) || /^\S+ \S+ nham\b/.test(f)) purposes.push(textItem(item));
      else if (isRequirementSentence(item.text) && purposes.length) requirements.push(textItem(item));
      else if (purposes.length || requirements.length) break;
    }
  }
  return extracted({ purposes, requirements });
}

const TARGET =
  /(?<cmp>đạt|trên|dưới|tối thiểu|ít nhất|không quá|còn|duy trì|giảm xuống|tăng lên|phấn đấu|phần đầu)?\s*(?:tỷ lệ\s+)?(?<value>\d{1,3}(?:[.,]\d+)?)\s*(?<unit>%)(?<rest>[^;]*?)(?:(?:vào|đến|trong|trước)\s+(?:cuối\s+)?năm\s+(?<year>\d{4}))/gu;

/** Objectives with their numeric targets: "Tỷ lệ ... đạt 99,8% vào năm 2025". */
export function extractObjectives({ seg }: ExtractContext): Extracted<Objective[]> {
  const outline = seg.outline;
  const objectives: Objective[] = [];
  for (const head of sectionHeads(outline, "objectives")) {
    if (ancestorsOf(outline, head).some((a) => classifyHeading(a.text) === "objectives")) continue;
    for (const leaf of leavesOf(outline, head)) {
      if (leaf === head) continue;
      const targets: Objective["targets"] = [];
      let clauseStart = 0;
      for (const m of matchesOf(TARGET, leaf.text)) {
        const g = m.groups!;
        const before = leaf.text.slice(clauseStart, m.index).replace(/^[\s;,.]*(?:và\s+)?/u, "").trim();
        const cmp = g["cmp"] ?? "";
        targets.push({
          indicator: before || leaf.text.slice(0, m.index).trim(),
          comparator: /dưới|không quá|giảm/u.test(cmp) ? "at-most" : /đạt|trên|tối thiểu|ít nhất|tăng|phấn đấu|phần đầu|duy trì/u.test(cmp) ? "at-least" : "equal",
          value: Number(g["value"]!.replace(",", ".")),
          unit: g["unit"] ?? null,
          year: g["year"] ? Number(g["year"]) : null,
          span: span(leaf.textStart + m.index, leaf.textStart + m.index + m[0].length),
        });
        if (/[;]/.test(leaf.text.slice(m.index + m[0].length, m.index + m[0].length + 3))) clauseStart = m.index + m[0].length;
      }
      objectives.push({ text: leaf.text, targets, span: span(leaf.textStart, leaf.textStart + leaf.text.length) });
    }
  }
  return extracted(objectives);
}
