import { describe, expect, it } from "vitest";
import { deriveGraph, GraphDeriver } from "../../src/graph/derive.js";
import { ReferenceGraph } from "../../src/graph/graph.js";
import { chain, findNodes, missing } from "../../src/graph/queries.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../../src/index.js";
import { documentFact, SEED_FILES, SEEDS_DIR, seedFacts } from "./helpers.js";

const seeds = seedFacts();
const seed = (prefix: string) => seeds.get(prefix)!;
const seedGraph = new ReferenceGraph(deriveGraph(seeds.values()));
const nodeOf = (prefix: string): string => seedGraph.nodeOfDocument(seed(prefix).id)!;

describe("the seeds' graph (issue 4's done-when checks)", () => {
  it("reaches Chỉ thị 28-CT/TW going up from seed 002", () => {
    const reached = chain(seedGraph, nodeOf("002"), "up", 5).map((step) => step.node.number);
    expect(reached).toContain("28-CT/TW");
  });

  it.each([
    { seed: "000", directive: "20-CT/TW" },
    { seed: "003", directive: "11-CT/TW" },
  ])("lists seed $seed among the documents citing $directive", ({ seed: prefix, directive }) => {
    const [node] = findNodes(seedGraph, directive);
    expect(seedGraph.citedBy(node!.id).map((edge) => edge.document)).toContain(seed(prefix).id);
  });

  it("offers seed 001's 20-CT/TU of the Bộ Chính trị as a candidate for 20-CT/TW, with its reasons", () => {
    const candidate = seedGraph.data.candidates.find((c) => c.from.startsWith("CHI_THI:20-CT/TU") && c.to.startsWith("CHI_THI:20-CT/TW"));
    expect(candidate?.score).toBeGreaterThanOrEqual(0.5);
    expect(candidate?.reasons).toEqual(expect.arrayContaining(["issuer code TU ≠ TW", "Bộ Chính trị does not issue under /TU", "date 2012-12-05 ≠ 2012-11-05, one digit apart"]));
    // A candidate is never a merge: seed 001 still cites its own placeholder.
    expect(seedGraph.cites(nodeOf("001")).map((e) => e.target)).toContain(candidate?.from);
  });

  it("lists 2123-CV/BTGTW as missing", () => {
    expect(missing(seedGraph).map((r) => r.node.number)).toContain("2123-CV/BTGTW");
  });

  it("counts short forms on the edge: seed 000 refers to Chỉ thị 20 more often than it cites it in full", () => {
    const edge = seedGraph.cites(nodeOf("000")).find((e) => e.target.startsWith("CHI_THI:20-CT/TW"))!;
    const extracted = extract(readFileSync(join(SEEDS_DIR, SEED_FILES[0]!), "utf8")).citations.find((c) => c.number === "20-CT/TW")!;
    expect(edge.count).toBeGreaterThan(extracted.mentions.length);
    expect(edge).toMatchObject({ relation: "reviews", match: "placeholder" });
  });

  it.each([
    { name: "reversed", order: ["004", "003", "002", "001", "000"] },
    { name: "shuffled", order: ["002", "000", "004", "001", "003"] },
  ])("gives the same graph from the seeds in $name order", ({ order }) => {
    expect(deriveGraph(order.map(seed))).toEqual(seedGraph.data);
  });
});

describe("incremental derivation", () => {
  it.each([
    { name: "one at a time", batches: [["000"], ["001"], ["002"], ["003"], ["004"]] },
    { name: "in two batches, the later first", batches: [["004", "002"], ["003", "000", "001"]] },
  ])("gives the graph of all facts at once when the seeds come $name", ({ batches }) => {
    const deriver = new GraphDeriver();
    const seen: number[] = [];
    for (const batch of batches) {
      deriver.apply(batch.map(seed));
      seen.push(deriver.data().nodes.filter((n) => n.status === "archived").length);
    }
    expect(seen.at(-1)).toBe(5);
    expect(deriver.data()).toEqual(seedGraph.data);
  });

  it("replaces a document's facts, dropping what only the old facts cited", () => {
    const before = documentFact("plan", { number: "7/KH-PGDĐT", date: "2024-01-02", cites: [{ number: "45/KH-UBND", date: "2023-03-01" }] });
    const after = { ...before, citations: documentFact("x", { cites: [{ number: "46/KH-UBND", date: "2023-03-01" }] }).citations };
    const deriver = new GraphDeriver();
    deriver.apply([before]);
    deriver.apply([after]);
    expect(deriver.data()).toEqual(deriveGraph([after]));
    expect(deriver.data().nodes.map((n) => n.id)).not.toContain("KE_HOACH:45/KH-UBND@2023");
  });
});

