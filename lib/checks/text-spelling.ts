import { sharedMap } from "./text-words";
import type { Speller } from "./types";

/**
 * A speller's answers, memoised per article and per speller: nspell is slow per word, and the
 * same words recur across positions, versions and checks.
 */
export function cachedSpelling(shared: Map<string, unknown>, speller: Speller | null): (word: string) => boolean {
  if (!speller) return () => false;
  const caches = sharedMap<Speller, Map<string, boolean>>(shared, "text-spelling:answers");
  let cache = caches.get(speller);
  if (!cache) caches.set(speller, (cache = new Map()));
  const answers = cache;
  return (word) => {
    let known = answers.get(word);
    if (known === undefined) answers.set(word, (known = speller.correct(word)));
    return known;
  };
}
