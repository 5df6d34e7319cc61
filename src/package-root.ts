import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { VanbanError } from "./errors.js";

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

/**
 * A compiled script that runs in a thread or sandbox of its own: beside the calling module when
 * that is compiled, else in dist/ (the calling module runs from src/ under the test runner).
 */
export function compiledScript(callerUrl: string, name: string, what: string): string {
  const beside = fileURLToPath(new URL(`./${name}`, callerUrl));
  if (existsSync(beside)) return beside;
  const built = join(packageRoot(), "dist", "src", relative(join(packageRoot(), "src"), dirname(fileURLToPath(callerUrl))), name);
  if (!existsSync(built)) throw new VanbanError("internal", `${what} is not built (${built}): run npm run build`);
  return built;
}

/** The version in vanban's package.json: `--version`, and the OpenAPI document's. */
export function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8"));
  const value = typeof manifest === "object" && manifest !== null && "version" in manifest ? manifest.version : undefined;
  return typeof value === "string" ? value : "unknown";
}
