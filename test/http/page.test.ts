import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/http/server.js";

/** The review page driven in a real headless Chromium against a real server and pipeline. */

const SEED = fileURLToPath(new URL("../../fixtures/seeds/002_54a447784a71b537.txt", import.meta.url));
const SEED_NUMBER = "89/KH-MNHL";
const BAD_FILE = fileURLToPath(new URL("../../fixtures/bad/random.bin", import.meta.url));

/**
 * A small plan that implements the seed, dropped on the page as a second file: it gives the seed
 * an archived neighbour, so the citation link and the chain drawing have something to open.
 */
const CITING_FILE = "12_KH-TCM.txt";
const CITING_NUMBER = "12/KH-TCM";
const CITING_TEXT = `TRƯỜNG MẦM NON HƯƠNG LƯU
TỔ CHUYÊN MÔN

Số: 12/KH-TCM

Huế, ngày 10 tháng 8 năm 2024

KẾ HOẠCH

Triển khai Kế hoạch số 89/KH-MNHL ngày 02/8/2024 của Trường Mầm non Hương Lưu

Thực hiện Kế hoạch số 89/KH-MNHL ngày 02/8/2024 của Trường Mầm non Hương Lưu về thực hiện Chỉ thị số 28-CT/TW, tổ chuyên môn xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Nâng cao chất lượng chăm sóc, giáo dục trẻ.

II. NHIỆM VỤ

1. Các lớp tổ chức tuyên truyền đến phụ huynh trước ngày 30/9/2024.

Nơi nhận:
- Các lớp;
- Lưu: VT.

TỔ TRƯỞNG

Nguyễn Thị Hoa
`;

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const STEP_TIMEOUT = 30_000;

// The callbacks given to page.evaluate run in the browser. The project compiles without the DOM
// library, so this file declares the little of it those callbacks use.
declare const location: { hash: string };
declare const localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
declare const document: {
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> & Iterable<{ textContent: string | null }>;
  getElementById(id: string): { dispatchEvent(event: DragEvent): boolean } | null;
};
declare class DataTransfer {
  readonly items: { add(file: File): unknown };
}
declare class DragEvent {
  constructor(type: string, init: { dataTransfer: DataTransfer; bubbles: boolean; cancelable: boolean });
}

interface Span {
  start: number;
  end: number;
}
interface Summary {
  id: string;
  number: string | null;
  corrections: number;
}
interface Correction {
  field: string;
  value: unknown;
  machineValue: unknown;
  by: string;
}
interface ServedDocument {
  id: string;
  text: string;
  title: string | null;
  place: string | null;
  spans: Record<string, Span | null>;
  corrections: Correction[];
}

let archiveDir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
const token = randomBytes(12).toString("hex");
const pageErrors: string[] = [];

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

async function documentIdOf(number: string): Promise<string> {
  const { documents } = await getJson<{ documents: Summary[] }>(`/api/documents?number=${encodeURIComponent(number)}`);
  const found = documents.find((doc) => doc.number === number);
  expect(found, `a document numbered ${number} in the list`).toBeDefined();
  return found!.id;
}

const field = (pointer: string): Locator => page.locator(`[data-field="${pointer}"]`);

/** The job line of one file, once its status reads `status`. */
async function waitForJob(fileName: string, status: string): Promise<Locator> {
  const row = page
    .locator("[data-testid=job]", { hasText: fileName })
    .filter({ has: page.locator("[data-testid=job-status]", { hasText: status }) })
    .first();
  await row.waitFor({ timeout: STEP_TIMEOUT });
  return row;
}

/** Waits until the list shows exactly these numbers, newest first as the server sorts them. */
async function waitForRows(numbers: string[]): Promise<void> {
  const shown = () => page.locator("[data-testid=document-row] td:nth-child(2)").allTextContents();
  await page
    .waitForFunction(
      (expected) => [...document.querySelectorAll("[data-testid=document-row] td:nth-child(2)")].map((td) => td.textContent).join("|") === expected,
      numbers.join("|"),
      { timeout: STEP_TIMEOUT },
    )
    .catch(async (error: unknown) => {
      throw new Error(`the list shows [${(await shown()).join(", ")}], not [${numbers.join(", ")}]`, { cause: error });
    });
}

