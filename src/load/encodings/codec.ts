/**
 * A legacy Vietnamese encoding read as Latin-1 is a substitution: one or two code units (a base
 * byte and a mark byte) stand for one letter. Decoding takes the longest match first, so `aù`
 * becomes `á` rather than `a` + a stray `ù`; lookups go through arrays and a numeric map, since a
 * regular expression per character would cost far more on a 50 kB document.
 */
export interface SubstitutionCodec {
  /** Legacy code units (U+0000–U+00FF) → Unicode letters; anything without a match is kept. */
  decode(text: string): string;
  /** Unicode (any normal form) → legacy code units; characters without a code are kept. */
  encode(text: string): string;
}

const MAX_UNIT = 0xff;

/**
 * @param pairs legacy sequence ↔ letter, used both ways; sequences of one or two code units.
 * @param encodeOnly letter → legacy sequence for letters the encoding can only approximate.
 */
export function substitutionCodec(
  pairs: Iterable<readonly [legacy: string, letter: string]>,
  encodeOnly: Iterable<readonly [letter: string, legacy: string]> = [],
): SubstitutionCodec {
  const singles: (string | undefined)[] = new Array<string | undefined>(MAX_UNIT + 1).fill(undefined);
  const startsPair = new Uint8Array(MAX_UNIT + 1);
  const doubles = new Map<number, string>();
  const encodings = new Map<number, string>();
  for (const [legacy, letter] of pairs) {
    const first = legacy.charCodeAt(0);
    const second = legacy.charCodeAt(1);
    if (legacy.length > 2 || first > MAX_UNIT || second > MAX_UNIT) {
      throw new Error(`legacy sequence ${JSON.stringify(legacy)} is not one or two Latin-1 code units`);
    }
    if (legacy.length === 2) {
      doubles.set((first << 8) | second, letter);
      startsPair[first] = 1;
    } else {
      singles[first] = letter;
    }
    encodings.set(letter.charCodeAt(0), legacy);
  }
  for (const [letter, legacy] of encodeOnly) encodings.set(letter.charCodeAt(0), legacy);

  return {
    decode(text) {
      let out = "";
      let copied = 0;
      const n = text.length;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c > MAX_UNIT) continue;
        let letter: string | undefined;
        let width = 1;
        const next = i + 1 < n ? text.charCodeAt(i + 1) : MAX_UNIT + 1;
        if (startsPair[c] === 1 && next <= MAX_UNIT) {
          letter = doubles.get((c << 8) | next);
          if (letter !== undefined) width = 2;
        }
        letter ??= singles[c];
        if (letter === undefined) continue;
        out += text.slice(copied, i) + letter;
        i += width - 1;
        copied = i + 1;
      }
      return copied === 0 ? text : out + text.slice(copied);
    },
    encode(text) {
      const nfc = text.normalize("NFC");
      let out = "";
      let copied = 0;
      for (let i = 0; i < nfc.length; i++) {
        const legacy = encodings.get(nfc.charCodeAt(i));
        if (legacy === undefined) continue;
        out += nfc.slice(copied, i) + legacy;
        copied = i + 1;
      }
      return copied === 0 ? nfc : out + nfc.slice(copied);
    },
  };
}