describe("resolution across documents", () => {
  const citing = (cites: Parameters<typeof documentFact>[1]["cites"]) => documentFact("citing", { number: "7/KH-PGDĐT", date: "2024-01-02", issuer: "Phòng GDĐT", cites });
  const targetsOf = (graph: ReturnType<typeof deriveGraph>) => graph.edges.map((e) => `${e.target} ${e.match}`);

  it("upgrades a placeholder in place when the cited document arrives", () => {
    const a = citing([{ number: "45/KH-UBND", date: "2023-03-01", issuer: "UBND tỉnh" }]);
    const cited = documentFact("cited", { number: "45/KH-UBND", date: "2023-03-01", issuer: "Ủy ban nhân dân tỉnh Quảng Ninh" });
    const before = deriveGraph([a]);
    const after = deriveGraph([a, cited]);
    expect(targetsOf(before)).toEqual(["KE_HOACH:45/KH-UBND@2023 placeholder"]);
    expect(targetsOf(after)).toEqual(["KE_HOACH:45/KH-UBND@2023 exact"]);
    expect(after.nodes.find((n) => n.id === "KE_HOACH:45/KH-UBND@2023")).toMatchObject({ status: "archived", documents: [cited.id] });
  });

  it.each([
    {
      name: "the same number of another year is another document",
      cite: { number: "45/KH-UBND", date: "2024-03-01" },
      target: "KE_HOACH:45/KH-UBND@2024 placeholder",
    },
    {
      name: "a citation without a date links to the one archived document with that number",
      cite: { number: "45/KH-UBND" },
      target: "KE_HOACH:45/KH-UBND@2023 scope-assumed",
    },
    {
      name: "another issuer is another document",
      cite: { number: "45/KH-UBND", date: "2023-03-01", issuer: "UBND huyện Ba Chẽ" },
      target: "KE_HOACH:45/KH-UBND@2023~2023-03-01 placeholder",
    },
  ])("$name", ({ cite, target }) => {
    const archived = documentFact("cited", { number: "45/KH-UBND", date: "2023-03-01", issuer: "Ủy ban nhân dân tỉnh Quảng Ninh" });
    expect(targetsOf(deriveGraph([citing([cite]), archived]))).toEqual([target]);
  });

  it("links by issuer when two archived documents share number and year, and shows the ambiguity when the citation names none", () => {
    const province = documentFact("province", { number: "45/KH-UBND", date: "2023-03-01", issuer: "Ủy ban nhân dân tỉnh Quảng Ninh" });
    const district = documentFact("district", { number: "45/KH-UBND", date: "2023-05-09", issuer: "Ủy ban nhân dân huyện Ba Chẽ" });
    const graph = deriveGraph([province, district, citing([{ number: "45/KH-UBND", date: "2023-05-09", issuer: "UBND huyện Ba Chẽ" }, { number: "45/KH-UBND", type: "KE_HOACH" }])]);
    expect(targetsOf(graph)).toEqual(["KE_HOACH:45/KH-UBND@2023#uy-ban-nhan-dan-huyen-ba-che exact", "KE_HOACH:45/KH-UBND@? ambiguous"]);
    expect(graph.candidates.filter((c) => c.from === "KE_HOACH:45/KH-UBND@?").map((c) => c.to)).toHaveLength(2);
  });

  it("offers a citation whose date conflicts with the archived document as a candidate, not a link", () => {
    const archived = documentFact("cited", { number: "215/KH-UBND", date: "2019-10-17", issuer: "UBND tỉnh Quảng Ninh" });
    const graph = deriveGraph([archived, citing([{ number: "215/KH-UBND", date: "2019-09-17", issuer: "UBND tỉnh" }])]);
    expect(targetsOf(graph)).toEqual(["KE_HOACH:215/KH-UBND@2019~2019-09-17 placeholder"]);
    expect(graph.candidates).toEqual([
      expect.objectContaining({ from: "KE_HOACH:215/KH-UBND@2019~2019-09-17", to: "KE_HOACH:215/KH-UBND@2019", reasons: expect.arrayContaining(["date 2019-09-17 ≠ 2019-10-17"]) }),
    ]);
  });

  it.each([
    { name: "one dated citation of the number", dated: ["2023-03-01"], target: "KE_HOACH:45/KH-UBND@2023 scope-assumed" },
    { name: "dated citations of two years", dated: ["2023-03-01", "2024-05-01"], target: "KE_HOACH:45/KH-UBND@? placeholder" },
  ])("sends an undated citation where other documents' dated citations go, given $name", ({ dated, target }) => {
    const others = dated.map((date, i) => documentFact(`dated ${i}`, { number: `${i + 2}/KH-SYT`, date: "2024-06-01", cites: [{ number: "45/KH-UBND", date }] }));
    const undated = documentFact("undated", { number: "9/KH-SYT", date: "2024-06-01", cites: [{ number: "45/KH-UBND" }] });
    const graph = deriveGraph([...others, undated]);
    expect(graph.edges.filter((e) => e.document === undated.id).map((e) => `${e.target} ${e.match}`)).toEqual([target]);
  });

  it("makes a Luật cited by name a name-keyed node that every citing document shares", () => {
    const one = documentFact("one", { number: "1/KH-UBND", date: "2020-01-01", cites: [{ number: null, name: "Luật Trẻ em", type: "LUAT", date: "2016-04-05" }] });
    const two = documentFact("two", { number: "2/KH-UBND", date: "2020-01-01", cites: [{ number: null, name: "Luật trẻ em", type: "LUAT", date: "2016-04-05" }] });
    expect(deriveGraph([one, two]).edges.map((e) => e.target)).toEqual(["LUAT:luat-tre-em@2016", "LUAT:luat-tre-em@2016"]);
  });
});
