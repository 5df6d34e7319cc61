/**
 * Legacy Vietnamese encodings: TCVN3 (ABC) and VNI font text, Windows-1258, and text files in
 * UTF-8/UTF-16 with or without a byte-order mark.
 */
export { decodeBytes, type DecodedText, type TextEncodingName } from "./bytes.js";
export { detectLegacyEncoding, legacyEncodingOf, type LegacyDetection, type TextReading } from "./detect.js";
export { decodeByFont, encodingOfFont, type FontEncoding } from "./fonts.js";
export { decodeLegacy, encodeLegacy, encodeLegacyBytes, type DecodeLegacyOptions, type LegacyEncoding } from "./legacy.js";
export { isVietnameseSyllable } from "./syllable.js";
export { restoreLostCapitals } from "./tcvn3.js";
