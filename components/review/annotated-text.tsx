import { currentHighlights, splitByHighlights, type HighlightSource } from "@/lib/text/highlights";
import { useFindingText, type DescribedFinding } from "./finding-text";

export interface HighlightAnnotation extends HighlightSource {
  severity: string;
  category: string;
  note: string | null;
}

/** An automatic finding, drawn as a dotted underline (offsets into the current text). */
export interface TextFinding extends DescribedFinding {
  checkId: string;
  start: number;
  end: number;
  level: "error" | "warning";
  suggestion: string | null;
}

const FINDING_STYLES: Record<TextFinding["level"], string> = {
  error: "underline decoration-dotted decoration-2 decoration-red-600 underline-offset-2",
  warning: "underline decoration-dotted decoration-2 decoration-amber-500 underline-offset-2",
};

/**
 * Cuts a run of text at the findings' edges; pieces under a finding carry it
 * (the first one when findings overlap). Whole-segment findings draw nothing here.
 */
function withFindings(text: string, offset: number, findings: readonly TextFinding[]): { text: string; finding: TextFinding | null }[] {
  const inside = findings.filter((f) => f.end > f.start && f.start < offset + text.length && f.end > offset);
  if (inside.length === 0) return [{ text, finding: null }];
  const cuts = new Set([0, text.length]);
  for (const f of inside) {
    cuts.add(Math.max(0, f.start - offset));
    cuts.add(Math.min(text.length, f.end - offset));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: { text: string; finding: TextFinding | null }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] + offset;
    const finding = inside.find((f) => f.start <= from && f.end > from) ?? null;
    pieces.push({ text: text.slice(points[i], points[i + 1]), finding });
  }
  return pieces;
}

function FindingRuns({ text, offset, findings, describe }: { text: string; offset: number; findings: readonly TextFinding[]; describe: (finding: TextFinding) => string }) {
  return (
    <>
      {withFindings(text, offset, findings).map((piece, index) =>
        piece.finding ? (
          <span
            key={index}
            data-finding={piece.finding.checkId}
            data-level={piece.finding.level}
            title={piece.finding.suggestion ? `${describe(piece.finding)} → ${piece.finding.suggestion}` : describe(piece.finding)}
            className={FINDING_STYLES[piece.finding.level]}
          >
            {piece.text}
          </span>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}

const SEVERITY_STYLES: Record<string, string> = {
  major: "bg-red-200/80 decoration-red-700",
  minor: "bg-amber-200/80 decoration-amber-700",
  neutral: "bg-sky-100 decoration-sky-700",
};

/**
 * A segment's current text with its annotations highlighted by severity.
 * Only text nodes are rendered inside, so selection offsets equal text offsets.
 */
export function AnnotatedText<A extends HighlightAnnotation>({
  originalText,
  text,
  revision,
  annotations,
  findings = [],
  onOpen,
}: {
  originalText: string;
  text: string;
  revision: number;
  annotations: A[];
  findings?: readonly TextFinding[];
  onOpen: (annotation: A) => void;
}) {
  const describe = useFindingText();
  const parts = splitByHighlights(text, currentHighlights(originalText, text, revision, annotations));
  // Where each part starts in the text, for the findings' offsets.
  const starts = [0];
  for (let i = 1; i < parts.length; i++) starts.push(starts[i - 1] + parts[i - 1].text.length);
  return (
    <>
      {parts.map((part, index) =>
        part.highlight ? (
          <mark
            key={index}
            data-annotation-id={part.highlight.annotation.id}
            data-severity={part.highlight.annotation.severity}
            data-status={part.highlight.annotation.status}
            title={[part.highlight.annotation.category, part.highlight.annotation.note].filter(Boolean).join(" — ")}
            onClick={(event) => {
              if (window.getSelection()?.isCollapsed === false) return;
              event.stopPropagation();
              onOpen(part.highlight!.annotation);
            }}
            className={`cursor-pointer rounded-sm text-inherit ${part.highlight.annotation.status === "applied" ? "underline decoration-2 bg-green-100 decoration-green-700" : SEVERITY_STYLES[part.highlight.annotation.severity] ?? ""}`}
          >
            <FindingRuns text={part.text} offset={starts[index]} findings={findings} describe={describe} />
          </mark>
        ) : (
          <span key={index}>
            <FindingRuns text={part.text} offset={starts[index]} findings={findings} describe={describe} />
          </span>
        ),
      )}
    </>
  );
}
