// The HTTP API over a real server on a free port: auth, limits, bad files, search, corrections, graph.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageVersion } from "../../src/package-root.js";
import { openApiDocument } from "../../src/http/openapi.js";
import { defaultPipeline } from "../../src/pipeline/config.js";
import { reviewedDocumentSchema } from "../../src/review/corrections.js";
import type { Extractor } from "../../src/review/extractors.js";
import type { Job } from "../../src/review/library.js";
import type { SearchResult } from "../../src/review/search.js";
import { fixture, ROOT, startTestServer, stopTestServer, type TestServer } from "./helpers.js";

const SEED_002 = fixture("seeds", "002_54a447784a71b537.txt");
const SEED_002_ID = "vb_6e6043b90efbe7bf66e3a897";
const REPORT = fixture("http", "report-citing-seed-002.txt");
const SEEDS = readdirSync(fixture("seeds")).filter((f) => f.endsWith(".txt")).map((f) => fixture("seeds", f));
const GENRE = readdirSync(fixture("genre")).filter((f) => f.endsWith(".txt")).map((f) => fixture("genre", f));

async function uploadAndSettle(server: TestServer, files: Parameters<TestServer["upload"]>[0]): Promise<Job[]> {
  const response = await server.upload(files);
  expect(response.status).toBe(202);
  const { jobs } = (await response.json()) as { jobs: Job[] };
  return Promise.all(jobs.map((job) => server.settled(job.id)));
}

describe("write routes need the token; read routes do not", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await uploadAndSettle(server, [SEED_002]);
  }, 60_000);
  afterAll(() => stopTestServer(server));

  const WRITES: { name: string; request: () => RequestInit & { path: string } }[] = [
    { name: "an upload", request: () => ({ path: "/api/documents", method: "POST", body: (() => { const f = new FormData(); f.append("file", new Blob(["x"]), "a.txt"); return f; })() }) },
    { name: "a correction", request: () => ({ path: `/api/documents/${SEED_002_ID}/corrections`, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ field: "/place", value: "Hà Nội" }) }) },
  ];
  it.each(WRITES)("$name without a token is answered 401 with a JSON error, and changes nothing", async ({ request }) => {
    const { path, ...init } = request();
    const response = await server.call(path, { ...init, auth: false });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    const document = (await (await server.call(`/api/documents/${SEED_002_ID}`)).json()) as { place: string; corrections: unknown[] };
    expect(document.corrections).toEqual([]);
    expect(((await (await server.call("/api/jobs")).json()) as { jobs: Job[] }).jobs).toHaveLength(1);
  });
  it.each(WRITES)("$name with a wrong token is answered 401", async ({ request }) => {
    const { path, ...init } = request();
    const response = await server.call(path, { ...init, auth: false, headers: { ...(init.headers as Record<string, string>), authorization: "Bearer not-the-token" } });
    expect(response.status).toBe(401);
  });
  it.each(["/api/documents", `/api/documents/${SEED_002_ID}`, "/api/jobs", "/api/export.ndjson", "/api/graph/missing", "/api/openapi.json", "/"])("GET %s is open to readers without a token", async (path) => {
    expect((await server.call(path, { auth: false })).status).toBe(200);
  });
});

