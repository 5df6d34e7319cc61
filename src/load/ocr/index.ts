import { availableParallelism } from "node:os";
import { VanbanError } from "../../errors.js";
import type { PipelineConfig } from "../../pipeline/config.js";
import { OcrImageError, type OcrEngine, type OcrImage, type OcrSession } from "./engine.js";
import { probeSystemTesseract, systemTesseractEngine } from "./tesseract-cli.js";
import { modelFolder, tesseractJsEngine } from "./tesseract-js.js";
import { documentPitch, layoutParagraphs, meanConfidence, parseTsv, skewOf, withoutSpecks, type OcrParagraph, type OcrWord } from "./tsv.js";

export type { OcrImage } from "./engine.js";
export { ocrPages, ocrWarnings } from "./pages.js";
export type { OcrParagraph } from "./tsv.js";

export interface OcrPageResult {
  page: number;
  /** Lines as the engine reads them, blank lines between paragraphs; two columns side by side with a wide gap. */
  text: string;
  /** Mean word confidence 0..1 (0 when the page has no words). */
  confidence: number;
  /** The text cut into paragraphs, each with its own mean confidence: the loaders' blocks. */
  paragraphs: OcrParagraph[];
}

export interface OcrOutcome {
  /** Engine and version, recorded in the output: `tesseract 5.3.0`, `tesseract.js 7.0.0`. */
  engine: string;
  pages: OcrPageResult[];
}

/**
 * The engine `ocr.engine` asks for. `auto` takes the system tesseract when it lists every
 * language asked for (it is several times faster), else tesseract.js with the npm model.
 */
export async function chooseEngine(config: PipelineConfig, file: string | null = null): Promise<OcrEngine> {
  const { engine, language } = config.ocr;
  const languages = language.split("+");
  if (engine !== "tesseract.js") {
    const system = await probeSystemTesseract();
    const hasLanguages = system !== null && languages.every((l) => system.languages.includes(l));
    if (hasLanguages) return systemTesseractEngine(system.version);
    if (engine === "tesseract") {
      const why = system === null ? "the tesseract command is not installed" : `tesseract has no ${language} model (apt install tesseract-ocr-vie)`;
      throw new VanbanError("internal", `ocr.engine is tesseract but ${why}`, { file });
    }
  }
  if (languages.length !== 1 || modelFolder(language) === null) {
    throw new VanbanError("internal", `tesseract.js has no local model for "${language}": install @tesseract.js-data/${language} (one language only)`, {
      file,
    });
  }
  return tesseractJsEngine();
}

export function workerCount(config: PipelineConfig, pages: number): number {
  const wanted = config.ocr.workers === 0 ? availableParallelism() : config.ocr.workers;
  return Math.max(1, Math.min(wanted, pages));
}

/**
 * Skew from which a page is read again straightened: unrotated, tesseract finds the rotated
 * lines but cuts them into pieces (a phone photo at 2.7° lost half of each line), where a scan
 * at under 1° reads clean, and cleaner than rotated (the resampling blurs tone marks).
 */
const STRAIGHTEN_FROM = (1.5 * Math.PI) / 180;

const readSkewed = (words: readonly OcrWord[]): boolean => Math.abs(skewOf(words)) >= STRAIGHTEN_FROM;
const wordsOf = (tsv: string): OcrWord[] => withoutSpecks(parseTsv(tsv));

/**
 * Whether pages are read straightened: `never`, `always`, or `when-skewed`: read as they are, and
 * again straightened by the same worker where read skewed (an engine that deskews).
 */
type Straightening = "never" | "always" | "when-skewed";

/**
 * Reads every image, `workers` at a time, each against the page time limit. The first failure
 * aborts the pages in flight and starts no more; the pages in flight are waited for, so that no
 * process or thread outlives the call.
 */
