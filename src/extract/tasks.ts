import type { DocumentTypeCode, Task, Unit } from "../schema/document.js";
import { ancestorsOf, isHeadingLike, pathOf, type OutlineItem } from "../segment/outline.js";
import { canon, foldWords } from "../text/fold.js";
import { extracted, span, type Extracted, type ExtractContext } from "./context.js";
import { findDeadlines } from "./deadlines.js";
import { classifyHeading, leavesOf, type SectionKind } from "./sections.js";
import { mentionsCue, unitOfHeading, unitsAfter, unitsOfHeading, unitsBefore, unitsFromStart, unitsOpening, type UnitMatch } from "./units.js";
import { matchesOf } from "../text/matches.js";

/**
 * Tasks and the units that lead them. Where tasks live depends on the genre:
 *   - the leaves of NHIỆM VỤ / GIẢI PHÁP and TỔ CHỨC THỰC HIỆN sections (Kế hoạch, Báo cáo, Hướng dẫn);
 *   - the article that assigns execution (Quyết định, Nghị quyết): "Điều 3. ... chịu trách nhiệm thi hành";
 *   - the numbered directive items of a Chỉ thị;
 *   - requests to named units in a Công văn or Thông báo ("đề nghị Sở X ...", "giao Y ...");
 *   - in a fragment without headings, paragraphs that assign work to a unit ("Đối với cấp tỉnh: Giao ...").
 */
export interface TasksAndUnits {
  tasks: Task[];
  responsibleUnits: Unit[];
}

const ASSIGN_CUES = ["giao", "giao cho", "đề nghị", "yêu cầu"];
const LEAD_CUES = ["chủ trì", "có trách nhiệm", "chịu trách nhiệm"];
const COORDINATE_CUES = ["phối hợp với", "phối hợp cùng", "phối hợp chặt chẽ với"];
const CHAIR_CUES = ["chủ trì"];
const GIVE_CUES = ["giao", "giao cho"];
const LEAD_OR_GIVE_CUES = [...LEAD_CUES, ...GIVE_CUES];

interface Collector {
  tasks: Task[];
  units: Unit[];
  /** canon of every name in `units`: each new unit compared its key with every unit's, one memo lookup each. */
  unitKeys: Set<string>;
}

function addUnit(c: Collector, name: string, evidence: Unit["evidence"], start: number): void {
  const clean = name.replace(/[\s,;:.]+$/u, "").trim();
  if (!clean) return;
  const key = canon(clean);
  if (c.unitKeys.has(key)) return;
  c.unitKeys.add(key);
  c.units.push({ name: clean, evidence, span: span(start, start + clean.length) });
}

/** "Đối với cấp tỉnh: Giao ..." -> the text after the label, and where it starts. */
function withoutTopicLabel(text: string): { body: string; offset: number } {
  const m = /^(?:Đối với|Về phía|Riêng)\s[^:]{1,60}:\s*/u.exec(text) ?? /^[^:]{1,40}:\s*(?=\p{Lu})/u.exec(text);
  return m ? { body: text.slice(m[0].length), offset: m[0].length } : { body: text, offset: 0 };
}

const SENTENCE = /[^.;!?]+(?:[.;!?]+|$)/gu;

const sentencesOf = (text: string): Array<{ text: string; offset: number }> => {
  const out: Array<{ text: string; offset: number }> = [];
  for (const m of matchesOf(SENTENCE, text)) {
    const lead = m[0].length - m[0].trimStart().length;
    if (m[0].trim()) out.push({ text: m[0].trim(), offset: m.index + lead });
  }
  return out;
};

/** An item that opens by directing a unit: the unit named next is the one given the work. */
const DIRECTS = /^(?:Lãnh đạo,\s*chỉ|Chỉ) đạo\s+/u;

