import type { Signer } from "../schema/document.js";
import { AUTHORITY_PREFIX } from "../segment/segment.js";
import { toNormalCase } from "../text/casing.js";
import { canon } from "../text/fold.js";
import { SIGNER_POSITIONS } from "../vocabulary/names.js";
import { extracted, span, warning, type Extracted, type ExtractContext } from "./context.js";

const PREFIXES: Readonly<Record<string, Signer["authority"]>> = {
  TM: "TM", "T/M": "TM", KT: "KT", "K/T": "KT", TL: "TL", "T/L": "TL", TUQ: "TUQ", Q: "Q",
};

/** "(đã ký)", "(Ký, đóng dấu)", "[daky]": marks where a signature stood. */
const SIGNATURE_MARK = /^[([]?\s*(?:đã\s+ký|ký(?:\s*,?\s*(?:tên|đóng dấu|ghi rõ họ tên))*|chữ ký|daky|signed)\s*[)\]]?\.?$/iu;

/** A person's name: 2–6 capitalised syllables (or all capitals), nothing else. */
function isPersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}[\p{Ll}]*$|^\p{Lu}+$/u.test(w));
}

function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

const isKnownPosition = (text: string): boolean => SIGNER_POSITIONS.includes(canon(text).replace(/[^\p{L}\s]/gu, "").trim());

/** "GIÁM ĐỐC PHÓ GIÁM ĐỐC" -> of "GIÁM ĐỐC", position "PHÓ GIÁM ĐỐC"; null when it is one title. */
function splitTrailingPosition(text: string): { of: string; position: string } | null {
  const words = text.trim().split(/\s+/);
  for (let k = 1; k < words.length; k++) {
    const tail = words.slice(k).join(" ");
    if (isKnownPosition(tail) && words.slice(0, k).length >= 1 && isKnownPosition(words.slice(0, k).join(" "))) {
      return { of: words.slice(0, k).join(" "), position: tail };
    }
  }
  return null;
}

const positionCase = (text: string): string => {
  const normal = toNormalCase(text);
  return normal.charAt(0).toUpperCase() + normal.slice(1);
};

/**
 * The signature block: prefix lines (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH), the position, the name.
 * The authority is the prefix nearest the position; the chain keeps every prefix.
 */
export function extractSigner({ seg }: ExtractContext): Extracted<Signer | null> {
  const lines = seg.signature;
  if (!lines.length) return extracted(null, seg.noiNhan.length ? [warning("signer-missing", "no signature block after Nơi nhận")] : []);
  const chain: Signer["chain"] = [];
  let position: string | null = null;
  let name: string | null = null;
  for (const [i, line] of lines.entries()) {
    const text = line.text.trim();
    const prefix = AUTHORITY_PREFIX.exec(text);
    if (prefix && position === null) {
      const code = PREFIXES[prefix.groups!["prefix"]!.toUpperCase()];
      const rest = text.slice(prefix[0].length);
      // "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC": two lines run together by a web page.
      const joined = splitTrailingPosition(rest);
      if (code) chain.push({ prefix: code, of: positionCase(joined ? joined.of : rest) });
      if (joined) position = positionCase(joined.position);
      continue;
    }
    const upper = text === text.toUpperCase();
    const nameFollows = lines.slice(i + 1).some((l) => isPersonName(l.text.trim()));
    if (position === null && upper && (isKnownPosition(text) || !isPersonName(text) || nameFollows)) {
      position = positionCase(text);
      continue;
    }
    if (SIGNATURE_MARK.test(text)) continue;
    if (isPersonName(text)) {
      name = titleCase(text);
      break;
    }
  }
  const last = chain.at(-1) ?? null;
  const first = lines[0]!;
  const end = lines.at(-1)!;
  return extracted({
    name,
    // "Q. GIÁM ĐỐC" with no title line below: the signer holds the post ad interim.
    position: position ?? (last?.prefix === "Q" ? last.of : null),
    authority: last?.prefix ?? null,
    onBehalfOf: last?.of ?? null,
    chain,
    span: span(first.start, end.end),
  });
}
