import { parseLabel } from "../../text/labels.js";
import { decodeLegacy, encodingOfFont, restoreLostCapitals, type LegacyEncoding } from "../encodings/index.js";
import type { Numbering } from "./numbering.js";
import { runPropertiesOf, type Styles } from "./styles.js";
import { cellText, tableBlocks, untabLayout, type TableCell } from "./tables.js";
import { child, elements, textOf, valOf, type XmlElement } from "./xml.js";

/**
 * The Word body as text blocks in reading order: one block per paragraph, with its numbering
 * label put back; a layout table (header, Nơi nhận | signature) column by column, one block per
 * cell; a data table row by row; referenced footnotes as `¹ text` blocks at the end, with the
 * same superscript after the word that cites them (the form normalise recognises).
 */
export interface BodyText {
  blocks: string[];
  /** Runs converted from a legacy font encoding, per encoding. */
  legacyRuns: Map<LegacyEncoding, number>;
  legacyFonts: Set<string>;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
export const superscript = (n: number): string => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]!).join("");

/**
 * A page header that is the document's own header (agency, quốc hiệu, Số, put in Word's header
 * area by some templates) rather than furniture (a running title, a page number).
 */
const DOCUMENT_HEADER_CUES = /C[ỘO]NG\s+H[ÒOÓ]A\s+X[ÃA]\s+H[ỘO]I|Độc\s+lập\s*[-–]\s*Tự\s+do|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|^Số\s*[:.]\s*\d/mu;

/** Containers whose content reads as if they were not there; tracked deletions (w:del) are not among them. */
const TRANSPARENT = new Set(["w:hyperlink", "w:ins", "w:smartTag", "w:fldSimple", "w:customXml", "w:moveTo", "w:dir", "w:bdo", "w:sdtContent"]);