/** Units a task's own words give it: each sentence's subject, and whoever is "giao"/"đề nghị"-ed. */
function unitsOfText(text: string): UnitMatch[] {
  const { body, offset } = withoutTopicLabel(text);
  const found: UnitMatch[] = [];
  // "1. Phòng Giáo dục và Đào tạo: Chủ trì tổ chức ...": a label that is a unit leads its sentence.
  const labelled = offset > 0 ? unitOfHeading(text.slice(0, offset).replace(/[\s:]+$/u, "")) : null;
  if (labelled) found.push(labelled);
  for (const [i, sentence] of sentencesOf(body).entries()) {
    // An item that opens "Chỉ đạo Đội X tăng cường ...": the issuer directs, the unit it names does
    // the work. Not a later clause ("...; chỉ đạo các trường rà soát"): that is the item's unit directing.
    const cue = i === 0 ? (DIRECTS.exec(sentence.text)?.[0].length ?? 0) : 0;
    const at = offset + sentence.offset + cue;
    for (const u of unitsOpening(sentence.text.slice(cue))) found.push({ ...u, start: u.start + at, end: u.end + at });
  }
  // Where a unit leads the item, its "yêu cầu giáo viên ...", "đề nghị X ..." are that unit's own requests, not the issuer's assignments.
  const led = found.length > 0;
  for (const u of [...(led ? [] : unitsAfter(body, ASSIGN_CUES)), ...unitsBefore(body, CHAIR_CUES)]) {
    if (/^\s*chủ trì\s+(?:cuộc|buổi|hội nghị|họp)/iu.test(body.slice(u.end))) continue;
    found.push({ ...u, start: u.start + offset, end: u.end + offset });
  }
  const unique: UnitMatch[] = [];
  for (const u of found) if (!unique.some((v) => canon(v.name) === canon(u.name))) unique.push(u);
  return unique;
}

function makeTask(ctx: ExtractContext, item: OutlineItem, units: readonly string[]): Task {
  const deadline = findDeadlines(item.text)[0] ?? null;
  const coordinating = unitsAfter(item.text, COORDINATE_CUES).map((u) => u.name);
  return {
    text: item.text,
    responsibleUnits: [...units],
    coordinatingUnits: coordinating.filter((c) => !units.some((u) => canon(u) === canon(c))),
    deadline: deadline ? { start: deadline.start, end: deadline.end } : null,
    section: pathOf(ctx.seg.outline, item),
    span: span(item.textStart, item.textStart + item.text.length),
  };
}

/** Sections whose leaves are tasks, outermost only, not nested in a content or objectives section. */
function taskSections(outline: readonly OutlineItem[]): Array<{ head: OutlineItem; kind: SectionKind }> {
  const out: Array<{ head: OutlineItem; kind: SectionKind }> = [];
  for (const item of outline) {
    if (item.kind === "paragraph" || item.kind === "dash" || item.kind === "plus" || item.children.length === 0) continue;
    if (!isHeadingLike(item.text)) continue;
    const kind = classifyHeading(item.text);
    if (kind !== "tasks" && kind !== "execution") continue;
    const ancestors = ancestorsOf(outline, item);
    if (ancestors.some((a) => classifyHeading(a.text) !== "other")) continue;
    out.push({ head: item, kind });
  }
  return out;
}

