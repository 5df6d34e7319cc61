// The queue on a Redis Cluster of three masters the test starts itself (redis-server, as CI has it).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connect, evictionWarning } from "../../src/queue/connection.js";
import { queueIngest } from "../../src/queue/ingest.js";
import { WorkerSet } from "../../src/queue/worker.js";
import { freePort, openTestQueue, OwnRedis, queueTestContext, SEED_PATHS, until } from "./helpers.js";

const ctx = queueTestContext();

async function startCluster(dir: string): Promise<string> {
  const nodes: OwnRedis[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const nodeDir = join(dir, `node-${port}`);
    mkdirSync(nodeDir, { recursive: true });
    const node = new OwnRedis(port, nodeDir, ["--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000"]);
    await node.start();
    ctx.afterClose.push(() => node.stop());
    nodes.push(node);
  }
  const created = spawnSync("redis-cli", ["--cluster", "create", ...nodes.map((n) => `127.0.0.1:${n.port}`), "--cluster-replicas", "0", "--cluster-yes"], { encoding: "utf8" });
  if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
  await until(() => nodes.every((n) => /cluster_state:ok/.test(spawnSync("redis-cli", ["-p", String(n.port), "cluster", "info"], { encoding: "utf8" }).stdout)), 100);
  return `redis-cluster://${nodes.map((n) => `127.0.0.1:${n.port}`).join(",")}`;
}

describe("Redis Cluster", () => {
  it("ingests through workers on a three-master cluster: every document stored once, the archive and graph written", async () => {
    const url = await startCluster(join(ctx.work, "cluster"));
    const { queue } = (ctx.test = await openTestQueue({}, url));
    expect(await evictionWarning(queue.redis)).toBeNull();
    ctx.workers = new WorkerSet(queue);
    const archive = join(ctx.work, "archive");
    const summary = await queueIngest(queue, SEED_PATHS, { archiveDir: archive, pollMs: 50 });
    expect(summary).toMatchObject({ extracted: SEED_PATHS.length, failed: 0, interrupted: false });
    expect(await queue.store.count()).toBe(SEED_PATHS.length);
    expect(readdirSync(join(archive, "documents"))).toHaveLength(SEED_PATHS.length);
    expect((await queue.store.graph()).data.nodes.length).toBeGreaterThan(SEED_PATHS.length);
  }, 60_000);

  it.each([
    { url: "redis-cluster://", why: "no nodes" },
    { url: "redis-cluster://10.0.0.1", why: "a node without its port" },
    { url: "redis-cluster://10.0.0.1:7000,:7001", why: "a node without its host" },
  ])("a cluster URL with $why is refused with a clear message", ({ url }) => {
    expect(() => connect(url)).toThrow(/not a Redis Cluster URL/);
  });
});
