// @ts-check
/**
 * The review page: upload documents, list the archive, read one document beside its extracted
 * fields, correct the fields the machine got wrong, and see where it sits in the citation chain.
 * Plain browser code served as is, so nothing here may need a build step or a download.
 */

/**
 * @typedef {{ start: number, end: number }} Span
 * @typedef {{ id: string, fileName: string, status: "queued"|"running"|"done"|"failed",
 *   documentId: string|null, duplicate: boolean, failure: {code: string, message: string}|null }} Job
 * @typedef {{ id: string, field: string, value: unknown, machineValue: unknown, by: string, at: string, note: string|null }} Correction
 * @typedef {{ id: string, status: "archived"|"placeholder", type: string|null, number: string|null,
 *   name: string|null, dates: string[], issuers: string[], documents: string[] }} GraphNode
 * @typedef {{ source: string, target: string, relation: string }} GraphEdge
 * @typedef {{ depth: number, node: GraphNode, via: GraphEdge }} ChainStep
 * @typedef {{ node: GraphNode, steps: ChainStep[] }} Chain
 * @typedef {{ citation: number, documentId: string|null, status: "archived"|"missing" }} CitationLink
 * @typedef {Record<string, any>} VanbanDocument  the schema is large; the page reads it defensively
 */

const TOKEN_KEY = "vanban.token";
const REVIEWER_KEY = "vanban.reviewer";
const DEFAULT_REVIEWER = "người duyệt";
const POLL_MS = 500;

/** Codes of the output schema with the names a reader expects (src/vocabulary/document-types.ts). */
const DOCUMENT_TYPES = /** @type {const} */ ([
  ["KE_HOACH", "Kế hoạch"], ["CHI_THI", "Chỉ thị"], ["NGHI_QUYET", "Nghị quyết"], ["QUYET_DINH", "Quyết định"],
  ["CONG_VAN", "Công văn"], ["THONG_BAO", "Thông báo"], ["BAO_CAO", "Báo cáo"], ["TO_TRINH", "Tờ trình"],
  ["HUONG_DAN", "Hướng dẫn"], ["CHUONG_TRINH", "Chương trình"], ["THONG_TRI", "Thông tri"], ["KET_LUAN", "Kết luận"],
  ["QUY_DINH", "Quy định"], ["QUY_CHE", "Quy chế"], ["DE_AN", "Đề án"], ["PHUONG_AN", "Phương án"],
  ["NGHI_DINH", "Nghị định"], ["THONG_TU", "Thông tư"], ["LUAT", "Luật"], ["PHAP_LENH", "Pháp lệnh"],
  ["CONG_DIEN", "Công điện"], ["GIAY_MOI", "Giấy mời"], ["BIEN_BAN", "Biên bản"], ["KHAC", "Văn bản khác"],
]);
const TYPE_NAMES = new Map(DOCUMENT_TYPES);

const RELATION_NAMES = new Map([
  ["basis", "căn cứ"], ["implements", "thực hiện"], ["reviews", "tổng kết"], ["amends", "sửa đổi"],
  ["supplements", "bổ sung"], ["replaces", "thay thế"], ["repeals", "bãi bỏ"], ["guides", "hướng dẫn"],
  ["mentions", "nhắc đến"],
]);

const AUTHORITY_NAMES = new Map([
  ["TM", "TM. (thay mặt)"], ["KT", "KT. (ký thay)"], ["TL", "TL. (thừa lệnh)"], ["TUQ", "TUQ. (thừa ủy quyền)"], ["Q", "Q. (quyền)"],
]);

/* ------------------------------------------------------------------ small DOM helpers */

/**
 * Builds an element. Children that are strings become text nodes, so text read from a document
 * can never be parsed as markup.
 * @param {string} tag
 * @param {Record<string, any>} [props]
 * @param {...(Node|string|null|undefined|false)} children
 * @returns {HTMLElement}
 */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "className") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  appendChildren(el, children);
  return el;
}

/** @param {Element} el @param {Array<Node|string|null|undefined|false>} children */
function appendChildren(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

const SVG_NS = "http://www.w3.org/2000/svg";
/** @param {string} tag @param {Record<string, string|number>} attrs @returns {SVGElement} */
function svg(tag, attrs = {}) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  return /** @type {SVGElement} */ (el);
}

/** @param {string} id @returns {HTMLElement} */
function byId(id) {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`#${id} is missing from index.html`);
  return el;
}

/* ------------------------------------------------------------------ formatting */

/** ISO dates may be partial (2024, 2024-08), as the schema allows. @param {string|null|undefined} iso */
function formatDate(iso) {
  if (!iso) return "";
  const [year, month, day] = iso.split("-");
  return [day, month, year].filter(Boolean).join("/");
}

/** @param {string} iso */
function formatDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString("vi-VN", { dateStyle: "short", timeStyle: "short" });
}