export class BodyReader {
  private readonly footnoteOrder: string[] = [];
  private readonly legacyRuns = new Map<LegacyEncoding, number>();
  /** The paragraph being read has TCVN3 runs in a normal (not H) font, which cannot code toned capitals. */
  private capitalsLost = false;
  private readonly legacyFonts = new Set<string>();

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
    private readonly footnotes: ReadonlyMap<string, XmlElement>,
  ) {}

  /** The body's text; `pageHeader`, the first page's header part, is read before it when it holds the document's own header. */
  read(body: XmlElement, pageHeader: XmlElement | null = null): BodyText {
    const top = pageHeader === null ? [] : this.blockLevel(pageHeader);
    const own = DOCUMENT_HEADER_CUES.test(top.join("\n")) ? top : [];
    const blocks = untabLayout([...own, ...this.blockLevel(body)], (text) => parseLabel(text)?.raw === text).filter((b) => b.trim() !== "");
    // Footnotes read after the body: a footnote that cites another footnote gets the next number.
    for (let i = 0; i < this.footnoteOrder.length; i++) {
      const note = this.footnotes.get(this.footnoteOrder[i]!);
      if (note === undefined) continue;
      const text = this.blockLevel(note)
        .flatMap((b) => b.split("\n"))
        .map((l) => l.trim())
        .filter(Boolean)
        .join(" ");
      if (text !== "") blocks.push(`${superscript(i + 1)} ${text}`);
    }
    return { blocks, legacyRuns: this.legacyRuns, legacyFonts: this.legacyFonts };
  }

  /** Paragraphs, tables and content controls in document order, as blocks. */
  private blockLevel(container: XmlElement): string[] {
    const out: string[] = [];
    for (const el of elements(container)) {
      if (el.name === "w:p") out.push(...this.paragraph(el));
      else if (el.name === "w:tbl") out.push(...this.table(el));
      else if (TRANSPARENT.has(el.name) || el.name === "w:sdt") out.push(...this.blockLevel(el));
      else if (el.name === "mc:AlternateContent") out.push(...this.blockLevel(child(el, "mc:Choice") ?? el));
    }
    return out;
  }

  /** A paragraph's text with its numbering label, then any text boxes anchored in it. */
  private paragraph(p: XmlElement): string[] {
    const pPr = child(p, "w:pPr");
    const style = valOf(pPr, "w:pStyle");
    const label = this.label(pPr, style);
    const boxes: string[] = [];
    this.capitalsLost = false;
    const inline = this.inline(p, style, boxes);
    const text = /[ \t](?:\n|$)/.test(inline) ? inline.replace(/[ \t]+$/gm, "") : inline;
    const line = text.trim() === "" ? "" : label === null ? text : `${label} ${text.trimStart()}`;
    return [this.capitalsLost ? restoreLostCapitals(line) : line, ...boxes];
  }

  private label(pPr: XmlElement | undefined, style: string | undefined): string | null {
    const numPr = child(pPr, "w:numPr");
    const own = valOf(numPr, "w:numId");
    const ownLevel = valOf(numPr, "w:ilvl");
    const inherited = this.styles.numbering(style);
    const numId = own ?? inherited?.numId;
    if (numId === undefined) return null;
    const level = ownLevel !== undefined ? Number(ownLevel) : inherited?.ilvl;
    return this.numbering.next(numId, level, style);
  }

  /** Runs and the containers around them; text boxes found on the way go to `boxes`. */
  private inline(node: XmlElement, style: string | undefined, boxes: string[]): string {
    let text = "";
    for (const el of elements(node)) {
      if (el.name === "w:r") text += this.run(el, style, boxes);
      else if (el.name === "w:sdt") text += this.inline(child(el, "w:sdtContent") ?? el, style, boxes);
      else if (TRANSPARENT.has(el.name)) text += this.inline(el, style, boxes);
    }
    return text;
  }

  private run(r: XmlElement, paragraphStyle: string | undefined, boxes: string[]): string {
    const rPr = child(r, "w:rPr");
    const props = this.styles.resolve(runPropertiesOf(rPr), valOf(rPr, "w:rStyle"), paragraphStyle);
    if (props.hidden) return "";
    let text = "";
    let marks = "";
    for (const el of elements(r)) {
      switch (el.name) {
        case "w:t":
          text += textOf(el);
          break;
        case "w:tab":
          text += "\t";
          break;
        case "w:br":
        case "w:cr":
          text += "\n";
          break;
        case "w:noBreakHyphen":
          text += "-";
          break;
        case "w:sym": {
          const code = parseInt(el.attributes["w:char"] ?? "", 16);
          if (Number.isFinite(code)) text += String.fromCharCode(code);
          break;
        }
        case "w:footnoteReference": {
          const id = el.attributes["w:id"] ?? "";
          const note = this.footnotes.get(id);
          if (note === undefined || SEPARATOR_TYPES.has(note.attributes["w:type"] ?? "")) break;
          this.footnoteOrder.push(id);
          marks += superscript(this.footnoteOrder.length);
          break;
        }
        case "w:drawing":
        case "w:pict":
        case "w:object":
        case "mc:AlternateContent":
          for (const box of findAll(el, "w:txbxContent")) boxes.push(...this.blockLevel(box));
      }
    }
    if (text !== "" && props.font !== undefined) {
      const legacy = encodingOfFont(props.font);
      if (legacy !== null) {
        text = decodeLegacy(text, legacy.encoding, { upperCase: legacy.upperCase });
        this.legacyRuns.set(legacy.encoding, (this.legacyRuns.get(legacy.encoding) ?? 0) + 1);
        if (legacy.encoding === "tcvn3" && !legacy.upperCase) this.capitalsLost = true;
        this.legacyFonts.add(props.font);
      }
    }
    if (props.caps) text = text.toUpperCase();
    return text + marks;
  }

  private table(tbl: XmlElement): string[] {
    return tableBlocks(wrapped(tbl, "w:tr").map((tr) => this.cells(tr)));
  }

  /** The cells of a row with their grid column; a cell's paragraphs are its lines, empty runs of them one blank line. */
  private cells(tr: XmlElement): TableCell[] {
    const out: TableCell[] = [];
    let column = 0;
    for (const tc of wrapped(tr, "w:tc")) {
      out.push({ column, text: cellText(this.blockLevel(tc)) });
      column += Number(valOf(child(tc, "w:tcPr"), "w:gridSpan") ?? "1") || 1;
    }
    return out;
  }
}

/** Children with this name, also where a content control or custom XML wraps them (rows, cells). */
function wrapped(node: XmlElement, name: string): XmlElement[] {
  return elements(node).flatMap((c) => (c.name === name ? [c] : TRANSPARENT.has(c.name) || c.name === "w:sdt" ? wrapped(c, name) : []));
}

const SEPARATOR_TYPES = new Set(["separator", "continuationSeparator", "continuationNotice"]);

/** Every descendant with this name (text boxes sit deep inside drawings). */
function findAll(node: XmlElement, name: string): XmlElement[] {
  if (node.name === name) return [node];
  // A drawing's text appears twice: the DrawingML choice and the VML fallback. Read the first only.
  if (node.name === "mc:AlternateContent") {
    const choice = child(node, "mc:Choice") ?? child(node, "mc:Fallback");
    return choice === undefined ? [] : findAll(choice, name);
  }
  return elements(node).flatMap((c) => findAll(c, name));
}
