// The CLI's file helpers live in src/fs, where ingest and the queue read them too.
export { osReason, readInput } from "../fs/read.js";
export { writeFileAtomic } from "../fs/atomic.js";
