import { substitutionCodec } from "./codec.js";
import { tonedLetter } from "./letters.js";
import { VNI_OTHER_LETTERS, VNI_VOWEL_ROWS } from "./vni-table.js";

function vniLetters(): [legacy: string, letter: string][] {
  const pairs: [string, string][] = [];
  for (const [vowel, forms] of VNI_VOWEL_ROWS) {
    forms.forEach((form, tone) => {
      const letter = tonedLetter(vowel, tone);
      // Plain a, e, i … are themselves in VNI: mapping them would only slow decoding down.
      if (form !== letter) pairs.push([form, letter]);
    });
  }
  for (const [letter, legacy] of VNI_OTHER_LETTERS) pairs.push([legacy, letter]);
  return pairs;
}

export const vni = substitutionCodec(vniLetters());
