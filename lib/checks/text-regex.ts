/** The code point that ends right before `index` (a surrogate pair counts as one), as a string. */
function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1];
}

/**
 * The next match of a global regex that no character of `before` precedes: the same matches as the
 * regex with a leading negative lookbehind (?<![…]), found about twice as fast, since V8 tests a
 * leading lookbehind at every position of the text and this only where the rest of the regex matched.
 * The regex must not match at a trailing surrogate (its matches open with a letter of the BMP).
 */
export function execNotAfter(regex: RegExp, text: string, before: RegExp): RegExpExecArray | null {
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match.index === 0 || !before.test(codePointBefore(text, match.index))) return match;
    regex.lastIndex = match.index + 1;
  }
  return null;
}
