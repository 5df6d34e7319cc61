import { describe, expect, it } from "vitest";
import { decodeLegacy, encodeLegacy, type LegacyEncoding } from "../../../src/load/encodings/index.js";

export interface Phrase {
  name: string;
  /** The phrase as the Latin-1 characters a program shows for its legacy bytes. */
  legacy: string;
  unicode: string;
}

/** Each phrase must decode to its Unicode and encode back to the same legacy characters. */
export function phrasesBothWays(encoding: LegacyEncoding, phrases: readonly Phrase[]): void {
  describe(`${encoding} phrases`, () => {
    it.each(phrases)("$name: decoding", ({ legacy, unicode }) => {
      expect(decodeLegacy(legacy, encoding)).toBe(unicode);
    });

    it.each(phrases)("$name: encoding", ({ legacy, unicode }) => {
      expect(encodeLegacy(unicode, encoding)).toBe(legacy);
    });
  });
}
