import type { RedisConnection } from "./connection.js";
import { VanbanError } from "../errors.js";
import { deriveGraph } from "../graph/derive.js";
import { documentFactSchema, type DocumentFact } from "../graph/facts.js";
import { ReferenceGraph } from "../graph/graph.js";
import type { GraphStore, SourceRecord } from "../graph/store.js";
import type { ArchivedDocument } from "../ingest/archive.js";
import { keys, sourceValueSchema, type Keys } from "./config.js";

/**
 * Stores a document the first time its id is seen, and only then: facts, the staged document
 * and an entry in the order list in one step, so a link job that runs twice (a retry, a worker
 * killed after storing but before acknowledging) cannot store it twice. The source record, the
 * cleared failure and the deleted bytes, loaded and staged documents are idempotent and done every time.
 * Returns 1 when this call stored the document, 0 when it was stored already, -1 when it was not
 * and its staged JSON is gone.
 */
const PUT_ONCE = `
local added = 0
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  local json = redis.call('GET', KEYS[8])
  if not json then return -1 end
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  redis.call('HSET', KEYS[2], ARGV[1], json)
  redis.call('RPUSH', KEYS[4], ARGV[1])
  redis.call('INCR', KEYS[5])
  added = 1
end
redis.call('HSET', KEYS[3], ARGV[3], ARGV[4])
redis.call('HDEL', KEYS[6], ARGV[3])
redis.call('DEL', KEYS[7], KEYS[8], KEYS[9])
return added
`;

/** The connection with PUT_ONCE defined on it: sent by its SHA1, not its text, after the first call. */
type PutOnceConnection = RedisConnection & { vanbanPutOnce(...keysThenArgs: string[]): Promise<number> };

function withPutOnce(redis: RedisConnection): PutOnceConnection {
  if (!("vanbanPutOnce" in redis)) redis.defineCommand("vanbanPutOnce", { numberOfKeys: 9, lua: PUT_ONCE });
  return redis as PutOnceConnection;
}

/**
 * The graph and document store in Redis, behind the embedded store's interface: the facts in a
 * hash keyed by document id, the source map in a hash keyed by sha256, and the graph derived from
 * the facts exactly as the embedded store derives it, so both give the same graph. Every key
 * carries the prefix's hash tag. The connection is the process's and is not closed here.
 */
export class RedisGraphStore implements GraphStore {
  private readonly keys: Keys;
  private readonly redis: PutOnceConnection;
  private derived: { version: string; graph: ReferenceGraph } | null = null;

  constructor(redis: RedisConnection, prefix: string) {
    this.redis = withPutOnce(redis);
    this.keys = keys(prefix);
  }

  async putDocuments(facts: readonly DocumentFact[], sources: readonly SourceRecord[] = []): Promise<void> {
    if (facts.length === 0 && sources.length === 0) return;
    const multi = this.redis.multi();
    for (const fact of facts) multi.hset(this.keys.facts, fact.id, JSON.stringify(fact));
    for (const source of sources) multi.hset(this.keys.sources, source.sha256, JSON.stringify({ id: source.id, file: source.file }));
    multi.incr(this.keys.version);
    await multi.exec();
  }

  /** The extract stage: the document's JSON, until the link step stores it (or the time to live runs out). */
  async stage(sha256: string, json: Uint8Array, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.keys.staged(sha256), Buffer.from(json.buffer, json.byteOffset, json.byteLength), "EX", ttlSeconds);
  }

  /** The link step: stores the staged document unless its id is stored already; true when this call stored it. */
  async putOnce(document: Omit<ArchivedDocument, "json">): Promise<boolean> {
    const k = this.keys;
    const added = await this.redis.vanbanPutOnce(
      k.facts,
      k.documents,
      k.sources,
      k.order,
      k.version,
      k.failures,
      k.bytes(document.sha256),
      k.staged(document.sha256),
      k.loaded(document.sha256),
      document.id,
      JSON.stringify(document.facts),
      document.sha256,
      JSON.stringify({ id: document.id, file: document.file }),
    );
    if (added === -1) throw new VanbanError("internal", `the extracted document ${document.id} is no longer staged in Redis (evicted, or its time to live ran out): 'vanban retry' extracts it again`);
    return added === 1;
  }

  async sources(): Promise<ReadonlyMap<string, string>> {
    const all = await this.redis.hgetall(this.keys.sources);
    return new Map(Object.entries(all).map(([sha, value]) => [sha, sourceValueSchema.parse(JSON.parse(value)).id]));
  }

  /** sha256 -> { id, file } for these bytes, null where they are not stored. */
  async sourcesOf(sha256s: readonly string[]): Promise<({ id: string; file: string } | null)[]> {
    if (sha256s.length === 0) return [];
    const values = await this.redis.hmget(this.keys.sources, ...sha256s);
    return values.map((v) => (v === null ? null : sourceValueSchema.parse(JSON.parse(v))));
  }

  async documentFacts(): Promise<readonly DocumentFact[]> {
    const all = await this.redis.hgetall(this.keys.facts);
    return Object.values(all).map((value) => documentFactSchema.parse(JSON.parse(value)));
  }

  /**
   * The stored documents' JSON as UTF-8, in the order asked; a missing one is a broken invariant.
   * Bytes, not strings: they are written out as they came, and decoding a document's tens of kB
   * of Vietnamese costs more than the whole round trip.
   */
  async documents(ids: readonly string[]): Promise<Buffer[]> {
    if (ids.length === 0) return [];
    const jsons = await this.redis.hmgetBuffer(this.keys.documents, ...ids);
    return jsons.map((json, i) => {
      if (json === null || json === undefined) throw new VanbanError("internal", `document ${ids[i]} is in the source map but not in the store`);
      return json;
    });
  }

  /** The stored documents' JSON and facts, in the order asked: what a waiter archives or hands on. */
  async finished(ids: readonly string[]): Promise<{ json: Buffer; facts: DocumentFact }[]> {
    const [jsons, facts] = await Promise.all([this.documents(ids), this.factsOf(ids)]);
    return ids.map((_, i) => ({ json: jsons[i]!, facts: facts[i]! }));
  }

  async factsOf(ids: readonly string[]): Promise<DocumentFact[]> {
    if (ids.length === 0) return [];
    const values = await this.redis.hmget(this.keys.facts, ...ids);
    return values.map((value, i) => {
      if (value === null) throw new VanbanError("internal", `no facts stored for document ${ids[i]}`);
      return documentFactSchema.parse(JSON.parse(value));
    });
  }

  /** Every id in the order it was stored: one entry per store, so a duplicate would show here. */
  async storedOrder(): Promise<string[]> {
    return this.redis.lrange(this.keys.order, 0, -1);
  }

  async count(): Promise<number> {
    return this.redis.hlen(this.keys.facts);
  }

  async graph(): Promise<ReferenceGraph> {
    // Derived again only when a write happened since: the version counts writes.
    const version = (await this.redis.get(this.keys.version)) ?? "0";
    if (this.derived?.version !== version) this.derived = { version, graph: new ReferenceGraph(deriveGraph(await this.documentFacts())) };
    return this.derived.graph;
  }

  async close(): Promise<void> {
    this.derived = null;
  }
}