describe("limits and what the client sends", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ maxFilesPerRequest: 2 }, { config: { ...defaultPipeline(), limits: { ...defaultPipeline().limits, maxBytes: 4096 } } });
  });
  afterAll(() => stopTestServer(server));

  it("a file over the pipeline's maxBytes is refused with 413 too-large and starts no job", async () => {
    const response = await server.upload([{ name: "big.txt", bytes: new Uint8Array(5000).fill(65) }]);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "too-large" } });
    expect(((await (await server.call("/api/jobs")).json()) as { jobs: Job[] }).jobs).toEqual([]);
  });
  it("more files than maxFilesPerRequest in one request is refused with 413 and starts no job", async () => {
    const small = { name: "a.txt", bytes: new TextEncoder().encode("Kế hoạch") };
    const response = await server.upload([small, small, small]);
    expect(response.status).toBe(413);
    expect(((await (await server.call("/api/jobs")).json()) as { jobs: Job[] }).jobs).toEqual([]);
  });
  it("an upload that is not multipart is refused with 415", async () => {
    const response = await server.call("/api/documents", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: "unsupported-media-type" } });
  });
  it("a multipart upload without a 'file' field is refused with 400", async () => {
    const form = new FormData();
    form.append("note", "no file here");
    const response = await server.call("/api/documents", { method: "POST", body: form });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad-request" } });
  });
  it("the client's file name is kept as a name only: '../../escape.txt' writes nothing outside the archive", async () => {
    const [job] = await uploadAndSettle(server, [{ name: "../../escape.txt", bytes: readFileSync(SEED_002).subarray(0, 4000) }]);
    expect(job?.fileName).toBe("escape.txt");
    expect(existsSync(join(server.archiveDir, "..", "..", "escape.txt"))).toBe(false);
    expect(existsSync(join(server.archiveDir, "..", "escape.txt"))).toBe(false);
    expect(readdirSync(server.archiveDir).filter((name) => name.includes("escape"))).toEqual([]);
  }, 30_000);
  it("past maxPendingBytes of uploads not yet extracted, more are answered 503 busy with Retry-After, and taken once the backlog drains", async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding: Extractor = {
      kind: "embedded",
      extract: async ({ fileName }) => {
        await held;
        return { status: "failed", failure: { code: "empty", message: "held by the test", retryable: false, file: fileName } };
      },
      close: async () => undefined,
    };
    const busy = await startTestServer({ maxPendingBytes: 100 }, { extractor: holding });
    try {
      const first = await busy.upload([{ name: "a.txt", bytes: new Uint8Array(80).fill(65) }]);
      expect(first.status).toBe(202);
      const refused = await busy.upload([{ name: "b.txt", bytes: new Uint8Array(80).fill(66) }]);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect(await refused.json()).toMatchObject({ error: { code: "busy" } });
      release();
      await busy.settled(((await first.json()) as { jobs: Job[] }).jobs[0]!.id);
      expect((await busy.upload([{ name: "b.txt", bytes: new Uint8Array(80).fill(66) }])).status).toBe(202);
    } finally {
      release();
      await stopTestServer(busy);
    }
  });
  it("an unknown route answers 404 as JSON", async () => {
    const response = await server.call("/api/nothing-here");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not-found" } });
  });
});

