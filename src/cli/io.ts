import { defaultPipeline, loadPipeline, type PipelineConfig } from "../index.js";
import { osReason } from "./files.js";

export const EXIT = { ok: 0, inputFailed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where the CLI writes: stdout is data only, everything for people goes to stderr. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal: a progress bar there, plain progress lines otherwise. */
  stderrIsTTY?: boolean;
  /** The environment: REDIS_URL stands in for --redis. */
  env?: Readonly<Record<string, string | undefined>>;
}

function pipelineProblem(path: string | null, error: unknown): string {
  const shown = path ?? "pipelines/default.json";
  if (error instanceof SyntaxError) return `invalid pipeline definition ${shown}: not JSON: ${error.message}`;
  if (error instanceof Error && "code" in error) return `cannot read pipeline definition ${shown}: ${osReason(error)}`;
  // loadPipeline's own message already names the file and lists zod's reasons.
  return error instanceof Error ? error.message : String(error);
}

/** The pipeline a command runs, or null after saying on stderr why it cannot be used. */
export function pipelineOrNull(path: string | null, io: Io): PipelineConfig | null {
  try {
    return path === null ? defaultPipeline() : loadPipeline(path);
  } catch (error) {
    io.stderr(`vanban: ${pipelineProblem(path, error)}\n`);
    return null;
  }
}

/** Resolves at the first SIGINT or SIGTERM: long-running commands then finish what they hold. */
export function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
