#!/usr/bin/env node
// Makes the format fixtures of issue 3 from the seeds' text: fixtures/formats/<seed>.{docx,pdf,doc,
// scan.pdf}, one photo-like .jpg, legacy-encoding variants (.tcvn3.txt, .vni.txt, .tcvn3.docx)
// when the encoder is built, and fixtures/bad/*. See fixtures/README.md ("Format fixtures") for
// what each file is and the Debian packages this needs (LibreOffice, ImageMagick, poppler, qpdf,
// img2pdf). Only this generator uses those tools; the generated files are committed.
//
//   node scripts/make-format-fixtures.mjs [--only docx,pdf,doc,scan,jpg,legacy,bad] [--seed 002]
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildDocx } from "./fixtures/docx.mjs";
import { seedToModel } from "./fixtures/seed-model.mjs";
import { makeBadFixtures } from "./fixtures/bad.mjs";
import { fixPdfMetadata } from "./fixtures/pdf-meta.mjs";

// Zip entry times are written in local time: fix the zone so every machine writes the same bytes.
process.env.TZ = "UTC";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const seedsDir = join(root, "fixtures", "seeds");
const outDir = join(root, "fixtures", "formats");
const badDir = join(root, "fixtures", "bad");

const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = argValue("--only")?.split(",") ?? ["docx", "pdf", "doc", "scan", "jpg", "legacy", "bad"];
const seedFilter = argValue("--seed");
const step = (name) => only.includes(name);

// Per seed: how its dash items are written (bullet numbering or typed text), and how its scan is
// compressed — both ways occur in archives, so the loaders meet both.
const SEED_OPTIONS = {
  "000_cb3f65f675452a93": { dashes: "bullet", scan: "g4" },
  "001_ad1e7f89c6d47907": { dashes: "literal", scan: "g4" },
  "002_54a447784a71b537": { dashes: "bullet", scan: "jpeg" },
  "003_c61dcf04db22f505": { dashes: "literal", scan: "g4" },
  "004_56447ffafa841c55": { dashes: "literal", scan: "g4" },
};

const IM = existsSync("/usr/bin/convert-im6.q16") ? "/usr/bin/convert-im6.q16" : "convert";
function run(cmd, argv, opts = {}) {
  try {
    return execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28, ...opts });
  } catch (error) {
    console.error(`failed: ${cmd} ${argv.join(" ")}\n${error.stderr?.toString() ?? error.message}`);
    process.exit(1);
  }
}
const work = mkdtempSync(join(tmpdir(), "vanban-fixtures-"));
// A private LibreOffice profile, so a LibreOffice already running elsewhere does not take the job.
const loProfile = pathToFileURL(join(work, "lo-profile")).href;
const made = [];
const note = (file) => made.push(file);

mkdirSync(outDir, { recursive: true });
mkdirSync(badDir, { recursive: true });

const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => basename(f, ".txt"))
  .filter((n) => !seedFilter || n.startsWith(seedFilter))
  .sort();

