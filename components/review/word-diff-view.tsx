import { wordDiff } from "@/lib/text/diff";

/** Original → current as a word-level diff (Intl.Segmenter words, so CJK diffs by word). */
export function WordDiffView({ before, after, lang, label }: { before: string; after: string; lang: string; label: string }) {
  return (
    <span role="group" aria-label={label} data-diff="true">
      {wordDiff(before, after, lang).map((part, index) =>
        part.added ? (
          <ins key={index} className="bg-green-100 text-green-900 no-underline">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index} className="bg-red-100 text-red-900">
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </span>
  );
}
