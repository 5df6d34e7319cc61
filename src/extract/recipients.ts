import type { Line } from "../normalise/normalise.js";
import type { Recipient } from "../schema/document.js";
import { fold } from "../text/fold.js";
import { RECIPIENT_ACTIONS } from "../vocabulary/recipient-actions.js";
import { extracted, span, warning, type Extracted, type ExtractContext } from "./context.js";

const HEADING = /^(?:N[ơo]i\s+nh[ậa]n|Kính\s+gửi)\s*[:.]?\s*/iu;
const BULLET = /^[-–+•*]\s*/u;
const ACTION_SUFFIX = /\s*\(\s*(?:để\s+)?(?<code>[^()]{1,20}?)\s*\)\s*$/u;
const ARCHIVE = /^Lưu\s*[:.]?\s*/iu;
/** A copy count in a Lưu entry: "(5b)", "(02 bản)". */
const COPIES = /\s*\(\s*\d+\s*(?:b|bản)\.?\s*\)\s*$/iu;

function actionOf(code: string): Recipient["action"] | undefined {
  const key = fold(code).replace(/\s+/g, " ").trim();
  return RECIPIENT_ACTIONS[key];
}

function entriesOf(line: Line, kind: Recipient["kind"], first: boolean): Recipient[] {
  let text = line.text;
  let offset = 0;
  if (first) {
    const h = HEADING.exec(text);
    if (h) {
      text = text.slice(h[0].length);
      offset = h[0].length;
    }
  }
  const bullet = BULLET.exec(text);
  if (bullet) {
    text = text.slice(bullet[0].length);
    offset += bullet[0].length;
  }
  const raw = line.text.trim();
  const out: Recipient[] = [];
  let cursor = 0;
  for (const part of text.split(";")) {
    const partStart = offset + cursor;
    cursor += part.length + 1;
    let name = part.trim().replace(/[,.;]+$/u, "").replace(/\.\/\.?$/u, "").trim();
    if (!name) continue;
    const lead = part.length - part.trimStart().length;
    const start = line.start + partStart + lead;
    const archive = ARCHIVE.exec(name);
    if (archive) {
      let at = start + archive[0].length;
      for (const piece of name.slice(archive[0].length).split(",")) {
        const clean = piece.trim().replace(COPIES, "").replace(/[.]+$/u, "").trim();
        const pieceStart = at + (piece.length - piece.trimStart().length);
        at += piece.length + 1;
        if (clean) out.push({ name: clean, action: "lưu", kind, raw, span: span(pieceStart, pieceStart + clean.length) });
      }
      continue;
    }
    let action: Recipient["action"] = null;
    const suffix = ACTION_SUFFIX.exec(name);
    if (suffix) {
      const found = actionOf(suffix.groups!["code"]!);
      if (found !== undefined) {
        action = found;
        name = name.slice(0, suffix.index).trim();
      }
    }
    out.push({ name, action, kind, raw, span: span(start, start + name.length) });
  }
  return out;
}

/** Nơi nhận entries (split at ";" and line breaks, actions from "(b/c)", "(p/h)", "(t/h)"), and Kính gửi addressees. */
export function extractRecipients({ seg }: ExtractContext): Extracted<Recipient[]> {
  const out: Recipient[] = [];
  seg.kinhGui.forEach((line, i) => out.push(...entriesOf(line, "kinh-gui", i === 0)));
  seg.noiNhan.forEach((line, i) => out.push(...entriesOf(line, "noi-nhan", i === 0)));
  const warnings = out.length === 0 && seg.signature.length ? [warning("recipients-missing", "a signed document without Nơi nhận")] : [];
  return extracted(out, warnings);
}
