import { failureSchema, FORMATS } from "../index.js";

export function mainHelp(version: string): string {
  return `vanban ${version}: Vietnamese administrative documents as typed JSON

Usage:
  vanban extract <file...> [--out DIR] [--pipeline FILE] [--pretty]
  vanban ingest <file or folder...> --archive DIR [--workers N] [--pipeline FILE]
  vanban graph <query> [<doc>...] --archive DIR [--json]
  vanban --help
  vanban --version

Commands:
  extract          extract one document from each input file ('vanban extract --help')
  ingest           extract many files into an archive and build its reference graph ('vanban ingest --help')
  graph            query or export an archive's reference graph ('vanban graph --help')

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

export function ingestHelp(): string {
  const extensions = FORMATS.flatMap((f) => f.extensions).join(" ");
  return `Usage: vanban ingest <file or folder...> --archive DIR [--workers N] [--pipeline FILE]

Extracts every file (folders are walked for ${extensions}) into the archive DIR, on
every core, and builds the graph of the documents they cite.

Options:
  -a, --archive DIR     the archive; created when missing, extended when not
  -w, --workers N       worker threads (default: one per core)
  -p, --pipeline FILE   pipeline definition instead of pipelines/default.json
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
  return `Usage: vanban graph <query> [<doc>...] --archive DIR [--json]

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
      --json          one JSON value on stdout instead of text
  -h, --help          show this help

Examples:
  vanban graph chain 89/KH-MNHL --up --archive archive/
  vanban graph cited-by "Chỉ thị 20" --archive archive/
  vanban graph missing --archive archive/ --json
  vanban graph export --format graphml --archive archive/ > graph.graphml
`;
}
