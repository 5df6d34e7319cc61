import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { ApiError } from "./errors.js";

const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

/**
 * The guard of write routes: `Authorization: Bearer <token>`. Digests are compared in constant
 * time, so neither the token nor its length leaks through timing.
 */
export function bearerGuard(token: string): (request: FastifyRequest) => Promise<void> {
  const expected = digest(token);
  return async (request) => {
    const header = request.headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) throw new ApiError(401, "unauthorized", "this route needs the API token: Authorization: Bearer <VANBAN_TOKEN>");
    if (!timingSafeEqual(digest(match[1]!), expected)) throw new ApiError(401, "unauthorized", "the API token is wrong");
  };
}
