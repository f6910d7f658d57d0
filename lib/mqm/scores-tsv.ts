/** A score row as `verso scores` prints it. */
export interface ScoreTsvRow {
  system: string;
  lang: string;
  article: string | null;
  mqm: number;
  pairs: number;
}

/** `verso scores --format tsv`: a header, then one row per system or version, scores to 3 decimals. */
export function scoresToTsv(rows: ScoreTsvRow[], by: "version" | "system"): string {
  const header = by === "system" ? "system\tmqm\tpairs" : "article\tsystem\tlang\tmqm\tpairs";
  const lines = rows.map((row) =>
    by === "system" ? `${row.system}\t${row.mqm.toFixed(3)}\t${row.pairs}` : `${row.article}\t${row.system}\t${row.lang}\t${row.mqm.toFixed(3)}\t${row.pairs}`,
  );
  return [header, ...lines].join("\n") + "\n";
}
