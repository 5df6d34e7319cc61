/**
 * A Unicode character class as a function of one UTF-16 code unit, answered from a table that
 * fills on first sight of each code unit: scanners test every character of a line, and a
 * `/\p{L}/u` test per character costs far more than an array read. Surrogates are never in the
 * class (a scanner that meets one hands the string to its regular expression instead).
 */
export function charClass(re: RegExp): (code: number) => boolean {
  if (re.global || re.sticky) throw new Error("charClass: a stateless expression is needed");
  // 0 = not yet seen, 1 = in the class, 2 = not.
  const table = new Uint8Array(0x10000);
  return (code) => {
    let known = table[code]!;
    if (known === 0) {
      known = !isSurrogate(code) && re.test(String.fromCharCode(code)) ? 1 : 2;
      table[code] = known;
    }
    return known === 1;
  };
}

export const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

/** `\s`: JavaScript's white space and line terminators. Shared: each class holds a 64 kB table. */
export const isWhiteSpace = charClass(/\s/u);
/** `\p{L}`, any letter of the BMP. */
export const isLetter = charClass(/\p{L}/u);