function soffice(filter, inputs, dir) {
  run("soffice", [`-env:UserInstallation=${loProfile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", dir, ...inputs]);
}

// Deterministic per-page "randomness" for the scan's skew.
function skewFor(name, page) {
  let h = 2166136261;
  for (const c of `${name}:${page}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const mag = 0.3 + ((h % 1000) / 1000) * 0.7; // 0.3 … 1.0 degrees
  return (h & 1 ? 1 : -1) * Number(mag.toFixed(2));
}

// 1. DOCX
const models = new Map();
for (const name of seeds) {
  const model = seedToModel(readFileSync(join(seedsDir, `${name}.txt`), "utf8"), SEED_OPTIONS[name] ?? {});
  models.set(name, model);
  if (step("docx")) {
    const file = join(outDir, `${name}.docx`);
    writeFileSync(file, await buildDocx(model));
    note(file);
  }
}

// 2. typed PDF and 3. Word 97–2003 .doc, both by LibreOffice from the DOCX.
if (step("pdf") || step("doc")) {
  const docx = seeds.map((n) => join(outDir, `${n}.docx`));
  if (step("pdf")) {
    soffice("pdf:writer_pdf_Export", docx, outDir);
    for (const n of seeds) {
      const file = join(outDir, `${n}.pdf`);
      fixPdfMetadata(file);
      note(file);
    }
  }
  if (step("doc")) {
    soffice('doc:MS Word 97', docx, outDir);
    for (const n of seeds) note(join(outDir, `${n}.doc`));
  }
}

// 4. scanned PDF: 300 dpi greyscale page images, skewed, speckled, no text layer.
if (step("scan")) {
  for (const name of seeds) {
    const dir = join(work, `scan-${name}`);
    mkdirSync(dir, { recursive: true });
    run("pdftoppm", ["-r", "300", "-gray", join(outDir, `${name}.pdf`), join(dir, "p")]);
    const pages = readdirSync(dir).filter((f) => f.endsWith(".pgm")).sort();
    const kind = SEED_OPTIONS[name]?.scan ?? "g4";
    const images = [];
    pages.forEach((page, i) => {
      const src = join(dir, page);
      const common = [
        src,
        "-seed", String(1000 + i),
        "-background", "white",
        "-rotate", String(skewFor(name, i + 1)),
        "-gravity", "center", "-extent", "2480x3508", "+repage",
      ];
      if (kind === "jpeg") {
        const out = join(dir, `${basename(page, ".pgm")}.jpg`);
        // Sensor noise softened by the optics, paper pushed to white; q30 keeps a dense page near 300 kB.
        run(IM, [...common, "-attenuate", "0.3", "+noise", "Gaussian", "-blur", "0x1.0", "-level", "0%,85%", "-colorspace", "Gray", "-density", "300", "-units", "PixelsPerInch", "-quality", "30", "-strip", out]);
        images.push(out);
      } else {
        // Salt-and-pepper speckle, then a threshold as a bilevel office scanner does.
        const out = join(dir, `${basename(page, ".pgm")}.tif`);
        run(IM, [...common, "-blur", "0x0.7", "-attenuate", "0.6", "+noise", "Gaussian", "-attenuate", "0.012", "+noise", "Impulse", "-threshold", "60%", "-type", "bilevel", "-density", "300", "-units", "PixelsPerInch", "-compress", "Group4", "-strip", out]);
        images.push(out);
      }
    });
    const file = join(outDir, `${name}.scan.pdf`);
    run("img2pdf", ["--nodate", "--producer", "", "-o", file, ...images]);
    fixPdfMetadata(file); // img2pdf's /ID is random
    note(file);
  }
}

// 5. one photo-like JPEG: the shortest seed's first page, 180 dpi, perspective, uneven light, blur.
if (step("jpg")) {
  const shortest = [...seeds].sort((a, b) => statSync(join(seedsDir, `${a}.txt`)).size - statSync(join(seedsDir, `${b}.txt`)).size)[0];
  const dir = join(work, "photo");
  mkdirSync(dir, { recursive: true });
  run("pdftoppm", ["-r", "180", "-f", "1", "-l", "1", "-png", join(outDir, `${shortest}.pdf`), join(dir, "p")]);
  const page = join(dir, readdirSync(dir).find((f) => f.endsWith(".png")));
  const [w, h] = run(IM, [page, "-format", "%w %h", "info:"]).toString().trim().split(" ").map(Number);
  const W = w + 160;
  const H = h + 160;
  const file = join(outDir, `${shortest}.jpg`);
  run(IM, [
    page, "-colorspace", "sRGB", "-bordercolor", "#5a4a3a", "-border", "80",
    // A phone held a little off-square over a page on a desk.
    "-virtual-pixel", "background", "-background", "#5a4a3a",
    "-distort", "Perspective",
    `80,80 150,130  ${W - 80},80 ${W - 120},60  80,${H - 80} 60,${H - 40}  ${W - 80},${H - 80} ${W - 30},${H - 110}`,
    // Warm, uneven lamp light: brighter top left, darker bottom right.
    "(", "-size", `${W}x${H}`, "xc:", "-sparse-color", "Barycentric", `0,0 #fffaf2  ${W},0 #ece4d6  0,${H} #d8d0c2  ${W},${H} #8a8276`, ")",
    "-compose", "Multiply", "-composite",
    "-seed", "7", "-blur", "0x1.1", "-attenuate", "0.35", "+noise", "Gaussian",
    "-resize", "92%", "-quality", "68", "-sampling-factor", "2x2", "-strip", file,
  ]);
  note(file);
}

// 6. legacy encodings, when the encoder (another issue) is built.
if (step("legacy")) {
  const encoder = join(root, "dist", "src", "load", "encodings", "index.js");
  let encodeLegacyBytes = null;
  if (existsSync(encoder)) {
    ({ encodeLegacyBytes } = await import(pathToFileURL(encoder).href));
  }
  if (typeof encodeLegacyBytes !== "function") {
    console.log("skipping legacy encodings: encoder not built");
  } else {
    const { toBytes, toCp1252Text } = await import("./fixtures/legacy.mjs");
    for (const name of seeds) {
      // 8-bit fonts have no superscript digits (their bytes are letters there): a typist marked
      // footnotes by hand, as the markdown-style [^1] that normalise reads.
      const text = readFileSync(join(seedsDir, `${name}.txt`), "utf8").replace(
        /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g,
        (marks) => `[^${[...marks].map((m) => "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(m)).join("")}]`,
      );
      for (const enc of ["tcvn3", "vni"]) {
        const file = join(outDir, `${name}.${enc}.txt`);
        writeFileSync(file, toBytes(encodeLegacyBytes(text, enc)));
        note(file);
      }
      // TCVN3 Word file: .VnTime for text, .VnTimeH (capitals font: lower-case codes shown as
      // capitals) for runs written in capitals, as such documents were typed.
      const upper = (s) => /\p{L}/u.test(s) && s === s.toUpperCase();
      const mapRun = (r) =>
        upper(r.text)
          ? { font: ".VnTimeH", text: toCp1252Text(encodeLegacyBytes(r.text.toLowerCase(), "tcvn3")) }
          : { font: ".VnTime", text: toCp1252Text(encodeLegacyBytes(r.text, "tcvn3")) };
      const file = join(outDir, `${name}.tcvn3.docx`);
      writeFileSync(file, await buildDocx(models.get(name), { font: ".VnTime", mapRun }));
      note(file);
    }
    // The same as Word 97 files, the form most TCVN3 documents survive in.
    soffice("doc:MS Word 97", seeds.map((n) => join(outDir, `${n}.tcvn3.docx`)), outDir);
    for (const n of seeds) note(join(outDir, `${n}.tcvn3.doc`));
  }
}

// 7. bad inputs.
if (step("bad")) {
  const typed = join(outDir, `${seeds.at(-1)}.pdf`);
  const docx = join(outDir, `${seeds.at(-1)}.docx`);
  for (const f of await makeBadFixtures({ dir: badDir, typedPdf: typed, docx, run, im: IM, work })) note(f);
}

rmSync(work, { recursive: true, force: true });

let total = 0;
for (const f of made) {
  const size = statSync(f).size;
  total += size;
  console.log(`${String(size).padStart(10)}  ${f.slice(root.length + 1)}`);
}
console.log(`${String(total).padStart(10)}  total (${made.length} files)`);
