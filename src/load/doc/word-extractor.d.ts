// word-extractor ships no types; these are the parts vanban calls.
declare module "word-extractor" {
  interface TextOptions {
    /** Default true: turns curly quotes and dashes into ASCII. */
    filterUnicode?: boolean;
  }
  export interface WordDocumentParts {
    getBody(options?: TextOptions): string;
    getFootnotes(options?: TextOptions): string;
    getEndnotes(options?: TextOptions): string;
    getTextboxes(options?: TextOptions & { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: Buffer | string): Promise<WordDocumentParts>;
  }
}
