/**
 * Multi-page TIFF without a decoder. A TIFF is a header pointing at a chain of image file
 * directories (IFDs), one per page, each pointing at its own strips. Pointing the header at page
 * k's directory and ending the chain there gives a valid one-page TIFF whose strips are where
 * they were, so every engine (tesseract.js reads only a file's first page) sees one page a call,
 * and pages can be read in parallel. Costs one copy of the file per page, never a decode.
 */

/** Directories a TIFF may chain before we call it broken (a loop, or a page count no scan has). */
const MAX_DIRECTORIES = 10_000;

export class TiffStructureError extends Error {}

interface TiffLayout {
  littleEndian: boolean;
  /** Offset of each page's directory. */
  directories: number[];
}

function layoutOf(bytes: Uint8Array): TiffLayout {
  if (bytes.length < 8) throw new TiffStructureError("the TIFF header is cut short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = view.getUint16(0, false);
  if (order !== 0x4949 && order !== 0x4d4d) throw new TiffStructureError("not a TIFF byte-order mark");
  const littleEndian = order === 0x4949;
  if (view.getUint16(2, littleEndian) !== 42) throw new TiffStructureError("not a classic TIFF (BigTIFF is not read)");
  const directories: number[] = [];
  const seen = new Set<number>();
  let offset = view.getUint32(4, littleEndian);
  while (offset !== 0) {
    if (seen.has(offset) || directories.length >= MAX_DIRECTORIES) throw new TiffStructureError("the TIFF's page chain loops");
    if (offset + 2 > bytes.length) throw new TiffStructureError("a TIFF page directory lies past the end of the file");
    const entries = view.getUint16(offset, littleEndian);
    const next = offset + 2 + entries * 12;
    if (next + 4 > bytes.length) throw new TiffStructureError("a TIFF page directory is cut short");
    seen.add(offset);
    directories.push(offset);
    offset = view.getUint32(next, littleEndian);
  }
  if (directories.length === 0) throw new TiffStructureError("the TIFF has no pages");
  return { littleEndian, directories };
}

/** How many pages a TIFF holds. Throws TiffStructureError when its directory chain is broken. */
export function tiffPageCount(bytes: Uint8Array): number {
  return layoutOf(bytes).directories.length;
}

/** Each page of a TIFF as a TIFF of its own (the bytes themselves when there is one page). */
export function splitTiff(bytes: Uint8Array): Uint8Array[] {
  const { littleEndian, directories } = layoutOf(bytes);
  if (directories.length === 1) return [bytes];
  return directories.map((offset) => {
    const page = new Uint8Array(bytes);
    const view = new DataView(page.buffer);
    view.setUint32(4, offset, littleEndian);
    const entries = view.getUint16(offset, littleEndian);
    view.setUint32(offset + 2 + entries * 12, 0, littleEndian);
    return page;
  });
}
