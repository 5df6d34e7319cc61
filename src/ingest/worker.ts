import { parentPort } from "node:worker_threads";
import { asFailure } from "../errors.js";
import { documentFacts } from "../graph/facts.js";
import { loadedDocumentSchema } from "../load/model.js";
import { extractBytes, runStages } from "../pipeline/run.js";
import type { ExtractReply, ExtractTask } from "./pool.js";

// One long-lived thread of the ingest pool: the whole pipeline and the graph facts of each file,
// so the main thread only reads, hashes and writes. The queue's extract stage sends documents
// its load stage read, for the stages after load.
const port = parentPort!;
const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder();
port.on("message", (task: ExtractTask) => {
  const reply = (message: ExtractReply): void => port.postMessage(message);
  const { input } = task;
  const extracted = "bytes" in input ? extractBytes(input.bytes, { fileName: task.fileName, config: task.config }) : Promise.resolve().then(() => runStages(loadedDocumentSchema.parse(JSON.parse(UTF8_DECODER.decode(input.loadedJson)))));
  extracted.then(
    (document) => {
      // Encoded here, into a buffer of its own that is handed over, not copied: the main thread
      // writes the bytes out without decoding or encoding them again.
      const json = UTF8_ENCODER.encode(JSON.stringify(document));
      port.postMessage({ task: task.task, ok: true, id: document.id, json, facts: documentFacts(document) } satisfies ExtractReply, [json.buffer]);
    },
    (error: unknown) => reply({ task: task.task, ok: false, failure: asFailure(error, task.fileName) }),
  );
});
