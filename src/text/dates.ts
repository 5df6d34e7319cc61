import { matchesOf } from "./matches.js";

/**
 * Dates as Vietnamese documents write them: "ngày 11 tháng 5 năm 2021", "05/11/2012",
 * "01-10-1997", "31.3.2021", a day left blank in a draft ("ngày … tháng 11 năm 2025"), and months
 * ("tháng 4/2023", "tháng 9 - 10/2022"). Everything resolves to ISO `YYYY-MM-DD` / `YYYY-MM`, or
 * to null when the date cannot exist (04/12/20219, 31/02/2021).
 */

/** Matches one date; groups: d, m, y (numeric) or vd, vm, vy (verbal). */
export const DATE_SOURCE =
  String.raw`(?:(?<d>\d{1,2})\s*[/.\-]\s*(?<m>\d{1,2})\s*[/.\-]\s*(?<y>\d{4,5})(?!\d)` +
  String.raw`|ngày\s*(?<vd>\d{1,2}|[.…_\s]*?)\s*tháng\s*(?<vm>\d{1,2})\s*(?:năm|/)\s*(?<vy>\d{4,5})(?!\d))`;

export const DATE_RE = new RegExp(DATE_SOURCE, "giu");
const DATE_AT_START = new RegExp(`^(?:${DATE_SOURCE})`, "iu");

export interface ParsedDate {
  /** ISO date, `YYYY-MM` when the day is blank, null when impossible. */
  iso: string | null;
  raw: string;
  index: number;
  end: number;
  impossible: boolean;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** ISO form of a day, or null when no such day exists. */
export function isoDate(day: number, month: number, year: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function isoMonth(month: number, year: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  return `${year}-${pad(month)}`;
}

/** `index`: where the match stands in the caller's text, when it matched a slice of it. */
function fromMatch(m: RegExpExecArray, index = m.index): ParsedDate {
  const g = m.groups ?? {};
  const raw = m[0];
  let iso: string | null;
  if (g["d"] !== undefined) iso = isoDate(Number(g["d"]), Number(g["m"]), Number(g["y"]));
  else {
    const year = Number(g["vy"]);
    const month = Number(g["vm"]);
    const day = /^\d+$/.test(g["vd"] ?? "") ? Number(g["vd"]) : null;
    iso = day === null ? isoMonth(month, year) : isoDate(day, month, year);
  }
  return { iso, raw, index, end: index + raw.length, impossible: iso === null };
}

/** Every date in the text, in order. */
export function findDates(text: string): ParsedDate[] {
  return matchesOf(DATE_RE, text).map((m) => fromMatch(m));
}

/** The first date that starts within `window` characters of `from` (after only separators/"ngày"). */
export function dateRightAfter(text: string, from: number, window = 20): ParsedDate | null {
  const slice = text.slice(from, from + window + 40);
  const lead = /^[\s,;:(]*(?:ban hành\s+)?(?:ngày\s*(?=\d{1,2}\s*[/.\-]))?/iu.exec(slice);
  const offset = lead ? lead[0].length : 0;
  if (offset > window) return null;
  const m = DATE_AT_START.exec(slice.slice(offset));
  return m ? fromMatch(m, from + offset) : null;
}
