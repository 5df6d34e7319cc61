import { child, childrenNamed, isOn, valOf, type XmlElement } from "./xml.js";

/** What vanban needs of a style: its numbering, its font and whether it shows capitals. */
interface StyleDefinition {
  basedOn: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  font: string | undefined;
  caps: boolean | undefined;
  hidden: boolean | undefined;
}

export interface RunProperties {
  font: string | undefined;
  caps: boolean | undefined;
  hidden: boolean | undefined;
}

/** The font a `w:rFonts` names for Latin text (legacy encodings live in the hAnsi range). */
export function fontOf(rPr: XmlElement | undefined): string | undefined {
  const fonts = child(rPr, "w:rFonts");
  return fonts?.attributes["w:hAnsi"] ?? fonts?.attributes["w:ascii"] ?? fonts?.attributes["w:cs"];
}

export function runPropertiesOf(rPr: XmlElement | undefined): RunProperties {
  return { font: fontOf(rPr), caps: isOn(rPr, "w:caps"), hidden: isOn(rPr, "w:vanish") };
}

export class Styles {
  private readonly byId = new Map<string, StyleDefinition>();
  private readonly defaultParagraph: string | undefined;
  private readonly defaults: RunProperties;

  constructor(root: XmlElement | null) {
    let defaultParagraph: string | undefined;
    for (const style of childrenNamed(root ?? undefined, "w:style")) {
      const id = style.attributes["w:styleId"];
      if (id === undefined) continue;
      const numPr = child(child(style, "w:pPr"), "w:numPr");
      const rPr = child(style, "w:rPr");
      const ilvl = valOf(numPr, "w:ilvl");
      this.byId.set(id, {
        basedOn: valOf(style, "w:basedOn"),
        numId: valOf(numPr, "w:numId"),
        ilvl: ilvl === undefined ? undefined : Number(ilvl),
        ...runPropertiesOf(rPr),
      });
      if (style.attributes["w:type"] === "paragraph" && ["1", "true", "on"].includes(style.attributes["w:default"] ?? "")) {
        defaultParagraph = id;
      }
    }
    this.defaultParagraph = defaultParagraph;
    this.defaults = runPropertiesOf(child(child(child(root ?? undefined, "w:docDefaults"), "w:rPrDefault"), "w:rPr"));
  }

  /** The first value a style chain gives (basedOn, at most 20 deep: cycles exist in the wild). */
  private inherited<T>(styleId: string | undefined, pick: (s: StyleDefinition) => T | undefined): T | undefined {
    let id = styleId;
    for (let depth = 0; id !== undefined && depth < 20; depth++) {
      const style = this.byId.get(id);
      if (style === undefined) return undefined;
      const value = pick(style);
      if (value !== undefined) return value;
      id = style.basedOn;
    }
    return undefined;
  }

  /** Numbering a paragraph style carries: `w:numPr` in the style or the styles it is based on. */
  numbering(styleId: string | undefined): { numId: string; ilvl: number | undefined } | null {
    const numId = this.inherited(styleId, (s) => s.numId);
    if (numId === undefined) return null;
    return { numId, ilvl: this.inherited(styleId, (s) => s.ilvl) };
  }

  /** A run's effective font, capitals and hidden flag: run, character style, paragraph style, defaults. */
  resolve(run: RunProperties, runStyle: string | undefined, paragraphStyle: string | undefined): RunProperties {
    const pStyle = paragraphStyle ?? this.defaultParagraph;
    const pick = <K extends keyof RunProperties>(key: K): RunProperties[K] =>
      run[key] ?? this.inherited(runStyle, (s) => s[key]) ?? this.inherited(pStyle, (s) => s[key]) ?? this.defaults[key];
    return { font: pick("font"), caps: pick("caps"), hidden: pick("hidden") };
  }
}
