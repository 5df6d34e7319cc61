import { canon, fold } from "./fold.js";
import { PROPER_CASE_PHRASES, LOCALITY_WORDS, ABBREVIATIONS_KEEP_UPPER, SIGNER_POSITIONS } from "../vocabulary/names.js";

const VOWELS = /[aeiouyăâêôơư]/;

function isUpperWord(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

/** True for a token that is an abbreviation (GDĐT, UBND, HĐND, TP), not a word typed in capitals. */
export function isAbbreviation(word: string): boolean {
  const bare = word.replace(/[^\p{L}&]/gu, "");
  if (!bare || !isUpperWord(bare)) return false;
  if (ABBREVIATIONS_KEEP_UPPER.has(bare)) return true;
  return !VOWELS.test(fold(bare)) || bare.includes("&");
}

const capitalise = (w: string): string => (w ? w.charAt(0).toUpperCase() + w.slice(1) : w);

/**
 * Writes an agency or position line typed in capitals in normal case, after the capitalisation
 * rules of Nghị định 30/2020 (Phụ lục II): the kind of body and the first syllable of its
 * specific name are capitalised, place names fully, the rest lower case, abbreviations kept.
 * "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" -> "Sở Nông nghiệp và Môi trường";
 * "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" -> "Ủy ban nhân dân tỉnh Lào Cai".
 * Text that is not all capitals is returned unchanged.
 */
export function toNormalCase(line: string): string {
  const letters = line.replace(/[^\p{L}]/gu, "");
  if (!letters || letters !== letters.toUpperCase()) return line;
  const words = line.trim().split(/\s+/);
  // Folded once: every phrase and place word is compared with every position.
  const folded = words.map(fold);
  const out: string[] = [];
  let i = 0;
  let inPlaceName = false;
  let startOfName = true;
  // The kind of body ("SỞ", "PHÒNG", "TRUNG TÂM") is followed by the start of its specific name.
  const head = headWordsAt(words, folded);
  if (head > 0) {
    out.push(...words.slice(0, head).map((w, k) => (k === 0 ? capitalise(w.toLowerCase()) : w.toLowerCase())));
    i = head;
  }
  while (i < words.length) {
    const phrase = matchPhrase(folded, i);
    if (phrase) {
      out.push(...phrase.words);
      i += phrase.words.length;
      inPlaceName = phrase.locality;
      startOfName = phrase.startsName;
      continue;
    }
    const word = words[i]!;
    if (isAbbreviation(word)) {
      out.push(word);
      startOfName = true;
    } else if (inPlaceName) {
      out.push(capitalise(word.toLowerCase()));
    } else if (startOfName || /^[-–(]/.test(out.at(-1) ?? "")) {
      out.push(capitalise(word.toLowerCase()));
      startOfName = false;
    } else {
      const lower = word.toLowerCase();
      out.push(lower);
      if (lower === "và" || lower === "-" || lower === "–") startOfName = true;
    }
    i++;
  }
  return out.join(" ");
}

/** How many leading words name a kind of body (Sở, Phòng, Trung tâm, Chi cục), if they do. */
function headWordsAt(words: readonly string[], folded: readonly string[]): number {
  const keys = words.map((w) => canon(w));
  // "BỘ TRƯỞNG", "TRƯỞNG PHÒNG": a title, not a body followed by its name.
  const joined = keys.join(" ");
  if (SIGNER_POSITIONS.some((p) => joined.startsWith(p))) return 0;
  for (const head of SIMPLE_HEADS) {
    if (head.length <= keys.length && head.every((h, k) => keys[k] === h) && !matchPhrase(folded, 0)) return head.length;
  }
  return 0;
}

const SIMPLE_HEADS = ["sở", "phòng", "bộ", "vụ", "cục", "chi cục", "tổng cục", "trung tâm", "trường", "viện", "ban", "văn phòng", "thanh tra", "công an", "đài", "báo", "hội", "kho bạc"]
  .map((h) => h.split(" "))
  .sort((a, b) => b.length - a.length);

const LOCALITY_PARTS = LOCALITY_WORDS.map((locality) => {
  const parts = locality.split(" ");
  return { parts, foldedParts: parts.map(fold) };
});

interface PhraseMatch {
  words: string[];
  locality: boolean;
  startsName: boolean;
}

/** `folded`: the line's words, folded. */
function matchPhrase(folded: readonly string[], at: number): PhraseMatch | null {
  for (const phrase of PROPER_CASE_PHRASES) {
    const n = phrase.words.length;
    if (at + n > folded.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = folded[at + k] === phrase.folded[k];
    if (ok) return { words: [...phrase.words], locality: phrase.proper ?? false, startsName: phrase.startsName };
  }
  for (const { parts, foldedParts } of LOCALITY_PARTS) {
    if (at + parts.length > folded.length) continue;
    if (foldedParts.every((p, k) => folded[at + k] === p)) {
      if (at === 0) return { words: [capitalise(parts[0]!), ...parts.slice(1)], locality: true, startsName: false };
      return { words: [...parts], locality: true, startsName: false };
    }
  }
  return null;
}
