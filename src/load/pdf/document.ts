import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PDFParse, VerbosityLevel } from "pdf-parse";
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import { VanbanError } from "../../errors.js";
import { inThreadWorker } from "./port.js";

let dataDir: string | undefined;
/** pdf.js's own data (CMaps for CJK and other encodings, the 14 standard fonts), read from disk: never fetched. */
function pdfjsDataDir(): string {
  dataDir ??= dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return dataDir;
}

/** Decoded images larger than this many pixels are skipped by pdf.js rather than held in memory. */
const MAX_IMAGE_PIXELS = 60_000_000;

/**
 * How every PDF is opened. A PDF is untrusted input: pdf.js must not compile code from it
 * (PostScript functions become JS through `new Function` unless eval is off), nor load fonts into
 * the platform, nor reach the network or system fonts; warnings must not reach stdout, where
 * the CLI prints its JSON.
 */
export function openOptions(bytes: Uint8Array): ConstructorParameters<typeof PDFParse>[0] {
  const data = pdfjsDataDir();
  return {
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy, never the caller's bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: VerbosityLevel.ERRORS,
    cMapUrl: `${join(data, "cmaps")}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(data, "standard_fonts")}/`,
    wasmUrl: `${join(data, "wasm")}/`,
  };
}

/** An open PDF: pdf-parse for images and screenshots, its pdf.js document for positioned text. */
export interface OpenPdf {
  parser: PDFParse;
  document: PDFDocumentProxy;
  /** Destroys the pdf.js document and its worker. */
  close(): Promise<void>;
}

/**
 * Opens a PDF or throws the VanbanError that says why not. pdf-parse's `getText` flattens the
 * positions that reading order needs, so the pdf.js document it loads is used directly; its
 * loader is private in the typings only.
 */
export async function openPdf(bytes: Uint8Array, fileName: string | null): Promise<OpenPdf> {
  const thread = inThreadWorker();
  const parser = new PDFParse({ ...openOptions(bytes), worker: thread.worker });
  const close = async () => {
    await parser.destroy().catch(() => undefined);
    thread.close();
  };
  try {
    const document = await (parser as unknown as { load(): Promise<PDFDocumentProxy> }).load();
    return { parser, document, close };
  } catch (error) {
    await close();
    throw pdfError(error, fileName);
  }
}

/**
 * pdf.js's failures as vanban's: a password is `encrypted` (never retried, never guessed),
 * anything else pdf.js throws `corrupt`. JavaScript's own errors (TypeError …) are bugs, ours or
 * pdf.js's, and pass through to be reported as internal.
 */
export function pdfError(error: unknown, fileName: string | null): Error {
  if (error instanceof VanbanError) return error;
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) return error;
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") {
    return new VanbanError("encrypted", "the PDF is password-protected; vanban does not open protected files", { file: fileName, cause: error });
  }
  return new VanbanError("corrupt", `the PDF cannot be read: ${message}`, { file: fileName, cause: error });
}
