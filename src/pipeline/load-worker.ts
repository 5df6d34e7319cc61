import { parentPort, workerData } from "node:worker_threads";
import { asFailure } from "../errors.js";
import { loadBytes } from "./run.js";
import type { IsolatedLoadRequest, IsolatedLoadReply } from "./isolated.js";

// One load per worker: the thread is thrown away afterwards, taking whatever a hostile file
// made the parser allocate with it.
const request = workerData as IsolatedLoadRequest;
const reply = (message: IsolatedLoadReply): void => parentPort!.postMessage(message);
loadBytes(request.bytes, { fileName: request.fileName, config: request.config }).then(
  (document) => reply({ ok: true, document }),
  (error: unknown) => reply({ ok: false, failure: asFailure(error, request.fileName) }),
);
