/**
 * A read-only look inside an OLE2 compound file (MS-CFB): the names of its streams and the first
 * bytes of one, with every sector chain checked. word-extractor follows allocation chains with a
 * loop that only notices a sector pointing at itself, so a corrupt file whose chain runs in a
 * circle (a → b → a) would spin forever and grow memory without bound, beyond any timeout's reach
 * (the loop is synchronous). This check runs first and refuses such a file.
 */
export interface OleFile {
  /** Names of every stream and storage in the directory. */
  names: ReadonlySet<string>;
  /** The first `length` bytes of a stream, or null when there is none by that name. */
  head(name: string, length: number): Buffer | null;
}

export class OleError extends Error {}

const END_OF_CHAIN = -2;
const FREE = -1;
const HEADER_SECTORS = 109;

interface Entry {
  name: string;
  type: number;
  start: number;
  size: number;
}

export function readOle(bytes: Uint8Array): OleFile {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 512) throw new OleError("the compound file is shorter than its header");
  const sectorShift = buffer.readUInt16LE(30);
  const miniShift = buffer.readUInt16LE(32);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw new OleError("the header's sector sizes are invalid");
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor((buffer.length - sectorSize) / sectorSize) + 1;
  const fatSectors = buffer.readInt32LE(44);
  const directoryStart = buffer.readInt32LE(48);
  const miniCutoff = buffer.readUInt32LE(56);
  const miniFatStart = buffer.readInt32LE(60);
  const difatStart = buffer.readInt32LE(68);
  const difatSectors = buffer.readInt32LE(72);
  // word-extractor sizes arrays and loops by these counts: each must fit in the file.
  for (const [what, count] of [["FAT", fatSectors], ["DIFAT", difatSectors], ["mini FAT", buffer.readInt32LE(64)]] as const) {
    if (count < 0 || count > sectorCount) throw new OleError(`the header claims ${count} ${what} sectors in a file of ${sectorCount}`);
  }
  const sector = (id: number): Buffer => {
    const offset = (id + 1) * sectorSize;
    if (id < 0 || offset >= buffer.length) throw new OleError(`sector ${id} lies outside the file`);
    return buffer.subarray(offset, Math.min(offset + sectorSize, buffer.length));
  };

  // The FAT's own sectors: 109 in the header, the rest along the DIFAT chain.
  const fatIds: number[] = [];
  for (let i = 0; i < Math.min(HEADER_SECTORS, fatSectors); i++) fatIds.push(buffer.readInt32LE(76 + i * 4));
  const seenDifat = new Set<number>();
  for (let id = difatStart, n = 0; fatIds.length < fatSectors && id >= 0 && n < difatSectors; n++) {
    if (seenDifat.has(id)) throw new OleError("the DIFAT chain runs in a circle");
    seenDifat.add(id);
    const s = sector(id);
    for (let j = 0; j < sectorSize / 4 - 1 && fatIds.length < fatSectors; j++) fatIds.push(s.readInt32LE(j * 4));
    id = s.readInt32LE(sectorSize - 4);
  }
  const fat: number[] = [];
  for (const id of fatIds) {
    const s = sector(id);
    for (let j = 0; j + 4 <= s.length; j += 4) fat.push(s.readInt32LE(j));
  }

  /** A chain of sector ids, refused if it leaves the table or comes back on itself. */
  const chain = (table: readonly number[], start: number, what: string): number[] => {
    const ids: number[] = [];
    const seen = new Set<number>();
    for (let id = start; id > FREE; id = table[id] ?? END_OF_CHAIN) {
      if (seen.has(id)) throw new OleError(`the ${what} chain runs in a circle`);
      if (id >= table.length) throw new OleError(`the ${what} chain points past its table`);
      seen.add(id);
      ids.push(id);
    }
    return ids;
  };
  const read = (ids: readonly number[]): Buffer => Buffer.concat(ids.map(sector));

  const directory = read(chain(fat, directoryStart, "directory"));
  const entries: Entry[] = [];
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const nameBytes = Math.min(64, Math.max(0, directory.readUInt16LE(at + 64) - 2));
    entries.push({
      name: directory.toString("utf16le", at, at + nameBytes),
      type: directory.readUInt8(at + 66),
      start: directory.readInt32LE(at + 116),
      size: directory.readUInt32LE(at + 120),
    });
  }
  const root = entries.find((e) => e.type === 5);
  if (root === undefined) throw new OleError("the directory has no root entry");
  const miniStreamIds = chain(fat, root.start, "mini stream");
  const miniFat = miniFatStart < 0 ? [] : int32s(read(chain(fat, miniFatStart, "mini FAT")));
  const streams = new Map<string, number[]>();
  for (const entry of entries) {
    if (entry.type !== 2) continue;
    const mini = entry.size < miniCutoff;
    streams.set(entry.name, chain(mini ? miniFat : fat, entry.start, `${entry.name} stream`));
  }

  return {
    names: new Set(entries.filter((e) => e.type === 1 || e.type === 2).map((e) => e.name)),
    head(name, length) {
      const ids = streams.get(name);
      const entry = entries.find((e) => e.type === 2 && e.name === name);
      if (ids === undefined || entry === undefined) return null;
      if (entry.size >= miniCutoff) return read(ids.slice(0, Math.ceil(length / sectorSize))).subarray(0, length);
      const miniStream = read(miniStreamIds);
      return Buffer.concat(ids.map((id) => miniStream.subarray(id * 64, id * 64 + 64))).subarray(0, length);
    },
  };
}

function int32s(data: Buffer): number[] {
  const out: number[] = [];
  for (let j = 0; j + 4 <= data.length; j += 4) out.push(data.readInt32LE(j));
  return out;
}
