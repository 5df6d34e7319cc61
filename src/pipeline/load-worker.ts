import { parentPort } from "node:worker_threads";
import { asFailure } from "../errors.js";
import { loadBytes } from "./run.js";
import type { IsolatedLoadRequest, IsolatedLoadReply } from "./isolated.js";

// A parser's chatter must never reach the process's stdout, which carries JSON; piping the
// thread's streams instead would keep an idle thread's handles alive and the process with them.
process.stdout.write = () => true;
console.log = console.info = console.debug = () => undefined;

// Loads one file per message, one at a time. The thread is reused while it stays healthy (pdf.js,
// fonts and the OCR engine load once); the pool throws it away on a timeout or a heap blow-up.
parentPort!.on("message", (request: IsolatedLoadRequest) => {
  const reply = (message: IsolatedLoadReply): void => parentPort!.postMessage(message);
  loadBytes(request.bytes, { fileName: request.fileName, config: request.config }).then(
    (document) => reply({ ok: true, document }),
    (error: unknown) => reply({ ok: false, failure: asFailure(error, request.fileName) }),
  );
});