/** @param {{start: string|null, end: string|null}|null|undefined} range */
function formatRange(range) {
  if (!range) return "";
  const start = formatDate(range.start);
  const end = formatDate(range.end);
  if (start && end && start !== end) return `${start} – ${end}`;
  if (end) return `trước ${end}`;
  return start ? `từ ${start}` : "";
}

/** How a corrected or machine value reads on the page. @param {unknown} value */
function displayValue(value) {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** @param {string|null|undefined} code */
function typeName(code) {
  return (code && TYPE_NAMES.get(/** @type {any} */ (code))) || code || "";
}

/* ------------------------------------------------------------------ settings kept in the browser */

/** The CLI prints a URL with ?token=; keep it and take it out of the address bar so it is not shared by copy-paste. */
function adoptTokenFromUrl() {
  const url = new URL(location.href);
  const token = url.searchParams.get("token");
  if (token === null) return;
  localStorage.setItem(TOKEN_KEY, token);
  url.searchParams.delete("token");
  history.replaceState(history.state, "", url.pathname + url.search + url.hash);
}

function currentToken() {
  return localStorage.getItem(TOKEN_KEY) ?? "";
}

function currentReviewer() {
  return (localStorage.getItem(REVIEWER_KEY) ?? "").trim() || DEFAULT_REVIEWER;
}

function setUpSettingsInputs() {
  const tokenInput = /** @type {HTMLInputElement} */ (byId("token"));
  tokenInput.value = currentToken();
  tokenInput.addEventListener("change", () => {
    localStorage.setItem(TOKEN_KEY, tokenInput.value.trim());
    showTokenNotice("");
  });
  const reviewerInput = /** @type {HTMLInputElement} */ (byId("reviewer"));
  reviewerInput.value = localStorage.getItem(REVIEWER_KEY) ?? DEFAULT_REVIEWER;
  reviewerInput.addEventListener("change", () => localStorage.setItem(REVIEWER_KEY, reviewerInput.value.trim()));
}

/** A write answered 401: point the person at the one input that fixes it. @param {string} message */
function showTokenNotice(message) {
  const notice = byId("token-notice");
  notice.textContent = message;
  notice.hidden = message === "";
  byId("token").classList.toggle("needs-attention", message !== "");
}

const UNAUTHORIZED_MESSAGE = "Mã truy cập thiếu hoặc sai — dán mã vào ô «Mã truy cập» rồi thử lại.";

/* ------------------------------------------------------------------ API */

class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** @param {number} status @param {string} bodyText */
function apiErrorFrom(status, bodyText) {
  /** @type {any} */
  let body = null;
  try {
    body = JSON.parse(bodyText);
  } catch {
    // not JSON (a proxy's page, say): the status alone has to do
  }
  const code = body?.error?.code ?? `http-${status}`;
  const message = status === 401 ? UNAUTHORIZED_MESSAGE : (body?.error?.message ?? `Lỗi máy chủ (${status})`);
  if (status === 401) showTokenNotice(UNAUTHORIZED_MESSAGE);
  return new ApiError(status, code, message);
}

/**
 * @param {string} path
 * @param {{ method?: string, json?: unknown }} [options]
 * @returns {Promise<any>}
 */
async function api(path, options = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: "application/json" };
  const token = currentToken();
  // Read routes ignore the header; sending it always keeps one code path for writes.
  if (token) headers["Authorization"] = `Bearer ${token}`;
  let body;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  const response = await fetch(path, { method: options.method ?? "GET", headers, body });
  const text = await response.text();
  if (!response.ok) throw apiErrorFrom(response.status, text);
  return text === "" ? null : JSON.parse(text);
}

/* ------------------------------------------------------------------ upload and jobs */

/** @param {Job} job */
function jobStatusText(job) {
  switch (job.status) {
    case "queued":
      return "đang chờ";
    case "running":
      return "đang xử lý";
    case "done":
      return job.duplicate ? "trùng — đã có trong kho" : "xong";
    case "failed":
      return `lỗi: ${job.failure?.message ?? "không rõ nguyên nhân"}`;
    default:
      return String(job.status);
  }
}

/** One line in the job list; its parts are updated in place as the upload and the job progress. */
class JobRow {
  /** @param {string} fileName */
  constructor(fileName) {
    this.progress = /** @type {HTMLProgressElement} */ (h("progress", { max: 100, value: 0 }));
    this.status = h("span", { className: "job-status", "data-testid": "job-status" }, "đang tải lên");
    this.open = h("span", { className: "job-open" });
    this.el = h("li", { className: "job", "data-testid": "job", "data-status": "uploading" },
      h("span", { className: "job-file" }, fileName), this.progress, this.status, this.open);
    byId("jobs").prepend(this.el);
  }

  /** @param {number} fraction */
  showUploadProgress(fraction) {
    this.progress.value = Math.round(fraction * 100);
  }

  /** @param {Job} job */
  showJob(job) {
    this.progress.value = 100;
    this.el.dataset["status"] = job.duplicate && job.status === "done" ? "duplicate" : job.status;
    this.status.textContent = jobStatusText(job);
    if (job.documentId && this.open.childElementCount === 0) {
      this.open.append(h("a", { href: documentHash(job.documentId) }, "mở"));
    }
  }

