import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type Tesseract from "tesseract.js";
import { OcrImageError, PAGE_SEGMENTATION, type OcrEngine, type OcrImage, type OcrSession, type ReadOptions } from "./engine.js";

const require = createRequire(import.meta.url);

/** tesseract.js's own LSTM model variant: what it would download, here read from the npm package. */
const MODEL_FOLDER = "4.0.0_best_int";
const LSTM_ONLY = 1;

export function tesseractJsVersion(): string {
  return (JSON.parse(readFileSync(require.resolve("tesseract.js/package.json"), "utf8")) as { version: string }).version;
}

/**
 * The folder holding `<lang>.traineddata.gz` for a language, from its `@tesseract.js-data/<lang>`
 * package, or null when that package is not installed. tesseract.js takes one folder for all
 * languages, so a combination (vie+eng) needs the packages' models side by side: not supported.
 */
export function modelFolder(language: string): string | null {
  try {
    const folder = join(dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), MODEL_FOLDER);
    return existsSync(join(folder, `${language}.traineddata.gz`)) ? folder : null;
  } catch {
    return null;
  }
}

/**
 * The worker thread's script: tesseract.js's own, with the console silenced first. tesseract's
 * C++ prints (libpng's "IHDR: CRC error", "Detected 12 diacritics") go through emscripten to the
 * worker's console.log and console.error, which Node pipes to the process's stdout and stderr:
 * stdout is where the CLI writes its JSON. A data: URL needs no file of its own next to the build.
 */
function quietWorkerScript(): URL {
  const script = `import { createRequire } from "node:module";
for (const method of ["log", "info", "warn", "error", "debug"]) console[method] = () => {};
createRequire(${JSON.stringify(require.resolve("tesseract.js/package.json"))})("./src/worker-script/node/index.js");`;
  return new URL(`data:text/javascript,${encodeURIComponent(script)}`);
}

/** Worker options that keep tesseract.js offline, quiet and out of the working directory. */
function workerOptions(langPath: string): Partial<Tesseract.WorkerOptions> {
  return {
    // A local path (not a URL) makes tesseract.js read the model with fs, never fetch.
    langPath,
    gzip: true,
    // No cache: it would be read from and written to the working directory.
    cacheMethod: "none",
    // In Node the core and its wasm are required from tesseract.js-core next to tesseract.js;
    // named here so that nobody mistakes the default for a CDN.
    corePath: dirname(require.resolve("tesseract.js-core/package.json")),
    // Without a handler, a rejected job also throws inside tesseract.js's message listener,
    // which would be an uncaught exception; the job's own promise carries the error to us.
    errorHandler: () => {},
    // tesseract.js hands this to `new Worker()`, which takes a URL as well as a path.
    workerPath: quietWorkerScript() as unknown as string,
    logger: () => {},
  };
}

/** Rejects when `signal` aborts; the caller decides what an abort costs. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

const UNREADABLE_IMAGE = /attempting to read image|pixRead|image file/i;

/** tesseract.js with the npm model: a pool of wasm workers (threads), one page each at a time. */
export function tesseractJsEngine(): OcrEngine {
  return {
    name: `tesseract.js ${tesseractJsVersion()}`,
    deskews: true,
    open: async ({ language, workers, signal }) => {
      const langPath = modelFolder(language);
      if (langPath === null) {
        throw new Error(
          `tesseract.js has no local model for "${language}": install @tesseract.js-data/${language} (one language only)`,
        );
      }
      const { createWorker } = (await import("tesseract.js")).default;
      const starting = Array.from({ length: workers }, () => createWorker(language, LSTM_ONLY, workerOptions(langPath)));
      const live = new Set<Tesseract.Worker>();
      // Workers that start after an abort are terminated as they arrive.
      for (const s of starting) {
        s.then(
          (w) => (signal.aborted ? void w.terminate() : live.add(w)),
          () => {},
        );
      }
      let ready: Tesseract.Worker[];
      try {
        // A worker never settles when its model fails to load, so the abort must be able to end the wait.
        ready = await Promise.race([Promise.all(starting), aborted(signal)]);
        await Promise.all(ready.map((w) => w.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION as Tesseract.PSM })));
      } catch (error) {
        // No session to close: the workers that did start are ended here.
        await Promise.all([...live].map((w) => w.terminate()));
        live.clear();
        throw error;
      }
      const idle = [...ready];

      const session: OcrSession = {
        read: async (image: OcrImage, pageSignal: AbortSignal, options: ReadOptions = {}) => {
          const worker = idle.pop();
          if (worker === undefined) throw new Error("more pages in flight than tesseract.js workers");
          try {
            const result = await Promise.race([
              worker.recognize(
                Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength),
                // Straightening finds the skew from the lines and reads the page rotated by it (from
                // 0.3°): a photo at 2.7° otherwise loses half of each line. On a scan skewed under a
                // degree the rotated, resampled image costs letters instead (the place "Cẩm Phả"
                // read "Cẩm Phỏ", tones on every page), so it is done only when asked.
                { rotateAuto: options.straighten === true },
                { text: false, tsv: true },
              ),
              aborted(pageSignal),
            ]);
            idle.push(worker);
            return result.data.tsv ?? "";
          } catch (error) {
            // A worker stopped mid-page cannot be reused: its wasm is still busy with the page.
            live.delete(worker);
            await worker.terminate();
            if (pageSignal.aborted) throw pageSignal.reason;
            const message = String(error instanceof Error ? error.message : error);
            if (UNREADABLE_IMAGE.test(message)) throw new OcrImageError(message);
            throw new Error(`tesseract.js: ${message}`);
          }
        },
        close: async () => {
          const all = [...live];
          live.clear();
          await Promise.all(all.map((w) => w.terminate()));
        },
      };
      return session;
    },
  };
}
