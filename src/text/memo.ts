/**
 * A memo of the last few answers, for work asked again about the same text a few calls apart
 * (the tokens of a sentence asked for its leads, then its assignees). A memo kept to the end of
 * the document held every sentence's answers alive across young collections: V8 promoted them
 * to the old generation (three quarters of all it promoted) and scavenges took twice as long.
 */
export class RecentMemo<V> {
  private readonly keys: Array<string | undefined>;
  private readonly values: Array<V | undefined>;
  private next = 0;

  constructor(
    size: number,
    private readonly compute: (key: string) => V,
  ) {
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.values = new Array<V | undefined>(size).fill(undefined);
  }

  get(key: string): V {
    for (let k = 0; k < this.keys.length; k++) if (this.keys[k] === key) return this.values[k]!;
    const value = this.compute(key);
    this.keys[this.next] = key;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.keys.length;
    return value;
  }

  clear(): void {
    this.keys.fill(undefined);
    this.values.fill(undefined);
    this.next = 0;
  }
}

/**
 * Every answer about a key, kept to the end of the document: for the few keys asked about again
 * and again (headings, which every leaf below them asks about). Cleared by `forgetDocument`.
 */
export class DocumentMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly compute: (key: string) => V) {
    perDocument(this);
  }

  get(key: string): V {
    const known = this.values.get(key);
    // One lookup for a hit: only an answer that is itself undefined asks twice.
    if (known !== undefined || this.values.has(key)) return known as V;
    const value = this.compute(key);
    this.values.set(key, value);
    return value;
  }

  clear(): void {
    this.values.clear();
  }
}

/** Memos that hold one document's text: cleared between documents, so none outlives its document. */
const PER_DOCUMENT: Array<{ clear(): void }> = [];

/** Registers a memo to be cleared by `forgetDocument`. */
export function perDocument<T extends { clear(): void }>(memo: T): T {
  PER_DOCUMENT.push(memo);
  return memo;
}

export function forgetDocument(): void {
  for (const memo of PER_DOCUMENT) memo.clear();
}
