import { parentPort } from "node:worker_threads";
import { asFailure } from "../errors.js";
import { documentFacts } from "../graph/facts.js";
import { extractBytes } from "../pipeline/run.js";
import type { ExtractReply, ExtractTask } from "./pool.js";

// One long-lived thread of the ingest pool: the whole pipeline and the graph facts of each file,
// so the main thread only reads, hashes and writes.
const port = parentPort!;
port.on("message", (task: ExtractTask) => {
  const reply = (message: ExtractReply): void => port.postMessage(message);
  extractBytes(task.bytes, { fileName: task.fileName, config: task.config }).then(
    (document) => reply({ task: task.task, ok: true, id: document.id, json: JSON.stringify(document), facts: documentFacts(document) }),
    (error: unknown) => reply({ task: task.task, ok: false, failure: asFailure(error, task.fileName) }),
  );
});
