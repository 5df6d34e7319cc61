import { VanbanError } from "../../errors.js";

/**
 * A small XML reader for the parts of a DOCX: elements, attributes, text and the five predefined
 * entities plus character references. It never reads a DTD, so no entity can expand (billion
 * laughs) or reach outside the file (XXE); a part that declares one is refused, since Word never
 * writes a DOCTYPE.
 */
export interface XmlElement {
  /** Qualified name as written: `w:p`, `w:t`. Word's prefixes are fixed by convention. */
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Most elements a part may have. The unpack limit bounds the bytes, not the tree: 100 MB of `<a/>`
 * would be 25 million objects and gigabytes of heap. A 3,000-page document has about a million.
 */
export const MAX_ELEMENTS = 1_000_000;
/** Deepest nesting accepted: the loaders walk the tree recursively, and Word's own depth is a few dozen. */
export const MAX_DEPTH = 256;

export function parseXml(xml: string, part: string, file: string | null, maxElements = MAX_ELEMENTS): XmlElement {
  const corrupt = (why: string): VanbanError => new VanbanError("corrupt", `${part}: ${why}`, { file });
  const root: XmlElement = { name: "#document", attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  let count = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const text = xml.slice(i, textEnd);
      // Text outside the root element is only white space in a well-formed part.
      if (stack.length > 1) stack.at(-1)!.children.push(decodeEntities(text, corrupt));
    }
    if (lt < 0) break;
    const next = xml[lt + 1];
    if (next === "?") {
      const end = xml.indexOf("?>", lt);
      if (end < 0) throw corrupt("an unclosed processing instruction");
      i = end + 2;
    } else if (next === "!") {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt);
        if (end < 0) throw corrupt("an unclosed comment");
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt);
        if (end < 0) throw corrupt("an unclosed CDATA section");
        stack.at(-1)!.children.push(xml.slice(lt + 9, end));
        i = end + 3;
      } else {
        throw new VanbanError("corrupt", `${part} declares a DOCTYPE or XML entities, which Word never writes; refused unread`, { file });
      }
    } else if (next === "/") {
      const end = xml.indexOf(">", lt);
      if (end < 0) throw corrupt("an unclosed end tag");
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (open === undefined || open.name !== name || stack.length === 0) throw corrupt(`</${name}> does not close an open element`);
      i = end + 1;
    } else {
      const end = tagEnd(xml, lt);
      if (end < 0) throw corrupt("an unclosed start tag");
      const selfClosing = xml[end - 1] === "/";
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      if (++count > maxElements) {
        throw new VanbanError("too-large", `${part} has more than ${maxElements} XML elements: refused to bound memory`, { file });
      }
      const element = parseTag(body, corrupt);
      stack.at(-1)!.children.push(element);
      if (!selfClosing) {
        if (stack.length > MAX_DEPTH) throw corrupt(`elements nested deeper than ${MAX_DEPTH}, which Word never writes`);
        stack.push(element);
      }
      i = end + 1;
    }
  }
  if (stack.length !== 1) throw corrupt(`<${stack.at(-1)!.name}> is never closed (the part is truncated)`);
  const top = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (top === undefined) throw corrupt("no root element");
  return top;
}

/** The `>` that ends a tag, skipping any inside quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote: string | null = null;
  for (let j = from + 1; j < xml.length; j++) {
    const c = xml[j];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return j;
  }
  return -1;
}

/** One attribute, matched where the last one ended (sticky): no iterator, no slices per tag. */
const ATTRIBUTE = /\s*([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

function parseTag(body: string, corrupt: (why: string) => VanbanError): XmlElement {
  let nameEnd = 0;
  while (nameEnd < body.length && body.charCodeAt(nameEnd) > 32) nameEnd++;
  if (nameEnd === 0) throw corrupt("a tag without a name");
  const attributes: Record<string, string> = {};
  if (nameEnd < body.length) {
    ATTRIBUTE.lastIndex = nameEnd;
    for (let m = ATTRIBUTE.exec(body); m !== null; m = ATTRIBUTE.exec(body)) {
      const value = m[2] ?? m[3] ?? "";
      attributes[m[1]!] = value.includes("&") ? decodeEntities(value, corrupt) : value;
    }
  }
  return { name: body.slice(0, nameEnd), attributes, children: [] };
}

function decodeEntities(text: string, corrupt: (why: string) => VanbanError): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z][\w.-]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(";")) throw corrupt(`a bare & in text (${whole})`);
    if (ref.startsWith("#x")) return safeCodePoint(parseInt(ref.slice(2), 16), corrupt);
    if (ref.startsWith("#")) return safeCodePoint(parseInt(ref.slice(1), 10), corrupt);
    const value = PREDEFINED[ref];
    if (value === undefined) throw corrupt(`the entity &${ref}; is not defined (Word never declares entities)`);
    return value;
  });
}

function safeCodePoint(cp: number, corrupt: (why: string) => VanbanError): string {
  if (!Number.isFinite(cp) || cp < 0 || cp > 0x10ffff) throw corrupt(`a character reference out of range (${cp})`);
  return String.fromCodePoint(cp);
}

// Helpers to walk the tree by qualified name.

export const elements = (node: XmlElement): XmlElement[] => node.children.filter((c): c is XmlElement => typeof c !== "string");

export function child(node: XmlElement | undefined, name: string): XmlElement | undefined {
  if (node === undefined) return undefined;
  for (const c of node.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

export const childrenNamed = (node: XmlElement | undefined, name: string): XmlElement[] =>
  node === undefined ? [] : elements(node).filter((c) => c.name === name);

/** `w:val` of a named child: `<w:ilvl w:val="1"/>` → "1". */
export const valOf = (node: XmlElement | undefined, name: string): string | undefined => child(node, name)?.attributes["w:val"];

/** All text directly and deeply inside (for `w:t`). */
export function textOf(node: XmlElement): string {
  return node.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

/** A Word on/off property: present without w:val, or with a true-ish one. */
export function isOn(node: XmlElement | undefined, name: string): boolean | undefined {
  const el = child(node, name);
  if (el === undefined) return undefined;
  const v = el.attributes["w:val"];
  return v === undefined || !["0", "false", "off", "none"].includes(v);
}