  /** @param {string} message */
  showError(message) {
    this.el.dataset["status"] = "failed";
    this.status.textContent = `lỗi: ${message}`;
  }
}

/**
 * XMLHttpRequest rather than fetch: fetch cannot report upload progress.
 * @param {File} file
 * @param {(fraction: number) => void} onProgress
 * @returns {Promise<Job>}
 */
function uploadFile(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/documents");
    const token = currentToken();
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener("load", () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(apiErrorFrom(xhr.status, xhr.responseText));
      try {
        const job = JSON.parse(xhr.responseText)?.jobs?.[0];
        if (!job) throw new Error("no job");
        resolve(job);
      } catch {
        reject(new ApiError(xhr.status, "bad-response", "Máy chủ trả lời không đúng định dạng"));
      }
    });
    xhr.addEventListener("error", () => reject(new ApiError(0, "network", "Mất kết nối tới máy chủ")));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {Job} job @param {JobRow} row @returns {Promise<Job>} */
async function pollUntilFinished(job, row) {
  let current = job;
  row.showJob(current);
  while (current.status === "queued" || current.status === "running") {
    await sleep(POLL_MS);
    try {
      current = await api(`/api/jobs/${encodeURIComponent(current.id)}`);
    } catch (error) {
      // A missed poll is not a failed job; try again unless the job itself is gone.
      if (error instanceof ApiError && error.status === 404) throw error;
      continue;
    }
    row.showJob(current);
  }
  return current;
}

/** @param {File} file */
async function uploadAndFollow(file) {
  const row = new JobRow(file.name);
  try {
    const job = await uploadFile(file, (fraction) => row.showUploadProgress(fraction));
    const finished = await pollUntilFinished(job, row);
    if (finished.status === "done") refreshDocumentList();
  } catch (error) {
    row.showError(error instanceof Error ? error.message : String(error));
  }
}

/** @param {Iterable<File>} files */
function uploadFiles(files) {
  for (const file of files) void uploadAndFollow(file);
}

/** Jobs this server already runs (a reload mid-upload) are shown and followed too. */
async function followExistingJobs() {
  /** @type {{ jobs: Job[] }} */
  let answer;
  try {
    answer = await api("/api/jobs");
  } catch {
    return; // the list is a convenience; the page works without it
  }
  for (const job of answer.jobs.slice(0, 10).reverse()) {
    const row = new JobRow(job.fileName);
    pollUntilFinished(job, row).then(
      (finished) => {
        if (finished.status === "done" && job.status !== "done") void refreshDocumentList();
      },
      (error) => row.showError(error.message),
    );
  }
}

function setUpUpload() {
  const input = /** @type {HTMLInputElement} */ (byId("file-input"));
  input.addEventListener("change", () => {
    if (input.files) uploadFiles(Array.from(input.files));
    input.value = ""; // the same file chosen again should upload again
  });
  const zone = byId("drop-zone");
  zone.addEventListener("dragover", (event) => {
    event.preventDefault(); // without this the browser opens the file instead of dropping it here
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    if (event.dataTransfer?.files) uploadFiles(Array.from(event.dataTransfer.files));
  });
}

/* ------------------------------------------------------------------ document list */

/** Answers can arrive out of order while someone types; only the latest request may render. */
let listRequestSerial = 0;

function listQuery() {
  const form = /** @type {HTMLFormElement} */ (byId("filters"));
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "") params.set(name, value.trim());
  }
  params.set("limit", "200");
  return params;
}

async function refreshDocumentList() {
  const serial = ++listRequestSerial;
  const summary = byId("list-summary");
  try {
    const answer = await api(`/api/documents?${listQuery()}`);
    if (serial !== listRequestSerial) return;
    renderDocumentRows(answer.documents);
    summary.textContent = answer.total === 0 ? "Chưa có văn bản nào khớp." : `${answer.total} văn bản`;
    summary.classList.remove("error");
  } catch (error) {
    if (serial !== listRequestSerial) return;
    summary.textContent = `Không tải được danh sách: ${error instanceof Error ? error.message : error}`;
    summary.classList.add("error");
  }
}

/** @param {Array<Record<string, any>>} documents */
function renderDocumentRows(documents) {
  const rows = documents.map((doc) => {
    const open = () => (location.hash = documentHash(doc.id));
    return h("tr", { "data-testid": "document-row", "data-id": doc.id, tabindex: 0, onclick: open,
      onkeydown: (/** @type {KeyboardEvent} */ e) => e.key === "Enter" && open() },
      h("td", {}, doc.typeName || typeName(doc.documentType)),
      h("td", { className: "nowrap" }, doc.number ?? ""),
      h("td", { className: "nowrap" }, formatDate(doc.issueDate)),
      h("td", {}, doc.issuer ?? ""),
      h("td", { className: "title-cell" }, doc.title ?? doc.fileName ?? ""),
      h("td", { className: doc.corrections > 0 ? "count corrected" : "count" }, String(doc.corrections ?? 0)),
    );
  });
  byId("documents").querySelector("tbody")?.replaceChildren(...rows);
}

