/** A table cell as text (its paragraphs as lines) and the grid column it starts in. */
export interface TableCell {
  column: number;
  text: string;
}

/** Cues that a table lays out the page (header, signature) rather than holding data. */
const LAYOUT_CUES =
  /C[ỘO]NG\s+H[ÒOÓ]A|Độc\s+lập|ĐẢNG\s+CỘNG\s+SẢN|N[ơo]i\s+nh[ậa]n|^Số\s*[:.]|^(?:TM|KT|TL|TUQ|T\/M|K\/T)\s*[.:]|,\s*ngày\s.*tháng|^(?:V\/v|Về việc)\b/mu;

/**
 * A table as text blocks. A layout table (the header: agency | quốc hiệu, Số | date; the closing:
 * Nơi nhận | signer) is read column by column, each cell one block, so the two sides never
 * interleave. A data table reads row by row: one line per row with its cells split by ` | ` when
 * each cell is one line, else the cells' lines in order. Shared by the DOCX and .doc loaders.
 */
export function tableBlocks(rows: readonly (readonly TableCell[])[]): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const all = rows.flatMap((r) => r.map((c) => c.text)).join("\n");
  if (width <= 3 && LAYOUT_CUES.test(all)) {
    const columns = [...new Set(rows.flatMap((r) => r.map((c) => c.column)))].sort((a, b) => a - b);
    return columns.flatMap((col) => rows.flatMap((r) => r.filter((c) => c.column === col).map((c) => c.text)));
  }
  return rows.map((cells) => {
    const filled = cells.map((c) => c.text).filter((t) => t !== "");
    return filled.every((t) => !t.includes("\n")) ? filled.join(" | ") : filled.join("\n");
  });
}

/** A cell's paragraphs as its lines; a run of empty paragraphs (the signature's gap) is one blank line. */
export function cellText(paragraphs: readonly string[]): string {
  return paragraphs
    .join("\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