async function openDocument(id: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#/van-ban/${id}`);
  // The previous document stays on screen until this one has loaded: wait for this one's id.
  await page.locator(`[data-document-id="${id}"] [data-testid=document-text]`).waitFor({ timeout: STEP_TIMEOUT });
}

/** Opens the inline editor of a field, types the value and presses Lưu. */
async function correctThroughPage(pointer: string, value: string): Promise<void> {
  await field(pointer).getByRole("button", { name: "Sửa" }).click();
  await field(pointer).locator(".editor [name=value]").fill(value);
  await field(pointer).getByRole("button", { name: "Lưu" }).click();
}

beforeAll(async () => {
  archiveDir = await mkdtemp(join(tmpdir(), "vanban-page-"));
  server = await startServer({ archiveDir, token, port: 0 });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("pageerror", (error) => pageErrors.push(error.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (archiveDir) await rm(archiveDir, { recursive: true, force: true });
});

describe("the review page", () => {
  it("keeps the access code from ?token= and takes it out of the address bar", async () => {
    await page.goto(`${server.url}/?token=${token}`);
    await page.getByRole("heading", { name: "vanban — duyệt văn bản" }).waitFor();
    expect(page.url()).not.toContain(token);
    expect(await page.evaluate(() => localStorage.getItem("vanban.token"))).toBe(token);
    expect(await page.getByLabel("Mã truy cập").inputValue()).toBe(token);
  }, 60_000);

  it("uploads a seed chosen in the file input and reports it done", async () => {
    await page.locator("#file-input").setInputFiles(SEED);
    const row = await waitForJob("002_54a447784a71b537.txt", "xong");
    expect(await row.locator("progress").getAttribute("value")).toBe("100");
    expect(await row.getAttribute("data-status")).toBe("done");
  }, 60_000);

  it("uploads a file dropped on the drop zone", async () => {
    await page.evaluate(
      ({ name, text }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type: "text/plain" }));
        const zone = document.getElementById("drop-zone")!;
        zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { name: CITING_FILE, text: CITING_TEXT },
    );
    await waitForJob(CITING_FILE, "xong");
  }, 60_000);

  it("says a file already in the archive is a duplicate", async () => {
    await page.locator("#file-input").setInputFiles(SEED);
    const row = await waitForJob("002_54a447784a71b537.txt", "trùng — đã có trong kho");
    expect(await row.getAttribute("data-status")).toBe("duplicate");
  }, 60_000);

  it("reports a file the pipeline cannot read as an error with the reason", async () => {
    await page.locator("#file-input").setInputFiles(BAD_FILE);
    const row = await waitForJob("random.bin", "lỗi");
    expect(await row.getAttribute("data-status")).toBe("failed");
    const { jobs } = await getJson<{ jobs: { fileName: string; failure: { message: string } | null }[] }>("/api/jobs");
    const failure = jobs.find((job) => job.fileName === "random.bin")?.failure;
    expect(failure).toBeTruthy();
    expect(await row.locator("[data-testid=job-status]").textContent()).toBe(`lỗi: ${failure!.message}`);
  }, 60_000);

  it("lists both documents and narrows the list with the search box", async () => {
    const rows = page.locator("[data-testid=document-row]");
    await rows.filter({ hasText: CITING_NUMBER }).waitFor({ timeout: STEP_TIMEOUT });
    const seedRow = page.locator(`[data-testid=document-row][data-id="${await documentIdOf(SEED_NUMBER)}"]`);
    await seedRow.waitFor({ timeout: STEP_TIMEOUT });
    expect(await seedRow.locator("td").first().textContent()).toBe("Kế hoạch");
    expect(await seedRow.locator("td").nth(2).textContent()).toBe("02/08/2024");
    expect(await seedRow.locator("td").nth(3).textContent()).toBe("Trường Mầm non Hương Lưu");

    await page.getByLabel("Tìm kiếm").fill("triển khai");
    await waitForRows([CITING_NUMBER]);
    await page.getByLabel("Tìm kiếm").fill("");
    await waitForRows([CITING_NUMBER, SEED_NUMBER]);
  }, 60_000);

  it("filters the list by type and by issue date", async () => {
    await page.getByLabel("Loại", { exact: true }).selectOption("CHI_THI");
    await waitForRows([]);
    expect(await page.locator("#list-summary").textContent()).toBe("Chưa có văn bản nào khớp.");
    await page.getByLabel("Loại", { exact: true }).selectOption("KE_HOACH");
    await waitForRows([CITING_NUMBER, SEED_NUMBER]);

    await page.getByLabel("Từ ngày").fill("2024-08-05");
    await waitForRows([CITING_NUMBER]);
    await page.getByLabel("Từ ngày").fill("");
    await page.getByLabel("Đến ngày").fill("2024-08-05");
    await waitForRows([SEED_NUMBER]);
    await page.getByLabel("Đến ngày").fill("");
    await page.getByLabel("Loại", { exact: true }).selectOption("");
    await waitForRows([CITING_NUMBER, SEED_NUMBER]);
  }, 60_000);

  it("opens a document from the list and highlights the title's span when the title is clicked", async () => {
    const id = await documentIdOf(SEED_NUMBER);
    await page.locator(`[data-testid=document-row][data-id="${id}"]`).click();
    await page.waitForURL(`**/#/van-ban/${id}`);
    const doc = await getJson<ServedDocument>(`/api/documents/${id}`);
    expect(await page.locator("[data-testid=document-text]").textContent()).toBe(doc.text);

    await field("/title").locator(".value").click();
    const span = doc.spans["title"]!;
    const mark = page.locator("[data-testid=highlight]");
    await mark.waitFor();
    expect(await mark.textContent()).toBe(doc.text.slice(span.start, span.end));
    expect(await page.locator("[data-testid=document-text]").textContent()).toBe(doc.text);

    // Another field moves the one highlight to its own span.
    await field("/recipients/0").click();
    expect(await page.locator("[data-testid=highlight]").count()).toBe(1);
    expect(await mark.textContent()).toBe("BGH, các tổ khối, các lớp");
  }, 60_000);

  it("draws the seed's chain with its unarchived sources as placeholders and the plan that implements it below", async () => {
    const chain = page.locator("[data-testid=chain]");
    await chain.locator("[data-testid=chain-node]").first().waitFor({ timeout: STEP_TIMEOUT });
    const placeholders = chain.locator("[data-testid=chain-node][data-status=placeholder]");
    expect(await placeholders.count()).toBeGreaterThanOrEqual(3);
    expect(await placeholders.first().textContent()).toContain("chưa có");
    const citing = chain.locator("[data-testid=chain-node][data-status=archived]", { hasText: CITING_NUMBER });
    await citing.waitFor();
    const center = chain.locator("[data-testid=chain-node].center");
    expect(await center.locator(".node-number").textContent()).toBe(SEED_NUMBER);
    const [citingBox, centerBox] = [await citing.boundingBox(), await center.boundingBox()];
    expect(citingBox!.y).toBeGreaterThan(centerBox!.y);
    expect(await placeholders.first().boundingBox().then((box) => box!.y)).toBeLessThan(centerBox!.y);

    await citing.click();
    const citingId = await documentIdOf(CITING_NUMBER);
    await page.waitForURL(`**/#/van-ban/${citingId}`);
  }, 60_000);

  it("links a citation to the archived document it cites and marks the others as missing", async () => {
    const seedId = await documentIdOf(SEED_NUMBER);
    const citingId = await documentIdOf(CITING_NUMBER);
    await openDocument(citingId);
    const doc = await getJson<{ citations: { number: string | null }[] }>(`/api/documents/${citingId}`);
    const seedCitation = doc.citations.findIndex((citation) => citation.number === SEED_NUMBER);
    expect(seedCitation).toBeGreaterThanOrEqual(0);
    const link = field(`/citations/${seedCitation}`).locator("[data-testid=citation-link]");
    await link.waitFor({ timeout: STEP_TIMEOUT });
    expect(await link.getAttribute("href")).toBe(`#/van-ban/${seedId}`);
    const other = doc.citations.findIndex((citation) => citation.number === "28-CT/TW");
    expect(await field(`/citations/${other}`).textContent()).toContain("chưa có trong kho");

    await link.click();
    await page.waitForURL(`**/#/van-ban/${seedId}`);
    await field("/title").waitFor();
  }, 60_000);

  it("saves a corrected title and shows the machine's reading beside it", async () => {
    const id = await documentIdOf(SEED_NUMBER);
    await openDocument(id);
    const machine = await getJson<ServedDocument>(`/api/documents/${id}?view=machine`);
    await page.getByLabel("Người duyệt").fill("Trần Thị Duyệt");
    await page.getByLabel("Người duyệt").dispatchEvent("change");

    const corrected = "Kế hoạch thực hiện Chỉ thị số 28-CT/TW (đã duyệt)";
    await correctThroughPage("/title", corrected);
    const note = field("/title").locator("[data-testid=correction]");
    await note.waitFor({ timeout: STEP_TIMEOUT });
    expect(await field("/title").locator("[data-testid=value]").textContent()).toBe(corrected);
    expect(await note.textContent()).toContain(`máy đọc: ${machine.title}`);
    expect(await note.textContent()).toContain("Trần Thị Duyệt");

    const served = await getJson<ServedDocument>(`/api/documents/${id}`);
    expect(served.title).toBe(corrected);
    expect(served.corrections).toEqual([
      expect.objectContaining({ field: "/title", value: corrected, machineValue: machine.title, by: "Trần Thị Duyệt" }),
    ]);
  }, 60_000);

  it("shows the server's refusal inline when a corrected date does not fit the schema", async () => {
    await correctThroughPage("/issueDate", "mùng 2 tháng 8");
    const error = field("/issueDate").locator(".editor .error");
    await error.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
    expect((await error.textContent())!.length).toBeGreaterThan(0);
    await field("/issueDate").getByRole("button", { name: "Hủy" }).click();
    expect(await field("/issueDate").locator(".editor").count()).toBe(0);
  }, 60_000);

  it("asks for the access code when a correction is refused with 401, then saves once it is pasted", async () => {
    const id = await documentIdOf(SEED_NUMBER);
    await page.evaluate(() => localStorage.setItem("vanban.token", "not-the-token"));
    await correctThroughPage("/place", "Thành phố Huế");
    const error = field("/place").locator(".editor .error");
    await error.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
    expect(await error.textContent()).toContain("Mã truy cập");

    await page.getByLabel("Mã truy cập").fill(token);
    await page.getByLabel("Mã truy cập").dispatchEvent("change");
    await field("/place").getByRole("button", { name: "Lưu" }).click();
    await field("/place").locator("[data-testid=correction]").waitFor({ timeout: STEP_TIMEOUT });
    expect(await field("/place").locator("[data-testid=correction]").textContent()).toContain("máy đọc: Huế");
    expect((await getJson<ServedDocument>(`/api/documents/${id}`)).place).toBe("Thành phố Huế");
  }, 60_000);

  it("counts the corrections in the list and carries them in export.ndjson", async () => {
    const id = await documentIdOf(SEED_NUMBER);
    await page.evaluate(() => (location.hash = "#/"));
    const seedRow = page.locator(`[data-testid=document-row][data-id="${id}"]`);
    await seedRow.waitFor({ timeout: STEP_TIMEOUT });
    // The row of the list shown before the hash changed may still be there: wait for the list the change fetches.
    await expect.poll(() => seedRow.locator("td").last().textContent(), { timeout: STEP_TIMEOUT }).toBe("2");

    const response = await fetch(`${server.url}/api/export.ndjson`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).split("\n").filter((line) => line.trim() !== "");
    const exported = lines.map((line) => JSON.parse(line) as ServedDocument).find((doc) => doc.id === id);
    expect(exported?.title).toBe("Kế hoạch thực hiện Chỉ thị số 28-CT/TW (đã duyệt)");
    expect(exported?.place).toBe("Thành phố Huế");
    expect(exported?.corrections.map((c) => [c.field, c.machineValue])).toEqual(
      expect.arrayContaining([
        ["/title", expect.stringContaining("Thực hiện Chỉ thị số 28-CT/TW")],
        ["/place", "Huế"],
      ]),
    );
  }, 60_000);

  it("ran without a script error in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