function setUpFilters() {
  const form = /** @type {HTMLFormElement} */ (byId("filters"));
  const select = /** @type {HTMLSelectElement} */ (form.elements.namedItem("type"));
  for (const [code, name] of DOCUMENT_TYPES) select.append(h("option", { value: code }, name));
  /** @type {number|undefined} */
  let timer;
  // Typing in the search box should not send one request per key.
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(refreshDocumentList, 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    refreshDocumentList();
  });
}

/* ------------------------------------------------------------------ routing */

/** @param {string} id */
function documentHash(id) {
  return `#/van-ban/${encodeURIComponent(id)}`;
}

function route() {
  const match = /^#\/van-ban\/(.+)$/.exec(location.hash);
  const listView = byId("list-view");
  const docView = byId("doc-view");
  if (match?.[1]) {
    listView.hidden = true;
    docView.hidden = false;
    void showDocument(decodeURIComponent(match[1]));
  } else {
    docView.hidden = true;
    docView.replaceChildren();
    listView.hidden = false;
    void refreshDocumentList();
  }
}

/* ------------------------------------------------------------------ document view */

/** Only the latest navigation may render; an older answer arriving late must not replace it. */
let documentRequestSerial = 0;

/** @param {string} id @param {{ keepScroll?: boolean }} [options] */
async function showDocument(id, options = {}) {
  const serial = ++documentRequestSerial;
  const view = byId("doc-view");
  if (!options.keepScroll) view.replaceChildren(h("p", { className: "summary" }, "Đang tải văn bản…"));
  const path = `/api/documents/${encodeURIComponent(id)}`;
  // Links and the chain are extras: the document is still worth showing if they fail.
  const [docResult, linksResult, upResult, downResult] = await Promise.allSettled([
    api(path),
    api(`${path}/links`),
    api(`/api/graph/chain/${encodeURIComponent(id)}?direction=up&depth=2`),
    api(`/api/graph/chain/${encodeURIComponent(id)}?direction=down&depth=2`),
  ]);
  if (serial !== documentRequestSerial) return;
  if (docResult.status === "rejected") {
    const message = docResult.reason instanceof ApiError && docResult.reason.status === 404
      ? "Không tìm thấy văn bản này trong kho."
      : `Không tải được văn bản: ${docResult.reason?.message ?? docResult.reason}`;
    view.replaceChildren(backLink(), h("p", { className: "error" }, message));
    return;
  }
  /** @type {CitationLink[]} */
  const links = linksResult.status === "fulfilled" ? linksResult.value.links : [];
  const up = upResult.status === "fulfilled" ? upResult.value : null;
  const down = downResult.status === "fulfilled" ? downResult.value : null;
  const scrollTops = options.keepScroll ? [...view.querySelectorAll(".scroll")].map((el) => el.scrollTop) : [];
  view.replaceChildren(...renderDocument(docResult.value, links, up, down));
  view.querySelectorAll(".scroll").forEach((el, i) => (el.scrollTop = scrollTops[i] ?? 0));
  if (!options.keepScroll) window.scrollTo(0, 0);
}

function backLink() {
  return h("a", { href: "#/", className: "back" }, "← Danh sách văn bản");
}

/**
 * @param {VanbanDocument} doc @param {CitationLink[]} links
 * @param {Chain|null} up @param {Chain|null} down
 */
function renderDocument(doc, links, up, down) {
  const textBlock = h("pre", { className: "doc-text scroll", "data-testid": "document-text" }, doc.text ?? "");
  const context = new DocumentContext(doc, textBlock);
  const heading = h("div", { className: "doc-heading" },
    backLink(),
    h("h2", {}, [typeName(doc.documentType?.code), doc.number].filter(Boolean).join(" ") || doc.source?.fileName || doc.id),
    h("span", { className: "muted" }, doc.source?.fileName ?? ""),
  );
  const fields = h("div", { className: "fields scroll" }, ...renderFields(context, links));
  return [
    heading,
    renderChain(doc, up, down),
    h("div", { className: "doc-columns", "data-document-id": doc.id }, textBlock, fields),
  ];
}

/** What every field renderer needs: the document, its text block, and the latest corrections per field. */
class DocumentContext {
  /** @param {VanbanDocument} doc @param {HTMLElement} textBlock */
  constructor(doc, textBlock) {
    this.doc = doc;
    this.textBlock = textBlock;
    /** @type {Map<string, Correction>} */
    this.latestCorrection = new Map();
    /** @type {Correction[]} */
    const corrections = Array.isArray(doc.corrections) ? doc.corrections : [];
    for (const correction of [...corrections].sort((a, b) => a.at.localeCompare(b.at))) {
      this.latestCorrection.set(correction.field, correction);
    }
  }

