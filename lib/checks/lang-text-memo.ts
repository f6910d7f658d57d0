import type { Finding } from "./types";

/** Memoised findings worked out for one text, placed at a segment: fresh objects, so callers may change them. */
export function placeFindings(findings: readonly Finding[], position: number, into: Finding[]): void {
  for (const finding of findings) {
    const placed = { ...finding, position };
    if (finding.params) placed.params = { ...finding.params };
    into.push(placed);
  }
}
