import { crc32, inflateRawSync } from "node:zlib";
import { VanbanError } from "../../errors.js";

/**
 * A zip reader that only reads what it is asked for and never unpacks more than a budget.
 * jszip (mammoth's) inflates whole entries into memory before anyone can count them, so a
 * 40 kB zip bomb becomes gigabytes; here every entry is inflated by zlib with `maxOutputLength`
 * set to what is left of the budget, so the real output, not the headers' claim, is bounded.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As the central directory declares it: a zip bomb lies here, so it is checked, not trusted. */
  declaredSize: number;
  localHeaderOffset: number;
  crc32: number;
}

export interface ZipArchive {
  entries: ReadonlyMap<string, ZipEntry>;
  /** Inflates one entry, counting its real bytes against the budget. */
  read(name: string): Buffer | null;
  /** Bytes unpacked so far. */
  readonly unpacked: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

export function openZip(bytes: Uint8Array, options: { maxUnpackedBytes: number; file: string | null }): ZipArchive {
  const { file, maxUnpackedBytes } = options;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: string): VanbanError => new VanbanError("corrupt", `the zip container is broken: ${why}`, { file });

  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) throw corrupt("no end-of-archive record (the file is truncated or not a whole zip)");
  const count = buffer.readUInt16LE(eocd + 10);
  const directorySize = buffer.readUInt32LE(eocd + 12);
  const directoryOffset = buffer.readUInt32LE(eocd + 16);
  if (directoryOffset === ZIP64_MARK || count === 0xffff) throw corrupt("it is a zip64 archive, which Word does not write for documents");
  if (directoryOffset + directorySize > eocd) throw corrupt("the central directory points past the end of the file");

  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw corrupt("a central directory entry is damaged");
    const nameLength = buffer.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      flags: buffer.readUInt16LE(at + 8),
      method: buffer.readUInt16LE(at + 10),
      crc32: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      declaredSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
      name: buffer.toString("utf8", at + 46, at + 46 + nameLength),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }

  let unpacked = 0;
  const tooLarge = (name: string, size: number): VanbanError =>
    new VanbanError(
      "too-large",
      `the zip unpacks to more than ${maxUnpackedBytes} bytes (at ${name}, ${size} bytes so far): refused as a possible zip bomb`,
      { file },
    );

  return {
    entries,
    get unpacked() {
      return unpacked;
    },
    read(name) {
      const entry = entries.get(name);
      if (entry === undefined) return null;
      if (entry.flags & 1) throw new VanbanError("encrypted", `the zip entry ${name} is encrypted`, { file });
      // The headers' claim first: a cheap refusal before any inflating.
      if (unpacked + entry.declaredSize > maxUnpackedBytes) throw tooLarge(name, unpacked + entry.declaredSize);
      const local = entry.localHeaderOffset;
      if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL_SIGNATURE) throw corrupt(`the entry ${name} is missing`);
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      const end = start + entry.compressedSize;
      if (end > buffer.length) throw corrupt(`the entry ${name} is cut short`);
      const data = buffer.subarray(start, end);
      const budget = maxUnpackedBytes - unpacked;
      let out: Buffer;
      if (entry.method === 0) {
        out = data;
      } else if (entry.method === 8) {
        try {
          // The real bytes: inflating stops at the budget whatever the headers said.
          out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(name, unpacked + budget);
          throw corrupt(`the entry ${name} does not inflate (${(error as Error).message})`);
        }
      } else {
        throw corrupt(`the entry ${name} uses compression method ${entry.method}, which Word never writes`);
      }
      if (out.length > budget) throw tooLarge(name, unpacked + out.length);
      if (out.length !== entry.declaredSize) {
        throw corrupt(`the entry ${name} unpacks to ${out.length} bytes but its header says ${entry.declaredSize}`);
      }
      // Damage that still inflates (a flipped bit in stored data, a spliced entry) shows in the checksum.
      if (crc32(out) !== entry.crc32) throw corrupt(`the entry ${name} fails its checksum`);
      unpacked += out.length;
      return out;
    },
  };
}

/** The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 kB. */
function findEndOfCentralDirectory(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= lowest; i--) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}
