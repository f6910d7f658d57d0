import { segmentsByPosition } from "./lang-scripts";
import type { Check, Finding } from "./types";
import type { FindingMessageId } from "./messages";
import { inScope } from "./types";

function finding(position: number, level: Finding["level"], messageId: FindingMessageId, message: string, params: Finding["params"], mqmCategory: string): Finding {
  return { checkId: "structure", position, start: 0, end: 0, level, message, messageId, params, mqmCategory };
}

/**
 * Alignment gaps against the source. A position the source has and this
 * version lacks is reported at that very position (start = end = 0), so the
 * grid can show it on the empty "missing" cell; an empty segment counts the
 * same. A position beyond or outside the source's is extra text. Missing
 * paragraphs and titles are errors; missing headings and site lines warnings.
 */
export const structureCheck: Check = {
  id: "structure",
  // "After the end of the source" depends on where the source ends.
  context(input) {
    return input.source ? String(Math.max(-Infinity, ...input.source.segments.map((segment) => segment.position))) : "";
  },
  run(input) {
    const { version, source } = input;
    if (!source || version.isSource) return [];
    // The per-article maps the other checks build: no map or set of its own per version.
    const mine = segmentsByPosition(version, input.shared);
    const sourcePositions = segmentsByPosition(source, input.shared);
    const findings: Finding[] = [];
    for (const sourceSegment of source.segments) {
      if (sourceSegment.text.trim() === "" || !inScope(input, sourceSegment.position)) continue;
      const kind = sourceSegment.kind;
      const level = kind === "paragraph" || kind === "title" ? "error" : "warning";
      const segment = mine.get(sourceSegment.position);
      if (!segment) {
        findings.push(finding(sourceSegment.position, level, "structure.missing", `Missing: the source has a ${kind} here and this version has nothing`, { kind }, "Accuracy/Omission"));
      } else if (segment.text.trim() === "") {
        findings.push(finding(sourceSegment.position, level, "structure.empty", `Empty: the source has a ${kind} here`, { kind }, "Accuracy/Omission"));
      }
    }
    const lastSource = Math.max(-Infinity, ...sourcePositions.keys());
    for (const segment of version.segments) {
      if (sourcePositions.has(segment.position) || segment.text.trim() === "" || !inScope(input, segment.position)) continue;
      const beyond = segment.position > lastSource;
      findings.push(
        finding(
          segment.position,
          "warning",
          beyond ? "structure.extraBeyond" : "structure.extra",
          beyond ? "Extra: this segment comes after the end of the source" : "Extra: the source has no segment at this position",
          { beyond: beyond ? 1 : 0 },
          "Accuracy/Addition",
        ),
      );
    }
    return findings;
  },
};
