/**
 * Every match of a global expression, as `text.matchAll(re)` gives them from a fresh
 * expression. matchAll clones the expression through its species constructor on each call,
 * about a microsecond, more than the match itself on a short line; the rules of deadlines,
 * dates and numbers run hundreds of times a document. The matches are all collected before
 * any is used, so a caller may run the same expression again inside its loop.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global expression: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match moves on by one character (a whole surrogate pair under /u), as matchAll does.
    if (m[0] === "") re.lastIndex = advance(text, re.lastIndex, re.unicode);
  }
  // exec leaves lastIndex at 0 when it finds no more.
  return out;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const first = text.charCodeAt(index);
  const second = text.charCodeAt(index + 1);
  return first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff ? index + 2 : index + 1;
}
