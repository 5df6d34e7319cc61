/**
 * Multi-page TIFF without a decoder. A TIFF is a header pointing at a chain of image file
 * directories (IFDs), one per page, each pointing at its own strips. Each page is copied out as
 * a one-page TIFF of its own directory, the values it points at and its strips (tesseract.js
 * reads only a file's first page, and one page a call lets pages be read in parallel), so a
 * 300-page TIFF costs about its own size again, never a decode.
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

/** Bytes per value of each TIFF field type (1 BYTE … 12 DOUBLE); 0 for unknown types. */
const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8];
/** Fields whose values are offsets of pixel data, each with the field holding the data's lengths. */
const DATA_FIELDS = new Map([
  [273, 279], // StripOffsets, StripByteCounts
  [324, 325], // TileOffsets, TileByteCounts
  [513, 514], // JPEGInterchangeFormat (old-style JPEG), its length
]);
/** Fields pointing at other directories or free space: meaningless once the page stands alone. */
const DROPPED_FIELDS = new Set([288, 289, 330, 34665, 34853]); // FreeOffsets, FreeByteCounts, SubIFDs, Exif, GPS

interface Field {
  tag: number;
  type: number;
  count: number;
  /** The value bytes as in the file (inline or out of line), in the file's byte order. */
  value: Uint8Array;
}

/** One page as a TIFF of its own: its directory, the values it points at, and its pixel data. */
function extractPage(bytes: Uint8Array, littleEndian: boolean, directory: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const slice = (offset: number, length: number): Uint8Array => {
    if (offset + length > bytes.length) throw new TiffStructureError("a TIFF page points past the end of the file");
    return bytes.subarray(offset, offset + length);
  };
  const fields: Field[] = [];
  const count = view.getUint16(directory, littleEndian);
  for (let i = 0; i < count; i++) {
    const at = directory + 2 + i * 12;
    const tag = view.getUint16(at, littleEndian);
    const type = view.getUint16(at + 2, littleEndian);
    const values = view.getUint32(at + 4, littleEndian);
    const size = (TYPE_SIZE[type] ?? 0) * values;
    if (DROPPED_FIELDS.has(tag) || size === 0) continue;
    fields.push({ tag, type, count: values, value: size <= 4 ? slice(at + 8, 4) : slice(view.getUint32(at + 8, littleEndian), size) });
  }
  const numbers = (field: Field | undefined): number[] => {
    if (field === undefined) return [];
    const v = new DataView(field.value.buffer, field.value.byteOffset, field.value.byteLength);
    return Array.from({ length: field.count }, (_, i) => (field.type === 3 ? v.getUint16(i * 2, littleEndian) : v.getUint32(i * 4, littleEndian)));
  };
  // Pixel data: each offsets field's pieces, copied after the directory and its values.
  const pieces: { field: Field; data: Uint8Array[] }[] = [];
  for (const [offsetsTag, lengthsTag] of DATA_FIELDS) {
    const field = fields.find((f) => f.tag === offsetsTag);
    if (field === undefined) continue;
    const offsets = numbers(field);
    const lengths = numbers(fields.find((f) => f.tag === lengthsTag));
    if (lengths.length !== offsets.length) throw new TiffStructureError("a TIFF page's strip offsets and lengths disagree");
    pieces.push({ field, data: offsets.map((o, i) => slice(o, lengths[i]!)) });
  }
  fields.sort((a, b) => a.tag - b.tag);
  // Room after the directory: a piece field's new offsets when there are several, else any value over 4 bytes.
  const outOfLine = (f: Field): number =>
    pieces.some((p) => p.field === f) ? (f.count > 1 ? 4 * f.count : 0) : f.value.length > 4 ? 4 * Math.ceil(f.value.length / 4) : 0;
  const directorySize = 2 + fields.length * 12 + 4;
  let cursor = 8 + directorySize + fields.reduce((sum, f) => sum + outOfLine(f), 0);
  const total = cursor + pieces.reduce((sum, p) => sum + p.data.reduce((n, d) => n + d.length, 0), 0);
  const out = new Uint8Array(total);
  const w = new DataView(out.buffer);
  w.setUint16(0, littleEndian ? 0x4949 : 0x4d4d);
  w.setUint16(2, 42, littleEndian);
  w.setUint32(4, 8, littleEndian);
  w.setUint16(8, fields.length, littleEndian);
  let valueCursor = 8 + directorySize;
  fields.forEach((field, i) => {
    const at = 10 + i * 12;
    w.setUint16(at, field.tag, littleEndian);
    const piece = pieces.find((p) => p.field === field);
    if (piece !== undefined) {
      // New offsets, always LONG: where each piece lands in this file.
      w.setUint16(at + 2, 4, littleEndian);
      w.setUint32(at + 4, field.count, littleEndian);
      const offsets = piece.data.map((d) => {
        const offset = cursor;
        out.set(d, cursor);
        cursor += d.length;
        return offset;
      });
      if (offsets.length === 1) w.setUint32(at + 8, offsets[0]!, littleEndian);
      else {
        w.setUint32(at + 8, valueCursor, littleEndian);
        offsets.forEach((o, k) => w.setUint32(valueCursor + k * 4, o, littleEndian));
        valueCursor += outOfLine(field);
      }
      return;
    }
    w.setUint16(at + 2, field.type, littleEndian);
    w.setUint32(at + 4, field.count, littleEndian);
    if (field.value.length <= 4) out.set(field.value, at + 8);
    else {
      w.setUint32(at + 8, valueCursor, littleEndian);
      out.set(field.value, valueCursor);
      valueCursor += outOfLine(field);
    }
  });
  w.setUint32(10 + fields.length * 12, 0, littleEndian);
  return out;
}

/** Each page of a TIFF as a TIFF of its own (the bytes themselves when there is one page). */
export function splitTiff(bytes: Uint8Array): Uint8Array[] {
  const { littleEndian, directories } = layoutOf(bytes);
  if (directories.length === 1) return [bytes];
  return directories.map((directory) => extractPage(bytes, littleEndian, directory));
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