/** Collects the tasks of one section; in TỔ CHỨC THỰC HIỆN, a heading that names a unit leads its items. */
function collectSection(ctx: ExtractContext, c: Collector, head: OutlineItem, kind: SectionKind): void {
  const outline = ctx.seg.outline;
  if (kind === "execution") {
    for (const item of outline) {
      if (item === head || item.children.length === 0 || !ancestorsOf(outline, item).includes(head)) continue;
      for (const unit of unitsOfHeading(item.text)) addUnit(c, unit.name, "heading", item.textStart + unit.start);
    }
  }
  // "Điều 2. Tổ công tác có nhiệm vụ:": the head's subject leads the items that name no unit of their own.
  const headSubject = /\scó\s+(?:các\s+)?(?:nhiệm vụ|trách nhiệm)(?:\s+(?:sau|như sau|chủ yếu|cụ thể))?\s*:\s*$/u.test(head.text) ? (unitsOpening(head.text)[0] ?? null) : null;
  if (headSubject) addUnit(c, headSubject.name, "subject", head.textStart + headSubject.start);
  for (const leaf of leavesOf(outline, head)) {
    if (leaf === head) continue;
    const headingUnits =
      kind === "execution"
        ? ancestorsOf(outline, leaf)
            .filter((a) => a !== head && ancestorsOf(outline, a).includes(head))
            .map((a) => unitsOfHeading(a.text))
            .find((units) => units.length > 0)
        : undefined;
    if (headingUnits) {
      c.tasks.push(makeTask(ctx, leaf, headingUnits.map((u) => u.name)));
      continue;
    }
    const own = unitsOfText(leaf.text);
    c.tasks.push(makeTask(ctx, leaf, own.length === 0 && headSubject ? [headSubject.name] : own.map((u) => u.name)));
    for (const u of own) addUnit(c, u.name, "subject", leaf.textStart + u.start);
  }
}

/** An article that assigns execution: by its own words or those of its paragraphs. */
function isExecutionArticle(item: OutlineItem, outline: readonly OutlineItem[]): boolean {
  if (item.kind !== "article") return false;
  const words = [item, ...item.children.map((c) => outline[c]!)].map((i) => foldWords(i.text)).join(" ");
  return /\b(?:to chuc thuc hien|thi hanh|chiu trach nhiem|giao)\b/.test(words);
}

/**
 * Units an article's sentence assigns: "Giao Sở X ...", or the list before "chịu trách nhiệm thi
 * hành" ("Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Tài chính, Y tế; Chủ tịch UBND các huyện ...").
 */
function executionUnits(text: string): UnitMatch[] {
  const assigned = unitsAfter(text, ASSIGN_CUES);
  if (assigned.length) return [...assigned, ...unitsBefore(text, CHAIR_CUES).filter((u) => !assigned.some((a) => canon(a.name) === canon(u.name)))];
  const cue = EXECUTION_CUE.exec(text);
  if (!cue) return [];
  const units: UnitMatch[] = [];
  let offset = 0;
  const before = text.slice(0, cue.index);
  for (const clause of before.split(";")) {
    const lead = clause.length - clause.trimStart().length;
    units.push(...distributedUnits(clause.trim()).map((u) => ({ ...u, start: u.start + offset + lead, end: u.end + offset + lead })));
    offset += clause.length + 1;
  }
  const named = [...before.matchAll(NAMED_IN_ARTICLE)].map((m): UnitMatch => ({ name: m[0], shortName: null, start: m.index, end: m.index + m[0].length }));
  if (named.length === 0) return units;
  return [...units.filter((u) => !named.some((n) => u.start < n.end && n.start < u.end)), ...named].sort((a, b) => a.start - b.start);
}

/** "... chịu trách nhiệm thi hành Quyết định này", or "... căn cứ Quyết định thi hành": who executes is named before. */
const EXECUTION_CUE = /\s(?:(?:có|chịu)\s+trách nhiệm\s+(?:thi hành|tổ chức thực hiện|thực hiện)|căn cứ\s+(?:Quyết định|Nghị quyết)(?:\s+này)?\s+(?:thi hành|thực hiện))/iu;

/**
 * "các ông (bà) có tên tại Điều 1", "các đồng chí có tên tại Điều 2": the people a decision names
 * (a team's members, those appointed) execute it as a unit does.
 */
const NAMED_IN_ARTICLE = /các\s+(?:ông\s*\(bà\)|ông\s*,?\s*bà|ông\/bà|bà\s*,?\s*ông|cá nhân|thành viên|đồng chí)(?:\s+[^\s;,.]+){0,4}?\s+có tên\s+(?:tại|ở|trong)\s+Điều\s+\d+/gu;