  /**
   * Shows one span of the text as a <mark>. The text is rebuilt from three text nodes each time
   * so that document text is never interpreted as HTML.
   * @param {Span|null|undefined} span @param {HTMLElement} fieldEl
   */
  highlight(span, fieldEl) {
    this.textBlock.closest(".doc-columns")?.querySelectorAll(".field.selected").forEach((el) => el.classList.remove("selected"));
    fieldEl.classList.add("selected");
    const text = this.doc.text ?? "";
    if (!span || span.end <= span.start || span.end > text.length) {
      this.textBlock.replaceChildren(document.createTextNode(text));
      return;
    }
    const mark = h("mark", { "data-testid": "highlight" }, text.slice(span.start, span.end));
    this.textBlock.replaceChildren(
      document.createTextNode(text.slice(0, span.start)),
      mark,
      document.createTextNode(text.slice(span.end)),
    );
    scrollWithin(this.textBlock, mark);
  }
}

/**
 * Brings the mark to the upper third of the text block. Element.scrollIntoView would also scroll
 * the window, pushing the field the person just clicked out of sight.
 * @param {HTMLElement} container @param {HTMLElement} target
 */
function scrollWithin(container, target) {
  const offset = target.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
  container.scrollTo({ top: Math.max(0, offset - container.clientHeight / 3), behavior: "smooth" });
}

/**
 * A field element the person can click to find its source in the text.
 * @param {DocumentContext} context
 * @param {{ pointer: string, span: Span|null|undefined, className?: string }} where
 * @param {...(Node|string|null|undefined|false)} children
 */
function fieldElement(context, { pointer, span, className = "" }, ...children) {
  const el = h("div", { className: `field ${className}`.trim(), "data-field": pointer, tabindex: 0,
    title: span ? "Bấm để xem trong văn bản" : "Không có vị trí trong văn bản" }, ...children);
  const select = (/** @type {Event} */ event) => {
    // Clicks inside the editor (inputs, buttons) are for editing, not for jumping in the text.
    if (event.target instanceof Element && event.target.closest("button, input, select, a, .editor")) return;
    context.highlight(span, el);
  };
  el.addEventListener("click", select);
  el.addEventListener("keydown", (event) => event.key === "Enter" && select(event));
  if (!span) el.classList.add("no-span");
  return el;
}

/** @param {string} title @param {...(Node|string|null|undefined|false)} children */
function fieldGroup(title, ...children) {
  return h("section", { className: "field-group" }, h("h3", {}, title), ...children);
}

/** @param {DocumentContext} context @param {CitationLink[]} links */
function renderFields(context, links) {
  const { doc } = context;
  const spans = doc.spans ?? {};
  return [
    fieldGroup("Thông tin chung",
      correctableField(context, { label: "Loại văn bản", pointer: "/documentType/code", value: doc.documentType?.code ?? null,
        span: spans.documentType, show: typeName, choices: DOCUMENT_TYPES }),
      correctableField(context, { label: "Số ký hiệu", pointer: "/number", value: doc.number, span: spans.number }),
      correctableField(context, { label: "Ngày ban hành", pointer: "/issueDate", value: doc.issueDate, span: spans.issueDate,
        show: formatDate, placeholder: "YYYY-MM-DD" }),
      correctableField(context, { label: "Địa danh", pointer: "/place", value: doc.place, span: spans.place }),
      correctableField(context, { label: "Trích yếu", pointer: "/title", value: doc.title, span: spans.title, multiline: true }),
    ),
    renderIssuer(context),
    renderSigner(context),
    renderRecipients(context),
    renderTextList(context, "Mục đích", "/purposes", doc.purposes),
    renderTextList(context, "Yêu cầu", "/requirements", doc.requirements),
    renderTextList(context, "Mục tiêu", "/objectives", doc.objectives),
    renderTasks(context),
    renderDeadlines(context),
    renderResponsibleUnits(context),
    renderCitations(context, links),
    renderWarnings(context),
  ].filter(Boolean);
}

/** @param {DocumentContext} context */
function renderIssuer(context) {
  const issuer = context.doc.issuer;
  return fieldGroup("Cơ quan ban hành",
    correctableField(context, { label: "Tên", pointer: "/issuer/name", value: issuer?.name ?? null, span: issuer?.span,
      editable: issuer != null }),
    issuer?.parent ? readOnlyLine("Cơ quan cấp trên", issuer.parent) : null,
    issuer?.shortName ? readOnlyLine("Viết tắt", issuer.shortName) : null,
  );
}

/** @param {DocumentContext} context */
function renderSigner(context) {
  const signer = context.doc.signer;
  const authority = signer?.authority ? (AUTHORITY_NAMES.get(signer.authority) ?? signer.authority) : null;
  const onBehalf = signer?.onBehalfOf ? `${authority ?? ""} ${signer.onBehalfOf}`.trim() : authority;
  return fieldGroup("Người ký",
    correctableField(context, { label: "Họ tên", pointer: "/signer/name", value: signer?.name ?? null, span: signer?.span,
      editable: signer != null }),
    correctableField(context, { label: "Chức vụ", pointer: "/signer/position", value: signer?.position ?? null, span: signer?.span,
      editable: signer != null }),
    fieldElement(context, { pointer: "/signer/authority", span: signer?.span },
      h("span", { className: "label" }, "Thẩm quyền"), h("span", { className: "value" }, onBehalf ?? "—")),
  );
}

