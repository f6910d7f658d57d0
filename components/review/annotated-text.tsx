import { currentHighlights, splitByHighlights, type HighlightSource } from "@/lib/text/highlights";

export interface HighlightAnnotation extends HighlightSource {
  severity: string;
  category: string;
  note: string | null;
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
  onOpen,
}: {
  originalText: string;
  text: string;
  revision: number;
  annotations: A[];
  onOpen: (annotation: A) => void;
}) {
  const parts = splitByHighlights(text, currentHighlights(originalText, text, revision, annotations));
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
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
