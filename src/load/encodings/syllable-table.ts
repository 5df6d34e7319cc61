/**
 * The parts of a Vietnamese syllable, written without tone: onset, rhyme, coda. Permissive on
 * purpose (it accepts a few rhymes no word uses): it only has to tell a real syllable from the
 * same bytes read in the wrong encoding (`caùc`, `Ch¬ng`, `cỏc`).
 */
export const ONSETS = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"];

/** Rhymes that end in a glide and so take no final consonant. */
export const OPEN_RHYMES = [
  "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu",
  "iêu", "yêu", "ươi", "ươu", "uôi", "oai", "oay", "oao", "oeo", "uây", "uya", "uyu", "uơi",
];

/** Vowels and vowel clusters that may be followed by a final consonant. */
export const CLOSABLE_RHYMES = [
  "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
  "oa", "oă", "oe", "oo", "uâ", "uê", "uy", "uơ", "iê", "yê", "uô", "ươ", "uyê",
];

export const CODAS = ["ch", "ng", "nh", "c", "m", "n", "p", "t"];

/** Finals after which only the sắc and nặng tones occur. */
export const STOPPED_CODAS = ["c", "ch", "p", "t"];
