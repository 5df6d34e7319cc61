import { decodeLegacy, encodingOfFont, restoreLostCapitals, type FontEncoding, type LegacyEncoding } from "../encodings/index.js";
import { firstEndingAfter } from "./binary.js";
import type { FontRun } from "./fonts.js";

interface LegacyRun extends FontRun, FontEncoding {}

/**
 * Decodes a .doc's text run by run as the DOCX loader does: a stretch in a TCVN3 or VNI font is
 * decoded, capitals for an H font, and a paragraph that had TCVN3 text in a normal font gets the
 * toned capitals that font could not code. Text in any other font is returned as it was.
 */
export class FontDecoder {
  private readonly runs: LegacyRun[];
  /** Runs decoded, per encoding, and the fonts that named them. */
  readonly counts = new Map<LegacyEncoding, number>();
  readonly fonts = new Set<string>();
  private readonly counted = new Set<number>();

  /** `runs` sorted by cpStart and not overlapping, as fontRuns gives them. */
  constructor(runs: readonly FontRun[]) {
    this.runs = runs.flatMap((run) => {
      const encoding = encodingOfFont(run.font);
      return encoding === null ? [] : [{ ...run, ...encoding }];
    });
  }

  /**
   * One paragraph, `text` from character position `from` to `to` (the text's index is its
   * character position), after its list label (`"I. "`, or "").
   */
  paragraph(text: string, from: number, to: number, label: string): string {
    if (this.runs.length === 0) return label + text.slice(from, to);
    let out = label;
    let at = from;
    let capitalsLost = false;
    for (let k = firstEndingAfter(this.runs, (run) => run.cpEnd, from); k < this.runs.length; k++) {
      const run = this.runs[k]!;
      if (run.cpStart >= to) break;
      const start = Math.max(run.cpStart, from);
      const end = Math.min(run.cpEnd, to);
      out += text.slice(at, start) + decodeLegacy(text.slice(start, end), run.encoding, { upperCase: run.upperCase });
      at = end;
      if (run.encoding === "tcvn3" && !run.upperCase) capitalsLost = true;
      if (!this.counted.has(k)) {
        this.counted.add(k);
        this.counts.set(run.encoding, (this.counts.get(run.encoding) ?? 0) + 1);
        this.fonts.add(run.font);
      }
    }
    out += text.slice(at, to);
    return capitalsLost ? restoreLostCapitals(out) : out;
  }
}
