import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { CandidateLink, GraphEdge, GraphNode } from "../graph/derive.js";
import { exportDot, exportGraphml, exportJson, exportNeo4j, nodeLabel } from "../graph/export.js";
import type { ReferenceGraph } from "../graph/graph.js";
import { chain, findNodes, missing, path, top, type Ranked } from "../graph/queries.js";
import { FileGraphStore } from "../graph/store.js";
import type { GraphCommand } from "./args.js";
import { osReason, writeFileAtomic } from "./files.js";
import { EXIT, type ExitCode, type Io } from "./io.js";
import { withQueue } from "./queue.js";

/** A node for people: its label, its id, and whether the archive holds it. */
const shown = (node: GraphNode): string => `${nodeLabel(node)}  [${node.id}]${node.status === "placeholder" ? "  not archived" : ""}`;
const edgeWord = (edge: GraphEdge): string => `${edge.relation}${edge.count > 1 ? ` ×${edge.count}` : ""}${edge.match === "exact" || edge.match === "placeholder" ? "" : ` (${edge.match})`}`;
const candidateLine = (graph: ReferenceGraph, candidate: CandidateLink, of: string): string => {
  const other = graph.node(candidate.from === of ? candidate.to : candidate.from)!;
  return `    may be the same as ${shown(other)}: score ${candidate.score}; ${candidate.reasons.join("; ")}`;
};

export async function runGraph(command: GraphCommand, io: Io): Promise<ExitCode> {
  const { source } = command;
  if (!("archive" in source)) return withQueue(source, io, async (queue) => answer(command, await queue.store.graph(), io));
  if (!existsSync(join(source.archive, "graph", "facts.log"))) {
    io.stderr(`vanban: ${source.archive} is not an archive (no graph/facts.log): run 'vanban ingest <files> --archive ${source.archive}' first\n`);
    return EXIT.usage;
  }
  const { graph, warnings } = await FileGraphStore.readGraph(source.archive);
  for (const warning of warnings) io.stderr(`vanban: ${join(source.archive, "graph", "facts.log")}: line ${warning.line}: ${warning.reason}\n`);
  return answer(command, graph, io);
}

/** The one node `typed` names, or null after showing why not (nothing, or several). */
function oneNode(graph: ReferenceGraph, typed: string, command: GraphCommand, io: Io): GraphNode | null {
  const found = findNodes(graph, typed);
  if (found.length === 1) return found[0]!;
  if (command.json) io.stdout(`${JSON.stringify({ query: typed, error: found.length === 0 ? "not-found" : "ambiguous", matches: found })}\n`);
  if (found.length === 0) io.stderr(`vanban: no document in the graph matches '${typed}'\n`);
  else io.stderr(`vanban: '${typed}' is ambiguous; it may mean:\n${found.map((n) => `  ${shown(n)}\n`).join("")}Name one by its id.\n`);
  return null;
}

async function answer(command: GraphCommand, graph: ReferenceGraph, io: Io): Promise<ExitCode> {
  const { query } = command;
  const print = (human: string, json: unknown): void => io.stdout(command.json ? `${JSON.stringify(json)}\n` : human);
  switch (query.query) {
    case "cites":
    case "cited-by": {
      const node = oneNode(graph, query.doc, command, io);
      if (node === null) return EXIT.inputFailed;
      const up = query.query === "cites";
      const edges = up ? graph.cites(node.id) : graph.citedBy(node.id);
      const candidates = graph.candidates(node.id);
      const lines = edges.map((e) => `  ${edgeWord(e)}  ${shown(graph.node(up ? e.target : e.source)!)}\n`);
      print(
        `${shown(node)}\n${up ? "cites" : "is cited by"} ${edges.length}:\n${lines.join("")}${candidates.map((c) => `${candidateLine(graph, c, node.id)}\n`).join("")}`,
        { node, edges, candidates },
      );
      return EXIT.ok;
    }
    case "chain": {
      const node = oneNode(graph, query.doc, command, io);
      if (node === null) return EXIT.inputFailed;
      const steps = chain(graph, node.id, query.direction, query.depth);
      const lines = steps.map((s) => `${"  ".repeat(s.depth)}${edgeWord(s.via)}  ${shown(s.node)}\n`);
      print(`${shown(node)}\n${lines.join("") || "  (nothing)\n"}`, { node, direction: query.direction, steps: steps.map((s) => ({ depth: s.depth, node: s.node, via: s.via })) });
      return EXIT.ok;
    }
    case "path": {
      const from = oneNode(graph, query.from, command, io);
      const to = from === null ? null : oneNode(graph, query.to, command, io);
      if (from === null || to === null) return EXIT.inputFailed;
      const steps = path(graph, from.id, to.id);
      if (steps === null) {
        print(`no path between ${shown(from)} and ${shown(to)}\n`, { from, to, steps: null });
        return EXIT.inputFailed;
      }
      const lines = steps.map((s) => `  ${s.direction === "cites" ? "→ cites" : "← cited by"} (${edgeWord(s.edge)})  ${shown(s.node)}\n`);
      print(`${shown(from)}\n${lines.join("")}`, { from, to, steps });
      return EXIT.ok;
    }
    case "missing":
    case "top": {
      const ranked: Ranked[] = query.query === "missing" ? missing(graph, query.limit) : top(graph, query.limit);
      const lines = ranked.map(
        (r, i) => `${String(i + 1).padStart(3)}. cited by ${r.citingDocuments}  ${shown(r.node)}\n${r.candidates.map((c) => `${candidateLine(graph, c, r.node.id)}\n`).join("")}`,
      );
      print(lines.join("") || "(none)\n", ranked);
      return EXIT.ok;
    }
    case "export":
      return exportGraph(command, query, graph, io);
  }
}

async function exportGraph(command: GraphCommand, query: Extract<GraphCommand["query"], { query: "export" }>, graph: ReferenceGraph, io: Io): Promise<ExitCode> {
  try {
    if (query.format === "neo4j") {
      const dir = query.out ?? ("archive" in command.source ? join(command.source.archive, "export", "neo4j") : join("export", "neo4j"));
      await mkdir(dir, { recursive: true });
      const { nodes, relationships } = exportNeo4j(graph.data);
      await writeFileAtomic(join(dir, "nodes.csv"), nodes);
      await writeFileAtomic(join(dir, "relationships.csv"), relationships);
      io.stderr(`vanban: wrote ${join(dir, "nodes.csv")} and ${join(dir, "relationships.csv")}\n  neo4j-admin database import full --nodes=${join(dir, "nodes.csv")} --relationships=${join(dir, "relationships.csv")} <database>\n`);
      return EXIT.ok;
    }
    const text = { json: exportJson, graphml: exportGraphml, dot: exportDot }[query.format](graph.data);
    if (query.out === null) io.stdout(text);
    else await writeFileAtomic(query.out, text);
    return EXIT.ok;
  } catch (error) {
    io.stderr(`vanban: cannot write the export: ${osReason(error)}\n`);
    return EXIT.inputFailed;
  }
}
