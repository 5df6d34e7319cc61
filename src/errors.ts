import { z } from "zod";

/**
 * Why a whole input could not become a document. Stable codes: callers (CLI exit messages,
 * queue retry policy, HTTP answers) branch on them, so never rename one.
 */
export const failureCodeSchema = z.enum([
  "unreadable", // the file could not be read (missing, permission, I/O)
  "empty", // no bytes, or nothing but white space
  "binary", // bytes that are not text in any encoding we read
  "too-large", // over the configured byte limit
  "unsupported-format", // a format no loader in the registry accepts
  "corrupt", // a known format whose structure is broken
  "encrypted", // a protected file we must not try to open
  "timeout", // a stage ran past its time limit
  "internal", // a broken invariant inside vanban: a bug
]);
export type FailureCode = z.infer<typeof failureCodeSchema>;

/** Codes where running the same input again may succeed. */
const RETRYABLE: ReadonlySet<FailureCode> = new Set(["unreadable", "timeout", "internal"]);

export const failureSchema = z.object({
  code: failureCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
  file: z.string().nullable(),
});
export type Failure = z.infer<typeof failureSchema>;

/** A typed, explained failure of one input. Thrown by loaders, caught by every adapter. */
export class VanbanError extends Error {
  readonly code: FailureCode;
  readonly retryable: boolean;
  readonly file: string | null;

  constructor(code: FailureCode, message: string, options: { file?: string | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "VanbanError";
    this.code = code;
    this.retryable = RETRYABLE.has(code);
    this.file = options.file ?? null;
  }

  toFailure(): Failure {
    return { code: this.code, message: this.message, retryable: this.retryable, file: this.file };
  }
}

/** Any thrown value as a Failure: our own errors keep their code, anything else is a bug. */
export function asFailure(error: unknown, file: string | null = null): Failure {
  if (error instanceof VanbanError) return { ...error.toFailure(), file: error.file ?? file };
  const message = error instanceof Error ? error.message : String(error);
  return { code: "internal", message: `internal error: ${message}`, retryable: true, file };
}
