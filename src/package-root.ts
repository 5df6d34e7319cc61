import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding vanban's package.json, whether running from src/ (tests) or dist/src/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "pipelines"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("vanban: cannot find the package root (package.json beside pipelines/)");
    dir = up;
  }
}
