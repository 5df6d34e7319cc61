import { crc32, deflateSync } from "node:zlib";
import { defaultPipeline, type PipelineConfig } from "../../src/pipeline/config.js";

/** tesseract.js on a 300-dpi page takes seconds; a slow CI machine gets a wide margin. */
export const OCR_TIMEOUT = 60_000;

/** The default pipeline with some OCR settings and limits replaced. */
export function configWith(ocr: Partial<PipelineConfig["ocr"]>, limits: Partial<PipelineConfig["limits"]> = {}): PipelineConfig {
  const base = defaultPipeline();
  return { ...base, ocr: { ...base.ocr, ...ocr }, limits: { ...base.limits, ...limits } };
}

/** A valid 8-bit grayscale PNG of one shade: a blank scan, made here rather than kept as a file. */
export function plainPng(width: number, height: number, shade = 255): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit, grayscale, deflate, no filter method, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width, shade)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
