import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";

/** The review page's files, by the path they are served at. Read once: nothing else on disk is ever served. */
const PAGE_FILES = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
} as const;

export interface PageFile {
  path: string;
  type: string;
  body: string;
}

export function pageFiles(): PageFile[] {
  const dir = join(packageRoot(), "web");
  return Object.entries(PAGE_FILES).map(([path, { file, type }]) => ({ path, type, body: readFileSync(join(dir, file), "utf8") }));
}

/** The page runs only its own script and styles and talks only to this server. */
export const PAGE_SECURITY_HEADERS = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
} as const;
