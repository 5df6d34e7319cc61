import { describe, expect, it } from "vitest";
import { deriveGraph, graphSchema, type GraphData } from "../../src/graph/derive.js";
import { exportDot, exportGraphml, exportJson, exportNeo4j, NEO4J_NODE_HEADER, NEO4J_RELATIONSHIP_HEADER } from "../../src/graph/export.js";
import { seedFacts } from "./helpers.js";

// The seeds' graph holds the characters exports must escape: “quotes”, &, / and non-ASCII.
const graph: GraphData = deriveGraph(seedFacts().values());
const citations = (g: GraphData): string[] => g.edges.map((e) => `${e.source} -> ${e.target}`).sort();
const candidates = (g: GraphData): string[] => g.candidates.map((c) => `${c.from} -> ${c.to}`).sort();

/** A small XML reader: enough for the GraphML we write (elements, attributes, text, five entities). */
function parseGraphml(text: string): { nodes: Map<string, Record<string, string>>; edges: { source: string; target: string; data: Record<string, string> }[] } {
  const unescape = (s: string): string => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!);
  const attrs = (s: string): Record<string, string> => Object.fromEntries([...s.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]));
  const data = (s: string): Record<string, string> => Object.fromEntries([...s.matchAll(/<data key="([^"]+)">([^<]*)<\/data>/g)].map((m) => [m[1]!, unescape(m[2]!)]));
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(text.match(/<graph /g)).toHaveLength(1);
  const nodes = new Map([...text.matchAll(/<node ([^>]*)>(.*?)<\/node>/g)].map((m) => [attrs(m[1]!)["id"]!, data(m[2]!)]));
  const edges = [...text.matchAll(/<edge ([^>]*)>(.*?)<\/edge>/g)].map((m) => ({ source: attrs(m[1]!)["source"]!, target: attrs(m[1]!)["target"]!, data: data(m[2]!) }));
  return { nodes, edges };
}

/** A small DOT reader for the statements we write: `"id" [attrs];` and `"a" -> "b" [attrs];`. */
function parseDot(text: string): { nodes: Map<string, Record<string, string>>; edges: { from: string; to: string; attrs: Record<string, string> }[] } {
  const lines = text.trim().split("\n");
  expect(lines[0]).toBe("digraph vanban {");
  expect(lines.at(-1)).toBe("}");
  const STRING = String.raw`"((?:[^"\\]|\\.)*)"`;
  const unquote = (s: string): string => s.replace(/\\(.)/g, (_, ch: string) => (ch === "n" ? "\n" : ch));
  const attrs = (s: string): Record<string, string> => Object.fromEntries([...s.matchAll(new RegExp(String.raw`(\w+)=(?:${STRING}|(\w+))`, "g"))].map((m) => [m[1]!, m[2] !== undefined ? unquote(m[2]) : m[3]!]));
  const nodes = new Map<string, Record<string, string>>();
  const edges: { from: string; to: string; attrs: Record<string, string> }[] = [];
  for (const line of lines.slice(1, -1)) {
    const edge = new RegExp(String.raw`^\s*${STRING} -> ${STRING} \[(.*)\];$`).exec(line);
    const node = new RegExp(String.raw`^\s*${STRING} \[(.*)\];$`).exec(line);
    if (edge) edges.push({ from: unquote(edge[1]!), to: unquote(edge[2]!), attrs: attrs(edge[3]!) });
    else if (node) nodes.set(unquote(node[1]!), attrs(node[2]!));
    else expect(line).toMatch(/^\s*(rankdir=|node \[)/);
  }
  return { nodes, edges };
}

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and line ends inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else field += ch;
  }
  expect(field).toBe("");
  return rows;
}

describe("exports, each parsed back", () => {
  it("JSON is the graph itself and passes its schema", () => {
    expect(graphSchema.parse(JSON.parse(exportJson(graph)))).toEqual(graph);
  });

  it("GraphML holds every node with its label and every citation and candidate as an edge", () => {
    const parsed = parseGraphml(exportGraphml(graph));
    expect([...parsed.nodes.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(parsed.nodes.get("CHI_THI:28-CT/TW@khoa-XIII")).toMatchObject({ n_label: "Chỉ thị 28-CT/TW (2023-12-25, Bộ Chính trị)", n_status: "placeholder" });
    expect(parsed.edges.filter((e) => e.data["e_kind"] === "cites").map((e) => `${e.source} -> ${e.target}`).sort()).toEqual(citations(graph));
    expect(parsed.edges.filter((e) => e.data["e_kind"] === "candidate").map((e) => `${e.source} -> ${e.target}`).sort()).toEqual(candidates(graph));
    expect(parsed.edges.every((e) => parsed.nodes.has(e.source) && parsed.nodes.has(e.target))).toBe(true);
  });

  it("DOT declares every node and draws citations solid and candidates dotted", () => {
    const parsed = parseDot(exportDot(graph));
    expect([...parsed.nodes.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(parsed.edges.filter((e) => e.attrs["style"] !== "dotted").map((e) => `${e.from} -> ${e.to}`).sort()).toEqual(citations(graph));
    expect(parsed.edges.filter((e) => e.attrs["style"] === "dotted").map((e) => `${e.from} -> ${e.to}`).sort()).toEqual(candidates(graph));
    const label = [...parsed.nodes.values()].map((a) => a["label"]).find((l) => l?.includes("“"));
    expect(label).toBeDefined();
  });

  it("the neo4j CSV files have the import headers and every relationship ends at a node", () => {
    const { nodes, relationships } = exportNeo4j(graph);
    const [nodeHeader, ...nodeRows] = parseCsv(nodes);
    const [relationshipHeader, ...relationshipRows] = parseCsv(relationships);
    expect(nodeHeader).toEqual([...NEO4J_NODE_HEADER]);
    expect(relationshipHeader).toEqual([...NEO4J_RELATIONSHIP_HEADER]);
    expect(nodeRows.every((r) => r.length === NEO4J_NODE_HEADER.length)).toBe(true);
    expect(relationshipRows.every((r) => r.length === NEO4J_RELATIONSHIP_HEADER.length)).toBe(true);
    const ids = new Set(nodeRows.map((r) => r[0]));
    expect(ids.size).toBe(graph.nodes.length);
    expect(relationshipRows.every((r) => ids.has(r[0]) && ids.has(r[1]))).toBe(true);
    expect(relationshipRows.filter((r) => r[2] === "MAY_BE")).toHaveLength(graph.candidates.length);
    expect(new Set(nodeRows.map((r) => r[1]))).toEqual(new Set(["Document;Archived", "Document;Placeholder"]));
  });
});