async function readAll(
  session: OcrSession,
  images: readonly OcrImage[],
  options: { workers: number; timeoutMs: number; file: string | null; signal: AbortController; straighten: Straightening },
): Promise<string[]> {
  const out: string[] = new Array<string>(images.length);
  let next = 0;
  let failure: unknown = null;
  const lane = async (): Promise<void> => {
    while (failure === null && next < images.length) {
      const index = next++;
      const image = images[index]!;
      const page = new AbortController();
      const stop = (): void => page.abort(options.signal.signal.reason);
      options.signal.signal.addEventListener("abort", stop, { once: true });
      // Each read of the page has the limit: a page read again straightened gets it twice.
      const arm = (): NodeJS.Timeout =>
        setTimeout(
          () =>
            page.abort(
              new VanbanError("timeout", `OCR of page ${image.page} took longer than ${options.timeoutMs} ms (limits.ocrPageTimeoutMs)`, {
                file: options.file,
              }),
            ),
          options.timeoutMs,
        );
      let timer = arm();
      try {
        let tsv = await session.read(image, page.signal, { straighten: options.straighten === "always" });
        if (options.straighten === "when-skewed" && readSkewed(wordsOf(tsv))) {
          clearTimeout(timer);
          timer = arm();
          tsv = await session.read(image, page.signal, { straighten: true });
        }
        out[index] = tsv;
      } catch (error) {
        failure ??= error;
        options.signal.abort(error);
      } finally {
        clearTimeout(timer);
        options.signal.signal.removeEventListener("abort", stop);
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, lane));
  if (failure !== null) throw failure;
  return out;
}

function asVanbanError(error: unknown, file: string | null): VanbanError {
  if (error instanceof VanbanError) return error;
  if (error instanceof OcrImageError) return new VanbanError("corrupt", `the image cannot be decoded: ${error.message}`, { file, cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new VanbanError("internal", `OCR failed: ${message}`, { file, cause: error });
}

/** Opens the engine, reads the images (see readAll) and closes it, whatever happens. */
async function readWith(
  engine: OcrEngine,
  images: readonly OcrImage[],
  config: PipelineConfig,
  file: string | null,
  cancel: AbortSignal | undefined,
  straighten: Straightening,
): Promise<OcrWord[][]> {
  const workers = workerCount(config, images.length);
  const abort = new AbortController();
  cancel?.throwIfAborted();
  const onCancel = (): void => abort.abort(cancel!.reason);
  cancel?.addEventListener("abort", onCancel, { once: true });
  // Starting workers loads the model, which is no page's time; but a model that never loads
  // (tesseract.js then never settles) must not hang the document past the stage's limit.
  const { stageTimeoutMs, ocrPageTimeoutMs: timeoutMs } = config.limits;
  const startTimer = setTimeout(
    () => abort.abort(new VanbanError("timeout", `the OCR engine did not start within ${stageTimeoutMs} ms`, { file })),
    stageTimeoutMs,
  );
  let session: OcrSession | undefined;
  try {
    session = await engine.open({ language: config.ocr.language, workers, signal: abort.signal });
    clearTimeout(startTimer);
    const tsvs = await readAll(session, images, { workers, timeoutMs, file, signal: abort, straighten });
    return tsvs.map(wordsOf);
  } finally {
    clearTimeout(startTimer);
    cancel?.removeEventListener("abort", onCancel);
    abort.abort(new Error("OCR finished"));
    await session?.close();
  }
}

/**
 * Reads page images with the configured engine, pages in parallel across cores. Rejects with
 * VanbanError `timeout` when a page passes `limits.ocrPageTimeoutMs`, `corrupt` when the engine
 * cannot decode an image. Pages without text come back with empty text: the loader decides.
 * Pages read skewed are read again straightened: by the same engine and worker when it can
 * (tesseract.js), else under `auto` by tesseract.js, and the engine is then recorded as both.
 */
export async function recognise(
  images: readonly OcrImage[],
  options: {
    config: PipelineConfig;
    fileName: string | null;
    engine?: OcrEngine;
    /** Stops the pages in flight and frees the engine: a caller's own deadline (the load stage's). */
    signal?: AbortSignal;
  },
): Promise<OcrOutcome> {
  const { config, fileName: file, signal } = options;
  try {
    const engine = options.engine ?? (await chooseEngine(config, file));
    if (images.length === 0) return { engine: engine.name, pages: [] };
    const words = await readWith(engine, images, config, file, signal, engine.deskews ? "when-skewed" : "never");
    let name = engine.name;
    const skewed = images.flatMap((_image, i) => (readSkewed(words[i]!) ? [i] : []));
    const canBorrow = !engine.deskews && options.engine === undefined && config.ocr.engine === "auto" && modelFolder(config.ocr.language) !== null;
    if (canBorrow && skewed.length > 0) {
      const straightener = tesseractJsEngine();
      const again = await readWith(straightener, skewed.map((i) => images[i]!), config, file, signal, "always");
      skewed.forEach((pageIndex, i) => (words[pageIndex] = again[i]!));
      name = `${engine.name} + ${straightener.name}`;
    }
    const bodyPitch = documentPitch(words);
    return {
      engine: name,
      pages: images.map((image, i) => {
        const paragraphs = layoutParagraphs(words[i]!, bodyPitch > 0 ? { bodyPitch } : {});
        return { page: image.page, text: paragraphs.map((p) => p.text).join("\n\n"), confidence: meanConfidence(words[i]!), paragraphs };
      }),
    };
  } catch (error) {
    throw asVanbanError(error, file);
  }
}
