/**
 * Reading the table and WordDocument streams of a .doc, whose offsets all come from the file:
 * every read is checked against the buffer, so a damaged structure fails with the reader's own
 * error instead of reading another structure's bytes (or Node's RangeError).
 */
export class Cursor {
  constructor(
    private readonly buffer: Buffer,
    public at: number,
    private readonly broken: () => Error,
  ) {}
  private need(n: number): number {
    if (this.at < 0 || n < 0 || this.at + n > this.buffer.length) throw this.broken();
    const at = this.at;
    this.at += n;
    return at;
  }
  u8 = (): number => this.buffer.readUInt8(this.need(1));
  u16 = (): number => this.buffer.readUInt16LE(this.need(2));
  i16 = (): number => this.buffer.readInt16LE(this.need(2));
  i32 = (): number => this.buffer.readInt32LE(this.need(4));
  u32 = (): number => this.buffer.readUInt32LE(this.need(4));
  skip = (n: number): void => void this.need(n);
  bytes = (n: number): Buffer => this.buffer.subarray(this.need(n), this.at);
  utf16 = (chars: number): string => this.buffer.toString("utf16le", this.need(chars * 2), this.at);
}

/** Operand sizes by spra (MS-DOC 2.2.5.1); 6 is variable, its first byte the length. */
const OPERAND_SIZE = [1, 1, 2, 4, 2, 2, -1, 3];

/**
 * Calls `visit` with each sprm of a grpprl and where its operand starts. The operand may run past
 * the grpprl in a damaged file: a visitor reads it only after checking its length.
 */
export function forEachSprm(grpprl: Buffer, from: number, visit: (sprm: number, operand: number) => void): void {
  let at = from;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    visit(sprm, at);
    const size = OPERAND_SIZE[sprm >> 13]!;
    at += size >= 0 ? size : 1 + (grpprl[at] ?? 0);
  }
}

/** Word's formatted disk pages (FKPs), of paragraph and of character properties, are 512 bytes. */
export const FKP_SIZE = 512;

/** Index of the first of `items` (sorted, not overlapping) whose `end` lies after `at`. */
export function firstEndingAfter<T>(items: readonly T[], end: (item: T) => number, at: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (end(items[mid]!) <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}
