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

/** A line laid out with tabs: text (or nothing) at the margin, a tab gap, text on the right. */
const TAB_ROW = /^([^\t]*?)\t+(.*\S.*)$/u;
/** Stronger cues than a table's: tab-aligned form lines ("Thời gian:\t8 giờ, ngày …") must stay rows. */
const TAB_LAYOUT_CUES = /C[ỘO]NG\s+H[ÒOÓ]A|Độc\s+lập|ĐẢNG\s+CỘNG\s+SẢN|N[ơo]i\s+nh[ậa]n|^(?:TM|KT|TL|TUQ|T\/M|K\/T)\s*[.:]/mu;

/**
 * Headers and signatures typed with tabs instead of a table ("UBND TỈNH\tCỘNG HÒA …" on one line,
 * "SỞ Y TẾ\tĐộc lập …" on the next) are read as the two-column table they imitate: the left
 * column's lines, then the right's. Runs of such lines without a header or signature cue are left
 * alone, as is a tab after a bare label or a first-line indent.
 */
export function untabLayout(blocks: readonly string[], isLabel: (text: string) => boolean): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) out.push(current.join("\n"));
    current = [];
  };
  const emit = (line: string, blockStart: boolean): void => {
    if (blockStart) flush();
    current.push(line);
  };
  let run: { line: string; blockStart: boolean; cells: [string, string] }[] = [];
  /** Ends a run of tab lines: as the two columns it imitates (true), or as it was. */
  const endRun = (): boolean => {
    const text = run.map((r) => r.cells.join("\n")).join("\n");
    const layout = run.length > 0 && (TAB_LAYOUT_CUES.test(text) || run.some((r) => /^Số\s*[:.]/u.test(r.cells[0]) && /ngày/u.test(r.cells[1])));
    if (layout) {
      flush();
      for (const column of [0, 1]) out.push(run.map((r) => r.cells[column]).filter(Boolean).join("\n"));
    } else {
      for (const r of run) emit(r.line, r.blockStart);
    }
    run = [];
    return layout;
  };
  for (const block of blocks) {
    block.split("\n").forEach((line, i) => {
      const m = TAB_ROW.exec(line);
      const left = m?.[1]?.trim() ?? "";
      if (m !== null && !(left !== "" && isLabel(left))) {
        run.push({ line, blockStart: i === 0, cells: [left, m[2]!.replace(/\t+/g, " ").trim()] });
        return;
      }
      // After rebuilt columns, what follows starts a block of its own.
      const rebuilt = endRun();
      emit(line, i === 0 || rebuilt);
    });
  }
  endRun();
  flush();
  return out.filter((b) => b !== "");
}
