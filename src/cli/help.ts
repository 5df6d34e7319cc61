import { failureSchema, FORMATS } from "../index.js";

export function mainHelp(version: string): string {
  return `vanban ${version}: Vietnamese administrative documents as typed JSON

Usage:
  vanban extract <file...> [--out DIR] [--pipeline FILE] [--pretty]
  vanban ingest <file or folder...> --archive DIR [--workers N] [--pipeline FILE]
  vanban ingest <file or folder...> --redis URL [--archive DIR | --detach]
  vanban worker --redis URL [--concurrency N]
  vanban status --redis URL [--json]
  vanban retry --redis URL
  vanban graph <query> [<doc>...] --archive DIR | --redis URL [--json]
  vanban serve [--port N] [--archive DIR] [--redis URL]
  vanban --help
  vanban --version

Commands:
  extract          extract one document from each input file ('vanban extract --help')
  ingest           extract many files into an archive and build its reference graph ('vanban ingest --help')
  graph            query or export an archive's reference graph ('vanban graph --help')
  worker           run the pipeline's queue jobs on this machine ('vanban worker --help')
  status           counts per stage of the queue, and its failures with their reasons
  retry            queue the failed documents again
  serve            HTTP API and review page over an archive ('vanban serve --help')

REDIS_URL stands in for --redis URL.

Options:
  -h, --help       show this help
  -V, --version    print the version

Example:
  vanban extract ke-hoach.txt --pretty
`;
}

export function extractHelp(): string {
  return `Usage: vanban extract <file...> [--out DIR] [--pipeline FILE] [--pretty]

Reads each file, extracts one document from it and writes the document as JSON.

Options:
  -o, --out DIR         write DIR/<file name without extension>.json for each input,
                        indented, instead of printing; DIR is created when missing
  -p, --pipeline FILE   pipeline definition (JSON) to run instead of the default
                        (pipelines/default.json); an invalid one stops before any input is read
      --pretty          indent the JSON printed for a single input
  -h, --help            show this help

Output:
  Without --out, one input prints its document (one line, or indented with --pretty);
  several inputs print NDJSON: one line per extracted document, in input order.
  stdout carries documents only. Each input that fails prints one line on stderr,
    vanban: <file>: <code>: <message>
  and the other inputs still run. Codes: ${failureSchema.shape.code.options.join(", ")}.

Exit status:
  0 every input extracted, 1 at least one input failed, 2 usage error or invalid pipeline

Examples:
  vanban extract ke-hoach.txt --pretty
  vanban extract fixtures/seeds/*.txt --out out/
  vanban extract a.txt b.txt --pipeline pipelines/default.json > documents.ndjson
`;
}

const QUEUE_OPTIONS_HELP = `  -r, --redis URL       the queue's Redis (redis://host:6379, or redis-cluster://h1:7000,h2:7000); REDIS_URL stands in for it
      --prefix {NAME}   the queue's key prefix, a Redis Cluster hash tag (default {vanban})`;

export function ingestHelp(): string {
  const extensions = FORMATS.flatMap((f) => f.extensions).join(" ");
  return `Usage: vanban ingest <file or folder...> --archive DIR [--workers N] [--pipeline FILE]
       vanban ingest <file or folder...> --redis URL [--archive DIR | --detach]

Extracts every file (folders are walked for ${extensions}) into the archive DIR, on
every core, and builds the graph of the documents they cite.

With --redis the files go to a BullMQ queue instead, a flow per document (load → extract →
link into the graph in Redis), for 'vanban worker' processes on any machine. The command waits,
showing progress, until every document is stored or failed; with --archive it then writes the
documents and graph to DIR exactly as embedded ingest does. A file already stored (the same
sha256) is not queued again.

Options:
  -a, --archive DIR     the archive; created when missing, extended when not
  -w, --workers N       worker threads (default: one per core; not with --redis)
  -p, --pipeline FILE   pipeline definition instead of pipelines/default.json (with --redis,
                        only its byte limit applies here: the workers run their own)
${QUEUE_OPTIONS_HELP}
      --detach          with --redis: return once every file is queued
      --attempts N      tries of a document whose error is retryable (default 5)
      --backoff MS      the first retry's delay, doubling each time (default 1000)
  -h, --help            show this help

The archive:
  DIR/documents/<id>.json   each document      DIR/documents.ndjson   all of them, one a line
  DIR/failures.ndjson       file, code, message of each input that failed
  DIR/graph/facts.log       the graph's facts (append-only, checksummed); graph/graph.json a snapshot

Files whose bytes are already in the archive (sha256) are skipped, so running the same command
again after an interruption (Ctrl-C, a crash) resumes, and running it on new files extends the
graph. A file that fails is recorded and the others go on. Progress goes to stderr: a bar on a
terminal, a line every few seconds otherwise.

Exit status:
  0 every file archived, 1 some file failed or the run was interrupted, 2 usage error

Examples:
  vanban ingest fixtures/seeds --archive archive/
  vanban ingest new-documents/ --archive archive/ --workers 4
`;
}