/** @param {string} label @param {string} value */
function readOnlyLine(label, value) {
  return h("div", { className: "field readonly" }, h("span", { className: "label" }, label), h("span", { className: "value" }, value));
}

/**
 * A group of items that each point at their own span (recipients, tasks, deadlines …): clicking
 * one highlights where it was read. `render` gives the item's content.
 * @param {DocumentContext} context @param {string} title @param {string} pointer @param {any[]} items
 * @param {(item: any) => (Node|null)[]} render @param {string} [className]
 */
function itemGroup(context, title, pointer, items, render, className = "item") {
  return fieldGroup(title,
    items.length === 0 ? emptyNote() : null,
    ...items.map((item, i) => fieldElement(context, { pointer: `${pointer}/${i}`, span: item.span, className }, ...render(item))));
}

/** @param {DocumentContext} context */
function renderRecipients(context) {
  return itemGroup(context, "Nơi nhận", "/recipients", context.doc.recipients ?? [], (recipient) => [
    h("span", { className: "value" }, recipient.name),
    recipient.kind === "kinh-gui" ? h("span", { className: "badge" }, "kính gửi") : null,
    recipient.action ? h("span", { className: "badge" }, recipient.action) : null,
  ]);
}

/**
 * Purposes, requirements, objectives: items of text with a span each. Objectives are often
 * absent, and an empty "Mục tiêu" group would only add noise.
 * @param {DocumentContext} context @param {string} title @param {string} pointer @param {any[]|undefined} items
 */
function renderTextList(context, title, pointer, items) {
  if ((!items || items.length === 0) && title === "Mục tiêu") return null;
  return itemGroup(context, title, pointer, items ?? [], (item) => [h("span", { className: "value clamp" }, item.text)]);
}

/** @param {DocumentContext} context */
function renderTasks(context) {
  const tasks = context.doc.tasks ?? [];
  return itemGroup(context, `Nhiệm vụ (${tasks.length})`, "/tasks", tasks, (task) => [
    task.section ? h("span", { className: "section" }, task.section) : null,
    h("span", { className: "value clamp" }, task.text),
    task.responsibleUnits?.length ? h("span", { className: "meta" }, `Chủ trì: ${task.responsibleUnits.join("; ")}`) : null,
    task.coordinatingUnits?.length ? h("span", { className: "meta" }, `Phối hợp: ${task.coordinatingUnits.join("; ")}`) : null,
    task.deadline ? h("span", { className: "meta deadline" }, `Thời hạn: ${formatRange(task.deadline)}`) : null,
  ]);
}

/** @param {DocumentContext} context */
function renderDeadlines(context) {
  return itemGroup(context, "Thời hạn", "/deadlines", context.doc.deadlines ?? [], (deadline) => [
    h("span", { className: "value" }, formatRange(deadline) || deadline.raw),
    h("span", { className: "meta" }, deadline.raw),
  ]);
}

/** @param {DocumentContext} context */
function renderResponsibleUnits(context) {
  return itemGroup(context, "Đơn vị chủ trì", "/responsibleUnits", context.doc.responsibleUnits ?? [], (unit) => [h("span", { className: "value" }, unit.name)]);
}

/** @param {DocumentContext} context @param {CitationLink[]} links */
function renderCitations(context, links) {
  /** @type {any[]} */
  const citations = context.doc.citations ?? [];
  const linkOf = new Map(links.map((link) => [link.citation, link]));
  return fieldGroup(`Trích dẫn (${citations.length})`,
    citations.length === 0 ? emptyNote() : null,
    ...citations.map((citation, i) => {
      const link = linkOf.get(i);
      const target = link?.status === "archived" && link.documentId
        ? h("a", { href: documentHash(link.documentId), className: "cited", "data-testid": "citation-link" }, "mở văn bản")
        : h("span", { className: "missing", "data-testid": "citation-missing" }, "chưa có trong kho");
      return fieldElement(context, { pointer: `/citations/${i}`, span: citation.span, className: "item" },
        h("span", { className: "value" }, citation.raw),
        h("span", { className: "meta" },
          [RELATION_NAMES.get(citation.relation) ?? citation.relation, citation.mentions?.length > 1 ? `${citation.mentions.length} lần` : ""]
            .filter(Boolean).join(" · ")),
        target);
    }),
  );
}

/** @param {DocumentContext} context */
function renderWarnings(context) {
  const warnings = context.doc.warnings ?? [];
  if (warnings.length === 0) return null;
  return itemGroup(context, "Cảnh báo của máy", "/warnings", warnings, (warning) => [
    h("span", { className: "value" }, warning.message), h("span", { className: "meta" }, warning.code),
  ], "item warning");
}