describe("bad files become failed jobs with the loader's code, in one batch with a good one", () => {
  let server: TestServer;
  const ROWS = [
    { file: "empty.txt", code: "empty" },
    { file: "random.bin", code: "binary" },
    { file: "truncated.pdf", code: "corrupt" },
    { file: "encrypted.pdf", code: "encrypted" },
    { file: "zip-bomb.docx", code: "too-large" },
    { file: "external-entity.docx", code: "corrupt" },
    { file: "random.docx", code: "unsupported-format" },
  ];
  let jobs: Job[] = [];
  beforeAll(async () => {
    server = await startTestServer({ maxFilesPerRequest: 20 });
    jobs = await uploadAndSettle(server, [...ROWS.map((r) => fixture("bad", r.file)), SEED_002]);
  }, 120_000);
  afterAll(() => stopTestServer(server));

  it.each(ROWS)("$file fails with $code and says why", ({ file, code }) => {
    const job = jobs.find((j) => j.fileName === file);
    expect(job).toMatchObject({ status: "failed", documentId: null, failure: { code } });
    expect(job?.failure?.message.length).toBeGreaterThan(0);
  });
  it("the good file in the same batch is done", () => {
    expect(jobs.find((j) => j.fileName === "002_54a447784a71b537.txt")).toMatchObject({ status: "done", documentId: SEED_002_ID });
  });
  it("the failures are recorded in the archive's failures.ndjson when the server stops", async () => {
    await server.close();
    const lines = readFileSync(join(server.archiveDir, "failures.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { file: string; code: string });
    expect(lines.map((l) => `${l.file} ${l.code}`).sort()).toEqual(ROWS.map((r) => `${r.file} ${r.code}`).sort());
  });
});

describe("search over the archive", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ maxFilesPerRequest: 20 });
    const jobs = await uploadAndSettle(server, [...SEEDS, ...GENRE]);
    expect(jobs.every((j) => j.status === "done")).toBe(true);
  }, 120_000);
  afterAll(() => stopTestServer(server));

  const numbers = async (query: string): Promise<(string | null)[]> => {
    const response = await server.call(`/api/documents?${query}`, { auth: false });
    expect(response.status).toBe(200);
    return ((await response.json()) as SearchResult).documents.map((d) => d.number);
  };
  it.each([
    { why: "a number matches whole, ignoring case", query: "number=89/kh-mnhl", expected: ["89/KH-MNHL"] },
    { why: "a number typed without diacritics finds QĐ", query: "number=862/QD-UBND", expected: ["862/QĐ-UBND"] },
    { why: "a type code", query: "type=QUYET_DINH", expected: ["862/QĐ-UBND"] },
    { why: "a type by its Vietnamese name", query: `type=${encodeURIComponent("Chỉ thị")}`, expected: ["11/CT-UBND"] },
    { why: "issuer words without diacritics", query: "issuer=quang+ngai", expected: ["38/TB-UBND"] },
    { why: "a date range, newest first", query: "from=2024-01-01&to=2024-12-31", expected: ["2187/SGDĐT-GDTrH", "89/KH-MNHL", "05-HD/BTGTU"] },
    { why: "a year as the lower bound", query: "from=2025", expected: ["112/KH-SNNMT", "38/TB-UBND"] },
    { why: "free words in the title, diacritics optional", query: "q=duoi+nuoc", expected: ["862/QĐ-UBND"] },
    { why: "free words and a type together", query: `q=${encodeURIComponent("học phí")}&type=NGHI_QUYET`, expected: ["15/2023/NQ-HĐND"] },
  ])("$why: ?$query", async ({ query, expected }) => {
    expect(await numbers(query)).toEqual(expected);
  });
  it("counts every match and pages with limit and offset", async () => {
    const all = (await (await server.call("/api/documents?type=KE_HOACH&limit=500")).json()) as SearchResult;
    expect(all.total).toBe(8);
    const page = (await (await server.call("/api/documents?type=KE_HOACH&limit=3&offset=3")).json()) as SearchResult;
    expect(page.total).toBe(8);
    expect(page.documents.map((d) => d.id)).toEqual(all.documents.slice(3, 6).map((d) => d.id));
  });
  it.each(["limit=0", "from=2024-13", "unknown=1", "offset=-1"])("a bad query (?%s) is answered 400", async (query) => {
    const response = await server.call(`/api/documents?${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad-request" } });
  });
});

describe("documents, corrections and the graph", () => {
  let server: TestServer;
  let reportId = "";
  beforeAll(async () => {
    server = await startTestServer();
    const jobs = await uploadAndSettle(server, [SEED_002, REPORT]);
    reportId = jobs[1]!.documentId!;
  }, 60_000);
  afterAll(() => stopTestServer(server));

  const correct = (id: string, body: unknown) => server.call(`/api/documents/${id}/corrections`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("a document's JSON satisfies the published schema", async () => {
    const response = await server.call(`/api/documents/${SEED_002_ID}`);
    expect(response.status).toBe(200);
    expect(reviewedDocumentSchema.safeParse(await response.json()).success).toBe(true);
  });
  it.each(["vb_000000000000000000000000", "..%2F..%2Fetc%2Fpasswd", "job_x"])("an unknown document id (%s) is 404", async (id) => {
    const response = await server.call(`/api/documents/${id}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not-found" } });
  });
  it.each([
    { why: "the document's id", body: { field: "/id", value: "vb_x" } },
    { why: "its text", body: { field: "/text", value: "" } },
    { why: "a member the schema lacks", body: { field: "/colour", value: "đỏ" } },
    { why: "an impossible date", body: { field: "/issueDate", value: "2024-13-01" } },
    { why: "a name that is not a string", body: { field: "/signer/name", value: 42 } },
    { why: "an element past the end of a list", body: { field: "/citations/9/number", value: "1/KH" } },
    { why: "no value", body: { field: "/title" } },
    { why: "a field that is not a pointer", body: { field: "title", value: "x" } },
  ])("a correction of $why is refused with 400 and not kept", async ({ body }) => {
    const response = await correct(SEED_002_ID, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad-request" } });
    expect(((await (await server.call(`/api/documents/${SEED_002_ID}`)).json()) as { corrections: unknown[] }).corrections).toEqual([]);
  });
  it("a correction of an unknown document is 404", async () => {
    expect((await correct("vb_000000000000000000000000", { field: "/title", value: "x" })).status).toBe(404);
  });

  it("a correction is kept beside the machine's value, applied in the JSON, the export and search, and survives a restart", async () => {
    const machine = (await (await server.call(`/api/documents/${reportId}`)).json()) as { title: string };
    const response = await correct(reportId, { field: "/title", value: "Báo cáo sơ kết chăm sóc trẻ em", by: "Lê Văn Nam", note: "trích yếu sai" });
    expect(response.status).toBe(201);
    const { correction } = (await response.json()) as { correction: { machineValue: unknown; by: string; at: string } };
    expect(correction).toMatchObject({ machineValue: machine.title, by: "Lê Văn Nam" });

    const reviewed = (await (await server.call(`/api/documents/${reportId}`)).json()) as { title: string; corrections: { field: string; value: unknown; machineValue: unknown }[] };
    expect(reviewed.title).toBe("Báo cáo sơ kết chăm sóc trẻ em");
    expect(reviewed.corrections).toMatchObject([{ field: "/title", value: "Báo cáo sơ kết chăm sóc trẻ em", machineValue: machine.title }]);
    expect(((await (await server.call(`/api/documents/${reportId}?view=machine`)).json()) as { title: string }).title).toBe(machine.title);

    const exported = (await (await server.call("/api/export.ndjson")).text()).trim().split("\n").map((l) => JSON.parse(l) as { id: string; title: string });
    expect(exported.find((d) => d.id === reportId)?.title).toBe("Báo cáo sơ kết chăm sóc trẻ em");
    const corrections = (await (await server.call("/api/corrections.ndjson")).text()).trim().split("\n").map((l) => JSON.parse(l) as { documentId: string; by: string; note: string });
    expect(corrections).toMatchObject([{ documentId: reportId, by: "Lê Văn Nam", note: "trích yếu sai" }]);
    expect(((await (await server.call("/api/documents?q=so+ket")).json()) as SearchResult).documents.map((d) => d.id)).toEqual([reportId]);

    await server.close();
    const again = await startTestServer({ archiveDir: server.archiveDir });
    try {
      const after = (await (await again.call(`/api/documents/${reportId}`)).json()) as { title: string; corrections: unknown[] };
      expect(after.title).toBe("Báo cáo sơ kết chăm sóc trẻ em");
      expect(after.corrections).toHaveLength(1);
    } finally {
      await again.close();
    }
    server = await startTestServer({ archiveDir: server.archiveDir });
  }, 60_000);

  it("a citation of an archived document links to it; one of a document not archived is marked missing", async () => {
    const { links } = (await (await server.call(`/api/documents/${reportId}/links`)).json()) as { links: { citation: number; status: string; documentId: string | null; node: { number: string } | null }[] };
    expect(links.map((l) => [l.node?.number, l.status, l.documentId])).toEqual([
      ["89/KH-MNHL", "archived", SEED_002_ID],
      ["28-CT/TW", "missing", null],
    ]);
  });
  it("the chain down from the plan reaches the report that implements it, and up from the report reaches the plan and the directive, then what the plan cites", async () => {
    const down = (await (await server.call(`/api/graph/chain/${SEED_002_ID}?direction=down&depth=2`)).json()) as { steps: { node: { documents: string[] } }[] };
    expect(down.steps.flatMap((s) => s.node.documents)).toEqual([reportId]);
    const up = (await (await server.call(`/api/graph/chain/${encodeURIComponent("95/BC-MNHL")}?direction=up`)).json()) as { steps: { depth: number; node: { number: string } }[] };
    expect(up.steps.map((s) => `${s.depth} ${s.node.number}`).sort()).toEqual(["1 28-CT/TW", "1 89/KH-MNHL", "2 6895/KH-UBND", "2 974/KH-PGDĐT"]);
  });
  it.each([
    { path: "/api/graph/cites/99999/XX-YY", status: 404, code: "not-found" },
    { path: "/api/graph/chain/x?direction=sideways", status: 400, code: "bad-request" },
    { path: "/api/graph/export?format=pdf", status: 400, code: "bad-request" },
  ])("$path is answered $status", async ({ path, status, code }) => {
    const response = await server.call(path);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });
  it("missing lists the directive both documents cite, once", async () => {
    const ranked = (await (await server.call("/api/graph/missing")).json()) as { node: { number: string }; citingDocuments: number }[];
    expect(ranked.find((r) => r.node.number === "28-CT/TW")?.citingDocuments).toBe(2);
  });
  it("the same bytes uploaded again, and the same text from another format, are one document in the export", async () => {
    const jobs = await uploadAndSettle(server, [SEED_002, fixture("formats", "002_54a447784a71b537.docx"), SEED_002]);
    expect(jobs.map((j) => [j.status, j.documentId, j.duplicate])).toEqual([
      ["done", SEED_002_ID, true],
      ["done", SEED_002_ID, true],
      ["done", SEED_002_ID, true],
    ]);
    const ids = (await (await server.call("/api/export.ndjson")).text()).trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids.sort()).toEqual([SEED_002_ID, reportId].sort());
  }, 60_000);
  it("the same text from another file, after a correction, goes into the graph corrected, as one record of its log", async () => {
    expect((await correct(SEED_002_ID, { field: "/title", value: "Kế hoạch chăm sóc trẻ năm học mới" })).status).toBe(201);
    const log = join(server.archiveDir, "graph", "facts.log");
    const documentRecords = (): number => readFileSync(log, "utf8").split("\n").filter((l) => l.includes('"kind":"document"')).length;
    const before = documentRecords();
    const [job] = await uploadAndSettle(server, [fixture("formats", "002_54a447784a71b537.vni.txt")]);
    expect([job?.status, job?.documentId]).toEqual(["done", SEED_002_ID]);
    expect(documentRecords()).toBe(before + 1);
    expect(((await (await server.call("/api/documents?q=nam+hoc+moi")).json()) as SearchResult).documents.map((d) => d.id)).toEqual([SEED_002_ID]);
  }, 60_000);
});

describe("the OpenAPI document", () => {
  it("is served, and the committed schema/openapi.json is what the zod schemas generate (npm run schema)", async () => {
    const committed: unknown = JSON.parse(readFileSync(join(ROOT, "schema", "openapi.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(openApiDocument(packageVersion()))));
    const server = await startTestServer();
    try {
      expect(await (await server.call("/api/openapi.json")).json()).toEqual(committed);
    } finally {
      await stopTestServer(server);
    }
  });
});
