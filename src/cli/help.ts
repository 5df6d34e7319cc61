import { failureSchema } from "../index.js";

export function mainHelp(version: string): string {
  return `vanban ${version}: Vietnamese administrative documents as typed JSON

Usage:
  vanban extract <file...> [--out DIR] [--pipeline FILE] [--pretty]
  vanban --help
  vanban --version

Commands:
  extract          extract one document from each input file ('vanban extract --help')

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