function emptyNote() {
  return h("p", { className: "empty" }, "không có");
}

/* ------------------------------------------------------------------ corrections */

/**
 * A scalar field with a "Sửa" button. When corrected, the machine's reading stays visible beside
 * the person's so a reviewer can see what changed and who changed it.
 * @param {DocumentContext} context
 * @param {{ label: string, pointer: string, value: any, span: Span|null|undefined, show?: (v: any) => string,
 *   choices?: ReadonlyArray<readonly [string, string]>, placeholder?: string, multiline?: boolean, editable?: boolean }} spec
 */
function correctableField(context, spec) {
  const show = spec.show ?? displayValue;
  const correction = context.latestCorrection.get(spec.pointer);
  const valueEl = h("span", { className: "value", "data-testid": "value" }, spec.value == null || spec.value === "" ? "—" : show(spec.value));
  const editButton = spec.editable === false ? null : h("button", { type: "button", className: "edit" }, "Sửa");
  const el = fieldElement(context, { pointer: spec.pointer, span: spec.span, className: correction ? "corrected" : "" },
    h("span", { className: "label" }, spec.label),
    valueEl,
    correction ? correctionNote(correction, show) : null,
    editButton,
  );
  editButton?.addEventListener("click", () => openEditor(context, el, spec));
  return el;
}

/** @param {Correction} correction @param {(v: any) => string} show */
function correctionNote(correction, show) {
  const machine = correction.machineValue == null || correction.machineValue === "" ? "—" : show(correction.machineValue);
  return h("span", { className: "correction", "data-testid": "correction" },
    h("span", { className: "machine" }, `máy đọc: ${machine}`),
    h("span", { className: "who" }, `sửa bởi ${correction.by}, ${formatDateTime(correction.at)}`));
}

/**
 * @param {DocumentContext} context @param {HTMLElement} fieldEl
 * @param {Parameters<typeof correctableField>[1]} spec
 */
function openEditor(context, fieldEl, spec) {
  if (fieldEl.querySelector(".editor")) return;
  const input = editorInput(spec);
  const error = h("p", { className: "error", role: "alert", hidden: true });
  const save = h("button", { type: "submit", className: "save" }, "Lưu");
  const cancel = h("button", { type: "button", className: "cancel" }, "Hủy");
  const editor = h("form", { className: "editor" }, input, h("span", { className: "buttons" }, save, cancel), error);
  cancel.addEventListener("click", () => editor.remove());
  editor.addEventListener("submit", async (event) => {
    event.preventDefault();
    save.setAttribute("disabled", "");
    error.hidden = true;
    try {
      await api(`/api/documents/${encodeURIComponent(context.doc.id)}/corrections`, {
        method: "POST",
        json: { field: spec.pointer, value: valueToSend(input.value, spec), by: currentReviewer() },
      });
      await showDocument(context.doc.id, { keepScroll: true });
    } catch (failure) {
      error.textContent = failure instanceof Error ? failure.message : String(failure);
      error.hidden = false;
      save.removeAttribute("disabled");
    }
  });
  fieldEl.append(editor);
  input.focus();
}

/** @param {Parameters<typeof correctableField>[1]} spec @returns {HTMLInputElement|HTMLSelectElement|HTMLTextAreaElement} */
function editorInput(spec) {
  const current = spec.value == null ? "" : String(spec.value);
  if (spec.choices) {
    const select = /** @type {HTMLSelectElement} */ (h("select", { name: "value", "aria-label": spec.label },
      ...spec.choices.map(([code, name]) => h("option", { value: code }, name))));
    select.value = current;
    return select;
  }
  const input = /** @type {HTMLInputElement|HTMLTextAreaElement} */ (
    h(spec.multiline ? "textarea" : "input", { name: "value", "aria-label": spec.label, placeholder: spec.placeholder, rows: spec.multiline ? 3 : undefined }));
  input.value = current;
  return input;
}

/**
 * An emptied box means "the document has none": every correctable scalar except the type code
 * and the issuer's name is nullable in the schema, and the server answers 400 for the others.
 * @param {string} raw @param {Parameters<typeof correctableField>[1]} spec
 */
function valueToSend(raw, spec) {
  const value = raw.trim();
  return value === "" && !spec.choices ? null : value;
}

/* ------------------------------------------------------------------ citation chain drawing */

const NODE_W = 136;
const NODE_H = 40;
const GAP_X = 12;
const ROW_H = 74;
const MAX_PER_ROW = 7;

/**
 * Rows from top to bottom: what the cited documents cite, what this document cites, the document,
 * who cites it, who cites those. Lines follow the edges the chain answers walked.
 * @param {VanbanDocument} doc @param {Chain|null} up @param {Chain|null} down
 */
