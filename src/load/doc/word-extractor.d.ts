// word-extractor ships no types; these are the parts vanban calls.

// The OLE extractor class and the text filter, subclassed to read list numbering (src/load/doc/extractor.ts).
declare module "word-extractor/lib/word-ole-extractor.js" {
  interface TextOptions {
    /** Default true: turns curly quotes and dashes into ASCII. */
    filterUnicode?: boolean;
  }
  export interface WordDocumentParts {
    getBody(options?: TextOptions): string;
    getFootnotes(options?: TextOptions): string;
  }
  export interface Piece {
    startCp: number;
    startFilePos: number;
    endFilePos: number;
    bpc: number;
    text: string;
  }
  export default class WordOleExtractor {
    protected _pieces: Piece[];
    protected _boundaries: { ccpText: number; ccpFtn?: number };
    extract(reader: unknown): Promise<WordDocumentParts>;
    protected writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
    protected buildDocument(): WordDocumentParts & { _body: string; _footnotes: string };
  }
}
declare module "word-extractor/lib/filters.js" {
  export function clean(text: string): string;
}
declare module "word-extractor/lib/buffer-reader.js" {
  export default class BufferReader {
    constructor(buffer: Buffer);
    open(): Promise<void>;
    close(): Promise<void>;
  }
}
