import type { Warning } from "../../schema/document.js";
import type { LegacyEncoding } from "../encodings/index.js";
import type { Block, LoadedDocument } from "../model.js";
import type { LoadContext } from "../registry.js";

/** Blocks are joined with a blank line in the text their offsets point into. */
const BLOCK_SEPARATOR = "\n\n";

/** Text converted from a legacy encoding: how many pieces (runs, the whole text) per encoding, and from what. */
export interface LegacyConversion {
  counts: ReadonlyMap<LegacyEncoding, number>;
  what: string;
}

/** Runs decoded by the legacy font each names (a DOCX's or a .doc's), as wordDocument reports them. */
export function legacyFontRuns(counts: ReadonlyMap<LegacyEncoding, number>, fonts: ReadonlySet<string>): LegacyConversion {
  const runs = [...counts.values()].reduce((a, b) => a + b, 0);
  return { counts, what: `${runs} run(s) in legacy fonts (${[...fonts].join(", ")})` };
}

/**
 * A Word document (DOCX or .doc) as the canonical shape: one page, since Word text has no fixed
 * pages, one block per paragraph or table cell; the legacy encoding that was converted, if any.
 */
export function wordDocument(
  texts: readonly string[],
  meta: {
    format: "docx" | "doc";
    mediaType: string;
    bytes: number;
    context: LoadContext;
    legacy: LegacyConversion | null;
    /** What else the loader noticed. */
    warnings?: readonly Warning[];
  },
): LoadedDocument {
  const blocks: Block[] = [];
  let offset = 0;
  for (const text of texts) {
    blocks.push({ text, sourceStart: offset, sourceEnd: offset + text.length, origin: "text", confidence: null });
    offset += text.length + BLOCK_SEPARATOR.length;
  }
  const warnings: Warning[] = [...(meta.warnings ?? [])];
  let encoding = "utf-8";
  if (meta.legacy !== null && meta.legacy.counts.size > 0) {
    const ranked = [...meta.legacy.counts].sort((a, b) => b[1] - a[1]);
    encoding = ranked[0]![0];
    warnings.push({
      code: "legacy-encoding-converted",
      message: `${meta.legacy.what} converted from ${ranked.map(([e]) => e).join(" and ")} to Unicode`,
      span: null,
    });
  }
  return {
    fileName: meta.context.fileName,
    format: meta.format,
    mediaType: meta.mediaType,
    sha256: meta.context.sha256,
    bytes: meta.bytes,
    encoding,
    strategy: "text",
    ocrEngine: null,
    pages: [{ number: 1, blocks, strategy: "text", ocrConfidence: null }],
    warnings,
  };
}
