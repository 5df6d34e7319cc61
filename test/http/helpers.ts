import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, type RunningServer, type ServeOptions } from "../../src/http/server.js";
import type { Job } from "../../src/review/library.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const fixture = (...parts: string[]): string => join(ROOT, "fixtures", ...parts);

export interface TestServer extends RunningServer {
  token: string;
  archiveDir: string;
  /** fetch against the server, with the token unless `auth: false`. */
  call(path: string, init?: RequestInit & { auth?: boolean }): Promise<Response>;
  /** Uploads files (paths, or name + bytes) in one request. */
  upload(files: readonly (string | { name: string; bytes: Uint8Array })[], auth?: boolean): Promise<Response>;
  /** Polls a job until it is done or failed (the test's timeout is the only limit). */
  settled(jobId: string): Promise<Job>;
}

export async function startTestServer(options: Partial<ServeOptions> = {}, context: Parameters<typeof startServer>[1] = {}): Promise<TestServer> {
  const archiveDir = options.archiveDir ?? mkdtempSync(join(tmpdir(), "vanban-http-"));
  const token = options.token ?? "test-token-0123456789";
  const server = await startServer({ port: 0, workers: 2, ...options, archiveDir, token }, context);
  const call = (path: string, init: RequestInit & { auth?: boolean } = {}): Promise<Response> => {
    const { auth = true, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (auth) headers.set("authorization", `Bearer ${token}`);
    return fetch(`${server.url}${path}`, { ...rest, headers });
  };
  return {
    ...server,
    token,
    archiveDir,
    call,
    upload(files, auth = true) {
      const form = new FormData();
      for (const file of files) {
        if (typeof file === "string") form.append("file", new Blob([readFileSync(file)]), basename(file));
        else form.append("file", new Blob([file.bytes]), file.name);
      }
      return call("/api/documents", { method: "POST", body: form, auth });
    },
    async settled(jobId) {
      for (;;) {
        const job = (await (await call(`/api/jobs/${jobId}`)).json()) as Job;
        if (job.status === "done" || job.status === "failed") return job;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

export async function stopTestServer(server: TestServer | undefined, keepArchive = false): Promise<void> {
  if (server === undefined) return;
  await server.close();
  if (!keepArchive) rmSync(server.archiveDir, { recursive: true, force: true });
}