/** "Giám đốc các Sở: Tài chính, Y tế" -> Sở Tài chính, Sở Y tế; anything else read as a list. */
function distributedUnits(clause: string): UnitMatch[] {
  const m = /(?:Giám đốc|Thủ trưởng|Trưởng|Chủ tịch)?\s*các\s+(?<head>[Ss]ở|[Bb]an|[Pp]hòng|Bộ)\s*:\s*/u.exec(clause);
  if (!m) return unitsFromStart(clause);
  const head = m.groups!["head"]!.charAt(0).toUpperCase() + m.groups!["head"]!.slice(1);
  const out: UnitMatch[] = unitsFromStart(clause.slice(0, m.index));
  let at = m.index + m[0].length;
  for (const name of splitNames(clause.slice(at))) {
    const start = clause.indexOf(name, at);
    out.push({ name: `${head} ${name}`, shortName: null, start, end: start + name.length });
    at = start + name.length;
  }
  return out;
}

/** "Lao động - Thương binh và Xã hội, Văn hóa, Thể thao và Du lịch, Y tế" -> three names. */
function splitNames(list: string): string[] {
  const parts = list.split(/\s*,\s*/u).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    const previous = out.at(-1);
    // "Văn hóa, Thể thao và Du lịch": the one kind of Sở or Bộ whose name has a comma. Any other
    // part before one with "và" is a name of its own ("Tài chính, Kế hoạch và Đầu tư" are two).
    if (previous !== undefined && /^Văn h(?:óa|oá)$/iu.test(previous) && /\svà\s/u.test(part)) {
      out[out.length - 1] = `${previous}, ${part}`;
      continue;
    }
    out.push(part.replace(/\s+và\s+(?:Thủ trưởng|các).*$/u, ""));
  }
  return out;
}

/**
 * Quyết định / Nghị quyết: the execution article, item by item, or whole with its list of units.
 * Articles already read as a task section (`done`: "Điều 2. Tổ công tác có nhiệm vụ:") are left.
 */
function collectArticles(ctx: ExtractContext, c: Collector, done: readonly OutlineItem[] = []): boolean {
  const outline = ctx.seg.outline;
  const articles = outline.filter((item) => isExecutionArticle(item, outline) && !done.some((d) => d === item || ancestorsOf(outline, item).includes(d)));
  for (const article of articles) {
    const parts = [article, ...leavesOf(outline, article).filter((l) => l !== article)];
    for (const part of parts) {
      const lead = executionUnits(part.text);
      if (!lead.length) continue;
      c.tasks.push(makeTask(ctx, part, lead.map((u) => u.name)));
      for (const u of lead) addUnit(c, u.name, "lead", part.textStart + u.start);
    }
  }
  return articles.length > 0;
}

/** Chỉ thị: the numbered items after the preamble are directives; a unit heading leads its items. */
function collectDirectives(ctx: ExtractContext, c: Collector): boolean {
  const outline = ctx.seg.outline;
  const tops = outline.filter((i) => i.parent === null && i.kind !== "paragraph" && i.kind !== "dash");
  for (const top of tops) {
    const unit = unitOfHeading(top.text.replace(/:\s*$/u, ""));
    if (unit) addUnit(c, unit.name, "heading", top.textStart + unit.start);
    for (const leaf of leavesOf(outline, top)) {
      if (leaf === top && unit && /:\s*$/u.test(top.text)) continue;
      const own = unitsOfText(leaf.text);
      const names = unit && leaf !== top ? [unit.name] : own.map((u) => u.name);
      c.tasks.push(makeTask(ctx, leaf, names));
      if (!unit) for (const u of own) addUnit(c, u.name, "subject", leaf.textStart + u.start);
    }
  }
  return tops.length > 0;
}

