import { execFile } from "node:child_process";
import { OcrImageError, PAGE_SEGMENTATION, type OcrEngine, type OcrImage, type OcrSession } from "./engine.js";

const COMMAND = "tesseract";
/** A TSV of a dense page is well under 1 MB; the default 1 MB would cut a big one. */
const MAX_OUTPUT = 64 * 1024 * 1024;
const PROBE_TIMEOUT_MS = 10_000;

interface Run {
  stdout: string;
  stderr: string;
}

/** Runs tesseract without a shell, the image on stdin; rejects with the exit's stderr. */
function run(args: readonly string[], options: { input?: Uint8Array; signal?: AbortSignal; timeout?: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      COMMAND,
      args,
      {
        encoding: "utf8",
        maxBuffer: MAX_OUTPUT,
        killSignal: "SIGKILL",
        windowsHide: true,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
        // One thread per process: pages run in parallel as processes, and OpenMP's own threads
        // would fight them for the cores (tesseract's documented advice for parallel runs).
        env: { ...process.env, OMP_THREAD_LIMIT: "1" },
      },
      (error, stdout, stderr) => (error === null ? resolve({ stdout, stderr }) : reject(Object.assign(error, { stderr }))),
    );
    // tesseract may exit on a bad image before reading all of stdin: that is its error to report.
    child.stdin?.on("error", () => {});
    child.stdin?.end(options.input ?? new Uint8Array(0));
  });
}

export interface SystemTesseract {
  version: string;
  languages: string[];
}

let probed: Promise<SystemTesseract | null> | undefined;

/** The installed tesseract's version and languages, or null when there is none. Asked once per process. */
export function probeSystemTesseract(): Promise<SystemTesseract | null> {
  probed ??= (async () => {
    try {
      const [version, langs] = await Promise.all([
        run(["--version"], { timeout: PROBE_TIMEOUT_MS }),
        run(["--list-langs"], { timeout: PROBE_TIMEOUT_MS }),
      ]);
      // Older builds print the version on stderr.
      const versionLine = `${version.stdout}\n${version.stderr}`.split("\n").find((l) => /^tesseract\s/i.test(l.trim()));
      const languages = langs.stdout
        .split("\n")
        .slice(1)
        .map((l) => l.trim())
        .filter((l) => l !== "");
      return { version: versionLine?.trim().split(/\s+/)[1] ?? "unknown", languages };
    } catch {
      return null;
    }
  })();
  return probed;
}

/** Errors that say the image itself could not be decoded (leptonica's messages). */
const UNREADABLE_IMAGE = /pixRead|Unsupported image type|cannot be read|Error during processing|internal png error|Not a JPEG|TIFFReadDirectory|no pix/i;

/** The system tesseract, one process per page: `tesseract stdin stdout -l vie --psm 3 tsv`. */
export function systemTesseractEngine(version: string): OcrEngine {
  return {
    name: `tesseract ${version}`,
    deskews: false,
    open: async ({ language }) => {
      const session: OcrSession = {
        read: async (image: OcrImage, signal: AbortSignal) => {
          try {
            const { stdout } = await run(["stdin", "stdout", "-l", language, "--psm", PAGE_SEGMENTATION, "tsv"], {
              input: image.bytes,
              signal,
            });
            return stdout;
          } catch (error) {
            if (signal.aborted) throw signal.reason;
            const stderr = (error as { stderr?: string }).stderr ?? "";
            if (UNREADABLE_IMAGE.test(stderr)) throw new OcrImageError(stderr.trim().split("\n").slice(0, 3).join("; "));
            throw error;
          }
        },
        close: async () => {},
      };
      return session;
    },
  };
}