export function graphHelp(): string {
  return `Usage: vanban graph <query> [<doc>...] --archive DIR | --redis URL [--json]

Queries:
  cites <doc>                       what the document cites, with relation and count
  cited-by <doc>                    the documents that cite it
  chain <doc> --up|--down [--depth N]
                                    follow citations up (what it implements, and so on) or
                                    down (what implements it), N levels (default 5)
  path <a> <b>                      the shortest chain of citations between two documents
  missing [--limit N]               cited but not archived, most cited first (default 20)
  top [--limit N]                   most cited documents, archived or not
  export --format json|graphml|dot|neo4j [--out PATH]
                                    the whole graph; json, graphml and dot go to stdout or
                                    PATH; neo4j writes nodes.csv and relationships.csv into
                                    PATH (default DIR/export/neo4j) for neo4j-admin import

<doc> is typed as a person would: a number (20-CT/TW, 45/KH-UBND), a type and serial
(Chỉ thị 20), a name (Luật Trẻ em), a document id (vb_…) or a node id from another answer.
When it may mean several documents they are listed and nothing is guessed (exit status 1).

Near misses (same type and serial, conflicting date, issuer code or scope) are never merged:
they are shown as "may be the same as …" with a score and the reasons.

Options:
  -a, --archive DIR   the archive written by 'vanban ingest'
  -r, --redis URL     the graph the queue's workers link into, instead of an archive's
      --prefix {NAME} the queue's key prefix (default {vanban})
      --json          one JSON value on stdout instead of text
  -h, --help          show this help

Examples:
  vanban graph chain 89/KH-MNHL --up --archive archive/
  vanban graph cited-by "Chỉ thị 20" --archive archive/
  vanban graph missing --archive archive/ --json
  vanban graph export --format graphml --archive archive/ > graph.graphml
`;
}

export function workerHelp(): string {
  return `Usage: vanban worker --redis URL [--concurrency N] [--pipeline FILE]

Runs the queue's jobs on this machine until SIGTERM or Ctrl-C (which let the jobs in hand
finish): load (bytes from Redis; PDF, DOCX, .doc and images in a thread of their own), extract
(normalise → segment → extract → validate, in worker threads) and link (the document and its
facts into the store in Redis, once). Start as many as you like, on as many machines, against
one Redis; a worker that dies loses nothing: its jobs come back to the others once its locks
run out.

Options:
${QUEUE_OPTIONS_HELP}
  -c, --concurrency N   jobs at a time per stage (default 4)
  -t, --threads N       extract threads (default: one per core)
  -p, --pipeline FILE   pipeline definition instead of pipelines/default.json
      --lock-duration MS    a job's lock; a dead worker's jobs return after it (default 30000)
      --stalled-interval MS how often to look for jobs of dead workers (default 30000)
      --max-stalled N       times a job may lose its worker before it fails (default 5)
  -h, --help            show this help
`;
}

export function statusHelp(): string {
  return `Usage: vanban status --redis URL [--prefix {NAME}] [--json]

Counts per stage (waiting, waiting for children, active, delayed, completed, failed), the
documents stored, and every failed document with its stage, code, reason and tries. Warns when
Redis's maxmemory-policy is not noeviction.
`;
}

export function retryHelp(): string {
  return `Usage: vanban retry --redis URL [--prefix {NAME}]

Queues every failed document again whose bytes are still in Redis (they are kept for a week).
`;
}

export function serveHelp(): string {
  return `Usage: vanban serve [--port N] [--host ADDR] [--archive DIR] [--pipeline FILE] [--workers N]
       vanban serve --redis URL [--archive DIR] [--port N]

Serves the review page (in Vietnamese) at / and the HTTP API under /api over an archive: upload
files, follow their jobs, search, read and correct documents, query the citation graph, export
NDJSON. The OpenAPI document is at /api/openapi.json.

Uploads are extracted by this process's worker threads, or with --redis by 'vanban worker'
processes; either way the documents land in the archive as 'vanban ingest' writes them, and
corrections are kept beside them in corrections.ndjson (never overwriting the machine's values).

Write routes (upload, correct) need 'Authorization: Bearer <token>': the token is VANBAN_TOKEN,
or, when that is not set, one made up at start and printed with the page's address.

Options:
  -a, --archive DIR     the archive (default ./vanban-archive; made when missing)
      --port N          port (default 8080; 0 picks a free one)
      --host ADDR       address to listen on (default 127.0.0.1: this machine only)
  -p, --pipeline FILE   pipeline definition: limits (maxBytes is the upload limit per file)
  -w, --workers N       extract threads (default: one per core)
  -r, --redis URL       extract on the queue instead (see 'vanban worker --help')
  -h, --help            show this help

Stops on Ctrl-C or SIGTERM after the uploads in hand are done.
`;
}
