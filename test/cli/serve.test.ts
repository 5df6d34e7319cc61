// `vanban serve` as a user starts it: the built CLI in a process of its own.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "vanban.js");
const work = mkdtempSync(join(tmpdir(), "vanban-serve-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], { cwd: work, env: { ...process.env, VANBAN_TOKEN: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const said = async (pattern: RegExp): Promise<RegExpExecArray> => {
    for (;;) {
      const match = pattern.exec(stderr);
      if (match !== null) return match;
      if (child.exitCode !== null) throw new Error(`vanban serve exited ${child.exitCode}: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { child, exited, said, stderr: () => stderr };
}

describe("vanban serve", () => {
  it("without VANBAN_TOKEN makes one up, prints the page's address with it, serves, and stops on SIGTERM releasing the archive", async () => {
    const server = serve([]);
    const [, url, token] = await server.said(/(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/);
    expect((await fetch(`${url}/api/status`)).status).toBe(200);
    const refused = await fetch(`${url}/api/documents`, { method: "POST", body: new FormData() });
    expect(refused.status).toBe(401);
    const form = new FormData();
    form.append("file", new Blob(["Số: 1/KH-UBND\n\nKẾ HOẠCH\n\nThử nghiệm\n"]), "thu.txt");
    expect((await fetch(`${url}/api/documents`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } })).status).toBe(202);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(existsSync(join(work, "vanban-archive", "documents.ndjson"))).toBe(true);
    expect(existsSync(join(work, "vanban-archive", "ingest.lock"))).toBe(false);
  }, 30_000);

  it("with VANBAN_TOKEN uses it and does not print it", async () => {
    const server = serve(["--archive", join(work, "other")], { VANBAN_TOKEN: "chosen-token-123" });
    const [, url] = await server.said(/serving (http:\/\/\S+?)\//);
    const form = new FormData();
    form.append("file", new Blob(["x"]), "x.txt");
    expect((await fetch(`${url}/api/documents`, { method: "POST", body: form, headers: { authorization: "Bearer chosen-token-123" } })).status).toBe(202);
    expect(server.stderr()).not.toContain("chosen-token-123");
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 30_000);

  it("a second server on the same archive is refused with the first one's pid", async () => {
    const first = serve(["--archive", join(work, "shared")]);
    await first.said(/serving/);
    const second = serve(["--archive", join(work, "shared")]);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(`process ${first.child.pid}`);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
  }, 30_000);

  it.each([
    { args: ["--port", "http"], message: "--port needs a port number" },
    { args: ["extra.txt"], message: "'serve' takes no arguments" },
    { args: ["--workers", "2", "--redis", "redis://127.0.0.1:1"], message: "--workers is for the embedded pipeline" },
  ])("$args is a usage error: $message", async ({ args, message }) => {
    const server = serve(args);
    expect(await server.exited).toBe(2);
    expect(server.stderr()).toContain(message);
  });
});