/** Công văn, Thông báo, fragments: sentences that request work from a named unit. */
function collectRequests(ctx: ExtractContext, c: Collector, requestGenre: boolean, issuer: string | null): void {
  const outline = ctx.seg.outline;
  // "Sở Nội vụ thông báo ...", "Sở Nội vụ đề nghị:": the issuer speaking, not a unit it directs.
  const issuerKey = issuer === null ? null : canon(issuer);
  const isIssuer = (name: string): boolean => {
    const key = canon(name);
    return issuerKey !== null && (key === issuerKey || (key.includes(" ") && issuerKey.startsWith(`${key} `)));
  };
  let introUnits: string[] = [];
  for (const item of outline) {
    if (item.kind === "paragraph" && item.parent === null) {
      const asked = unitsAfter(item.text, ASSIGN_CUES);
      introUnits = /:\s*$/u.test(item.text) ? asked.map((u) => u.name) : [];
      if (introUnits.length) {
        for (const u of asked) addUnit(c, u.name, "assigned", item.textStart + u.start);
        continue;
      }
    }
    if (item.children.length) continue;
    if (introUnits.length && item.kind !== "paragraph") {
      c.tasks.push(makeTask(ctx, item, introUnits));
      continue;
    }
    const topic = /^(?:Đối với|Về phía)\s/u.test(item.text);
    const asked = unitsAfter(item.text, ASSIGN_CUES);
    // In a Công văn or Thông báo, a sentence that opens with units directs them.
    const directs = topic || (requestGenre && !/(?<![\p{L}])nhận được(?![\p{L}])/u.test(item.text));
    const subject = directs ? unitsOfText(item.text).filter((u) => !isIssuer(u.name)) : [];
    const units = [...subject, ...asked.filter((a) => !subject.some((s) => canon(s.name) === canon(a.name)))];
    if (!units.length) continue;
    c.tasks.push(makeTask(ctx, item, units.map((u) => u.name)));
    for (const u of units) addUnit(c, u.name, "assigned", item.textStart + u.start);
  }
}

/** Units named as leads anywhere in the body: "X chủ trì", "giao X", "X có trách nhiệm". */
function collectLeads(ctx: ExtractContext, c: Collector): void {
  for (const item of ctx.seg.outline) {
    // Most items hold neither kind of cue: one scan for both spares a scan for each.
    if (!mentionsCue(item.text, LEAD_OR_GIVE_CUES)) continue;
    const leads = unitsBefore(item.text, LEAD_CUES).filter((u) => !/^\s*chủ trì\s+(?:cuộc|buổi|hội nghị|họp)/iu.test(item.text.slice(u.end)));
    for (const u of [...leads, ...unitsAfter(item.text, GIVE_CUES)]) {
      addUnit(c, u.name, "lead", item.textStart + u.start);
    }
  }
}

/** `issuer`: the document's issuer, whose own sentences in a Công văn or Thông báo direct nobody. */
export function extractTasks(ctx: ExtractContext, type: DocumentTypeCode, issuer: string | null = null): Extracted<TasksAndUnits> {
  const c: Collector = { tasks: [], units: [], unitKeys: new Set() };
  const sections = taskSections(ctx.seg.outline);
  for (const { head, kind } of sections) collectSection(ctx, c, head, kind);
  if (!sections.length) {
    const found = collectArticles(ctx, c) || (type === "CHI_THI" && collectDirectives(ctx, c));
    if (!found) collectRequests(ctx, c, type === "CONG_VAN" || type === "THONG_BAO", issuer);
  } else if (sections.some(({ head }) => head.kind === "article")) {
    // A Quyết định whose article lists a team's duties still ends with the article that assigns execution.
    collectArticles(ctx, c, sections.map(({ head }) => head));
  }
  collectLeads(ctx, c);
  return extracted({ tasks: c.tasks, responsibleUnits: c.units });
}
