import type { SandboxedJob } from "bullmq";
import { documentFacts } from "../graph/facts.js";
import { loadedDocumentSchema } from "../load/model.js";
import { runStages } from "../pipeline/run.js";
import type { ExtractResult } from "./config.js";

/**
 * The extract stage as a BullMQ sandboxed processor, run in a worker thread: normalise → segment
 * → extract → validate over the load job's document, and the graph facts of the result. Its
 * errors are all retryable (a schema failure is a bug, not the input's fault).
 */
export default async function extract(job: SandboxedJob): Promise<ExtractResult> {
  const values = Object.values(await job.getChildrenValues());
  if (values.length !== 1) throw new Error(`internal: the extract job has ${values.length} load results, not one`);
  const document = runStages(loadedDocumentSchema.parse(values[0]));
  return { id: document.id, json: JSON.stringify(document), facts: documentFacts(document) };
}
