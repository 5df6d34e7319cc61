import type { CandidateLink, GraphData, GraphEdge, GraphNode } from "./derive.js";

/** The derived graph with the indexes queries need. Read-only: change the facts, derive again. */
export class ReferenceGraph {
  readonly nodes = new Map<string, GraphNode>();
  private readonly outgoing = new Map<string, GraphEdge[]>();
  private readonly incoming = new Map<string, GraphEdge[]>();
  private readonly candidatesByNode = new Map<string, CandidateLink[]>();
  private readonly nodeByDocument = new Map<string, string>();
  private readonly byNumber = new Map<string, string[]>();
  private readonly byTypeSerial = new Map<string, string[]>();

  constructor(readonly data: GraphData) {
    for (const node of data.nodes) {
      this.nodes.set(node.id, node);
      for (const id of node.documents) this.nodeByDocument.set(id, node.id);
      if (node.number !== null) push(this.byNumber, node.number.toUpperCase(), node.id);
      if (node.serial !== null) push(this.byTypeSerial, `${node.type}:${node.serial}`, node.id);
    }
    for (const edge of data.edges) {
      push(this.outgoing, edge.source, edge);
      push(this.incoming, edge.target, edge);
    }
    for (const candidate of data.candidates) {
      push(this.candidatesByNode, candidate.from, candidate);
      push(this.candidatesByNode, candidate.to, candidate);
    }
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }
  cites(id: string): readonly GraphEdge[] {
    return this.outgoing.get(id) ?? [];
  }
  citedBy(id: string): readonly GraphEdge[] {
    return this.incoming.get(id) ?? [];
  }
  candidates(id: string): readonly CandidateLink[] {
    return this.candidatesByNode.get(id) ?? [];
  }
  nodeOfDocument(documentId: string): string | undefined {
    return this.nodeByDocument.get(documentId);
  }
  withNumber(upperNumber: string): readonly string[] {
    return this.byNumber.get(upperNumber) ?? [];
  }
  withTypeSerial(type: string, serial: string): readonly string[] {
    return this.byTypeSerial.get(`${type}:${serial}`) ?? [];
  }
  /** How many distinct documents cite the node: the rank of `top` and `missing`. */
  citingDocuments(id: string): number {
    return new Set(this.citedBy(id).map((e) => e.document)).size;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
