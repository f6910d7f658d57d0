/** The kinds of aligned unit an article is split into. */
export const SEGMENT_KINDS = ["title", "meta", "heading", "paragraph"] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** One unit of imported text, before it is stored. */
export interface TextSegment {
  kind: SegmentKind;
  text: string;
}
