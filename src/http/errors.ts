import { z } from "zod";

/** Every answer that is not a success: a stable code to branch on, a message for people. */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe("unauthorized, not-found, bad-request, too-large, unsupported-media-type, ambiguous, busy, internal"),
      message: z.string(),
      matches: z.array(z.unknown()).optional().describe("ambiguous: the graph nodes the query may mean"),
    }),
  })
  .describe("An error");
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** A request we answer with an error of our own wording; the error handler turns it into JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly matches?: unknown[],
  ) {
    super(message);
    this.name = "ApiError";
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.matches === undefined ? {} : { matches: this.matches }) } };
  }
}

/** The code of an error thrown by Fastify or a plugin, from its HTTP status. */
export function codeOfStatus(status: number): string {
  switch (status) {
    case 400:
      return "bad-request";
    case 401:
      return "unauthorized";
    case 404:
      return "not-found";
    case 406:
      return "not-acceptable";
    case 413:
      return "too-large";
    case 415:
      return "unsupported-media-type";
    case 503:
      return "busy";
    default:
      return status >= 500 ? "internal" : "bad-request";
  }
}

/** Parses a request part with zod, or answers 400 naming the first problem. */
export function parseOrBadRequest<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? what : `${what} ${issue.path.join(".")}`;
  throw new ApiError(400, "bad-request", `${where}: ${issue?.message ?? "invalid"}`);
}