function renderChain(doc, up, down) {
  const center = up?.node ?? down?.node;
  const container = h("figure", { className: "chain", "data-testid": "chain" });
  container.append(h("figcaption", {}, "Chuỗi trích dẫn"));
  if (!center) {
    container.append(h("p", { className: "empty" }, "Không vẽ được chuỗi trích dẫn."));
    return container;
  }
  const rows = [
    stepsAtDepth(up, 2), stepsAtDepth(up, 1), [{ node: center, via: null }], stepsAtDepth(down, 1), stepsAtDepth(down, 2),
  ].filter((row, i) => i === 2 || row.length > 0);
  const widest = Math.max(...rows.map((row) => Math.min(row.length, MAX_PER_ROW + 1)));
  const width = widest * (NODE_W + GAP_X) + GAP_X;
  const height = rows.length * ROW_H;
  const drawing = /** @type {SVGSVGElement} */ (svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
    "aria-label": `Chuỗi trích dẫn của ${doc.number ?? doc.id}` }));
  /** @type {Map<string, {x: number, y: number}>} */
  const positions = new Map();
  const nodeLayer = svg("g");
  rows.forEach((row, r) => {
    const shown = row.slice(0, MAX_PER_ROW);
    const rowWidth = (shown.length + (row.length > shown.length ? 1 : 0)) * (NODE_W + GAP_X) - GAP_X;
    const left = (width - rowWidth) / 2;
    const y = r * ROW_H + (ROW_H - NODE_H) / 2;
    shown.forEach(({ node }, i) => {
      const x = left + i * (NODE_W + GAP_X);
      positions.set(node.id, { x: x + NODE_W / 2, y });
      nodeLayer.append(chainNode(node, x, y, node.id === center.id));
    });
    if (row.length > shown.length) nodeLayer.append(moreLabel(row.length - shown.length, left + shown.length * (NODE_W + GAP_X), y));
  });
  const edgeLayer = svg("g", { class: "edges" });
  for (const step of [...(up?.steps ?? []), ...(down?.steps ?? [])]) {
    const from = positions.get(step.via.source);
    const to = positions.get(step.via.target);
    if (!from || !to) continue;
    // The citing document is always the lower row; the line runs from its top to the cited one's bottom.
    const [lower, upper] = from.y > to.y ? [from, to] : [to, from];
    edgeLayer.append(svg("line", { x1: lower.x, y1: lower.y, x2: upper.x, y2: upper.y + NODE_H,
      class: step.node.status === "placeholder" ? "edge placeholder" : "edge" }));
  }
  drawing.append(edgeLayer, nodeLayer);
  container.append(h("div", { className: "chain-scroll" }, drawing));
  return container;
}

/** @param {Chain|null} chain @param {number} depth */
function stepsAtDepth(chain, depth) {
  return (chain?.steps ?? []).filter((step) => step.depth === depth);
}

/** @param {GraphNode} node */
function nodeLabel(node) {
  const label = node.number ?? node.name ?? node.id;
  return label.length > 20 ? `${label.slice(0, 19)}…` : label;
}

/** @param {GraphNode} node @param {number} x @param {number} y @param {boolean} isCenter */
function chainNode(node, x, y, isCenter) {
  const placeholder = node.status === "placeholder";
  const documentId = node.documents?.[0];
  const opensDocument = !isCenter && !placeholder && documentId !== undefined;
  const group = svg("g", {
    class: ["node", placeholder ? "placeholder" : "archived", isCenter ? "center" : "", opensDocument ? "link" : ""].join(" ").trim(),
    "data-testid": "chain-node",
    "data-status": node.status,
    transform: `translate(${x} ${y})`,
  });
  const title = svg("title");
  title.textContent = [typeName(node.type), node.number, node.name, node.issuers?.join(", ")].filter(Boolean).join(" — ");
  const line1 = svg("text", { x: NODE_W / 2, y: 16, "text-anchor": "middle", class: "node-number" });
  line1.textContent = nodeLabel(node);
  const line2 = svg("text", { x: NODE_W / 2, y: 32, "text-anchor": "middle", class: "node-sub" });
  line2.textContent = placeholder ? "chưa có" : [typeName(node.type), formatDate(node.dates?.[0])].filter(Boolean).join(" · ");
  group.append(title, svg("rect", { width: NODE_W, height: NODE_H, rx: 6 }), line1, line2);
  if (opensDocument) {
    group.setAttribute("tabindex", "0");
    group.setAttribute("role", "link");
    const open = () => (location.hash = documentHash(documentId));
    group.addEventListener("click", open);
    group.addEventListener("keydown", (event) => /** @type {KeyboardEvent} */ (event).key === "Enter" && open());
  }
  return group;
}

/** @param {number} count @param {number} x @param {number} y */
function moreLabel(count, x, y) {
  const text = svg("text", { x: x + 8, y: y + NODE_H / 2 + 4, class: "node-more" });
  text.textContent = `… và ${count} văn bản khác`;
  return text;
}

/* ------------------------------------------------------------------ start */

adoptTokenFromUrl();
setUpSettingsInputs();
setUpUpload();
setUpFilters();
window.addEventListener("hashchange", route);
route();
void followExistingJobs();
