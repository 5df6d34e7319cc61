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

/** Pixels as a PDF holds an image: after its filters, or still CCITT Group 4 encoded. */
export interface RasterImage {
  width: number;
  height: number;
  /** 1 (bilevel) or 8. */
  bitsPerSample: 1 | 8;
  /** 1 (gray) or 3 (RGB). */
  channels: 1 | 3;
  /**
   * `none`: rows of samples, each row padded to a whole byte, 0 is black (a PDF's DeviceGray with
   * its default Decode). `ccitt-g4`: a CCITTFaxDecode stream with K < 0, as it sits in the PDF.
   */
  encoding: "none" | "ccitt-g4";
  data: Uint8Array;
}

const TAG = {
  ImageWidth: 256,
  ImageLength: 257,
  BitsPerSample: 258,
  Compression: 259,
  PhotometricInterpretation: 262,
  StripOffsets: 273,
  SamplesPerPixel: 277,
  RowsPerStrip: 278,
  StripByteCounts: 279,
} as const;
const SHORT = 3;
const LONG = 4;

/**
 * Wraps raw or Group 4 pixels in a one-strip TIFF, so that a PDF's embedded scan can go to OCR
 * as it is: no decoding, no PNG encoder. Both engines read it (tesseract through libtiff).
 */
export function tiffOf(image: RasterImage): Uint8Array {
  const { width, height, bitsPerSample, channels, data } = image;
  const g4 = image.encoding === "ccitt-g4";
  if (g4 && (bitsPerSample !== 1 || channels !== 1)) throw new Error("CCITT images are bilevel");
  const rowBytes = Math.ceil((width * bitsPerSample * channels) / 8);
  if (!g4 && data.length < rowBytes * height) throw new Error(`${data.length} bytes are too few for ${width}×${height} pixels`);
  // Fax runs mean white and black whatever the sample values; raw PDF gray has 0 for black.
  const photometric = channels === 3 ? 2 : g4 ? 0 : 1;
  const entries: [tag: number, type: number, value: number][] = [
    [TAG.ImageWidth, LONG, width],
    [TAG.ImageLength, LONG, height],
    // Three samples would need their counts out of line; 8 bits each is all an RGB PDF image has.
    [TAG.BitsPerSample, SHORT, channels === 3 ? 8 : bitsPerSample],
    [TAG.Compression, SHORT, g4 ? 4 : 1],
    [TAG.PhotometricInterpretation, SHORT, photometric],
    [TAG.StripOffsets, LONG, 0], // filled below
    [TAG.SamplesPerPixel, SHORT, channels],
    [TAG.RowsPerStrip, LONG, height],
    [TAG.StripByteCounts, LONG, data.length],
  ];
  const directorySize = 2 + entries.length * 12 + 4;
  const bitsPerSampleOffset = 8 + directorySize;
  const dataOffset = bitsPerSampleOffset + (channels === 3 ? 6 : 0);
  const bytes = new Uint8Array(dataOffset + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0x4949);
  view.setUint16(2, 42, true);
  view.setUint32(4, 8, true);
  view.setUint16(8, entries.length, true);
  entries.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    const count = tag === TAG.BitsPerSample ? channels : 1;
    view.setUint32(at + 4, count, true);
    if (tag === TAG.StripOffsets) view.setUint32(at + 8, dataOffset, true);
    else if (count > 1) view.setUint32(at + 8, bitsPerSampleOffset, true);
    else if (type === SHORT) view.setUint16(at + 8, value, true);
    else view.setUint32(at + 8, value, true);
  });
  view.setUint32(10 + entries.length * 12, 0, true);
  if (channels === 3) for (let c = 0; c < 3; c++) view.setUint16(bitsPerSampleOffset + c * 2, 8, true);
  bytes.set(data, dataOffset);
  return bytes;
}
