/** One page image to read: encoded PNG, JPEG or TIFF bytes (an embedded scan, or a rendered page). */
export interface OcrImage {
  page: number;
  bytes: Uint8Array;
  mediaType: string;
}

/** An engine opened for one document: reads pages, one per worker at a time, until closed. */
export interface ReadOptions {
  /**
   * Straighten the page by the skew the engine finds before reading it (only an engine that
   * `deskews` can). Asked only for a page found skewed: rotating a page skewed by under a degree
   * costs more letters than the skew does.
   */
  straighten?: boolean;
}

export interface OcrSession {
  /** The page's TSV. Stops (kills the process, terminates the worker) when `signal` aborts. */
  read(image: OcrImage, signal: AbortSignal, options?: ReadOptions): Promise<string>;
  /** Frees every process and thread, so nothing keeps Node running. Safe to call twice. */
  close(): Promise<void>;
}

export interface OcrEngine {
  /** Name and version, as recorded in the output: `tesseract 5.3.0`, `tesseract.js 7.0.0`. */
  name: string;
  /** Whether it can straighten a skewed page before reading (tesseract.js can, the CLI cannot): see ReadOptions. */
  deskews: boolean;
  open(options: { language: string; workers: number; signal: AbortSignal }): Promise<OcrSession>;
}

/** The engine could not decode the image: the input is broken, not the engine. */
export class OcrImageError extends Error {}

/** The page's tesseract parameters, the same for both engines so that they read alike. */
export const PAGE_SEGMENTATION = "3"; // fully automatic layout analysis, no orientation detection
