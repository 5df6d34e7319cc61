import { z } from "zod";
import { TYPE_BY_CODE, type DocumentTypeCodeData } from "../vocabulary/document-types.js";
import type { GraphData, GraphNode } from "./derive.js";

/**
 * The graph for other tools: JSON (the derived graph as is), GraphML (Gephi, yEd), DOT
 * (Graphviz) and the two CSV files `neo4j-admin database import full` reads. Citations and
 * candidate links are both edges; a candidate is marked as one and never drawn as a citation.
 */

export const exportFormatSchema = z.enum(["json", "graphml", "dot", "neo4j"]);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** "Chỉ thị 20-CT/TW (2012-11-05, Bộ Chính trị)": a node as a person reads it. */
export function nodeLabel(node: GraphNode): string {
  const typeName = TYPE_BY_CODE.get(node.type as DocumentTypeCodeData)?.name ?? node.type;
  const what = node.number !== null ? `${typeName} ${node.number}` : node.family === "named" ? (node.name ?? node.id) : `${typeName} “${(node.name ?? node.id).slice(0, 60)}”`;
  const about = [node.dates[0], node.issuers[0]].filter((x): x is string => x !== undefined);
  return about.length > 0 ? `${what} (${about.join(", ")})` : what;
}

export function exportJson(graph: GraphData): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

const xml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch]!);

const NODE_KEYS = ["label", "status", "type", "number", "scope", "documents"] as const;
const EDGE_KEYS = ["kind", "relation", "count", "match", "document", "score", "reasons"] as const;

export function exportGraphml(graph: GraphData): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...NODE_KEYS.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...EDGE_KEYS.map((k) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${k === "count" ? "int" : k === "score" ? "double" : "string"}"/>`),
    '  <graph id="vanban" edgedefault="directed">',
  ];
  const data = (prefix: string, values: Record<string, string | number | null>): string =>
    Object.entries(values)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `<data key="${prefix}_${k}">${xml(String(v))}</data>`)
      .join("");
  for (const node of graph.nodes) {
    out.push(`    <node id="${xml(node.id)}">${data("n", { label: nodeLabel(node), status: node.status, type: node.type, number: node.number, scope: node.scope, documents: node.documents.join(" ") || null })}</node>`);
  }
  graph.edges.forEach((edge, i) => {
    out.push(`    <edge id="c${i}" source="${xml(edge.source)}" target="${xml(edge.target)}">${data("e", { kind: "cites", relation: edge.relation, count: edge.count, match: edge.match, document: edge.document })}</edge>`);
  });
  graph.candidates.forEach((candidate, i) => {
    out.push(`    <edge id="m${i}" source="${xml(candidate.from)}" target="${xml(candidate.to)}">${data("e", { kind: "candidate", score: candidate.score, reasons: candidate.reasons.join("; ") })}</edge>`);
  });
  out.push("  </graph>", "</graphml>", "");
  return out.join("\n");
}

const dotString = (text: string): string => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

export function exportDot(graph: GraphData): string {
  const out = ["digraph vanban {", "  rankdir=BT;", "  node [shape=box, fontname=Helvetica];"];
  for (const node of graph.nodes) {
    const style = node.status === "placeholder" ? ", style=dashed" : "";
    out.push(`  ${dotString(node.id)} [label=${dotString(nodeLabel(node))}${style}];`);
  }
  for (const edge of graph.edges) {
    const label = edge.count > 1 ? `${edge.relation} ×${edge.count}` : edge.relation;
    out.push(`  ${dotString(edge.source)} -> ${dotString(edge.target)} [label=${dotString(label)}];`);
  }
  for (const candidate of graph.candidates) {
    out.push(`  ${dotString(candidate.from)} -> ${dotString(candidate.to)} [label=${dotString(`candidate ${candidate.score}`)}, style=dotted, color=gray];`);
  }
  out.push("}", "");
  return out.join("\n");
}

const csv = (value: string | number | null): string => (value === null ? "" : `"${String(value).replace(/"/g, '""')}"`);
const csvLine = (values: readonly (string | number | null)[]): string => `${values.map(csv).join(",")}\n`;

/** neo4j-admin's array fields are split on ';' by default. */
const array = (values: readonly string[]): string | null => (values.length === 0 ? null : values.map((v) => v.replace(/;/g, ",")).join(";"));

export const NEO4J_NODE_HEADER = ["id:ID", ":LABEL", "label", "status", "type", "number", "scope", "name", "dates:string[]", "issuers:string[]", "documents:string[]"] as const;
export const NEO4J_RELATIONSHIP_HEADER = [":START_ID", ":END_ID", ":TYPE", "relation", "count:int", "match", "document", "score:float", "reasons"] as const;

/** nodes.csv and relationships.csv; relationship types are the relation in capitals, or MAY_BE for a candidate. */
export function exportNeo4j(graph: GraphData): { nodes: string; relationships: string } {
  let nodes = csvLine(NEO4J_NODE_HEADER);
  for (const node of graph.nodes) {
    const labels = `Document;${node.status === "archived" ? "Archived" : "Placeholder"}`;
    nodes += csvLine([node.id, labels, nodeLabel(node), node.status, node.type, node.number, node.scope, node.name, array(node.dates), array(node.issuers), array(node.documents)]);
  }
  let relationships = csvLine(NEO4J_RELATIONSHIP_HEADER);
  for (const edge of graph.edges) {
    relationships += csvLine([edge.source, edge.target, edge.relation.toUpperCase(), edge.relation, edge.count, edge.match, edge.document, null, null]);
  }
  for (const candidate of graph.candidates) {
    relationships += csvLine([candidate.from, candidate.to, "MAY_BE", null, null, null, null, candidate.score, candidate.reasons.join("; ")]);
  }
  return { nodes, relationships };
}
