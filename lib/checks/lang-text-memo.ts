import type { Finding } from "./types";

type Level = Map<unknown, unknown>;

/**
 * A per-article memo of work that depends only on a language, texts and the
 * like: the same paragraph recurs across versions, labels and site lines, so
 * each distinct key is worked out once. It lives in `input.shared`, that is,
 * for one run over one article. Keys are compared by identity (strings by
 * value), one nested map per key part, so that long texts are never joined.
 */
export function textMemo<T>(shared: Map<string, unknown>, name: string): (keys: readonly unknown[], compute: () => T) => T {
  const slot = `lang-text-memo:${name}`;
  let root = shared.get(slot) as Level | undefined;
  if (!root) {
    root = new Map();
    shared.set(slot, root);
  }
  const top = root;
  return (keys, compute) => {
    let level = top;
    const last = keys.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(keys[i]) as Level | undefined;
      if (!next) {
        next = new Map();
        level.set(keys[i], next);
      }
      level = next;
    }
    if (level.has(keys[last])) return level.get(keys[last]) as T;
    const value = compute();
    level.set(keys[last], value);
    return value;
  };
}

/** Memoised findings worked out for one text, placed at a segment: fresh objects, so callers may change them. */
export function placeFindings(findings: readonly Finding[], position: number, into: Finding[]): void {
  for (const finding of findings) {
    const placed = { ...finding, position };
    if (finding.params) placed.params = { ...finding.params };
    into.push(placed);
  }
}
