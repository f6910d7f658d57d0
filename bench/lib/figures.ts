// The shape of bench/results.json (issue 7) and the statistics every figure shares.

export interface Figure {
  name: string;
  unit: string;
  median: number | null;
  min: number | null;
  max: number | null;
  runs: number;
  budget: number | null;
  met: boolean | null;
  baseline_name: string | null;
  baseline_median: number | null;
  ratio: number | null;
  /** Why a figure or its baseline is missing, or how it was measured. */
  note?: string;
}

export interface Results {
  date: string;
  commit: string;
  machine: { nproc: number; memGiB: number; node: string; database: string };
  figures: Figure[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * One figure from its samples: median, min and max, the budget (met when the
 * median is within it) and the baseline's median with the ratio figure / baseline.
 */
export function figure(
  name: string,
  unit: string,
  samples: number[],
  options: { budget?: number | null; baseline?: { name: string; samples: number[] } | null; note?: string } = {},
): Figure {
  const budget = options.budget ?? null;
  const value = samples.length ? median(samples) : null;
  const baseline = options.baseline?.samples.length ? median(options.baseline.samples) : null;
  return {
    name,
    unit,
    median: value === null ? null : round(value),
    min: samples.length ? round(Math.min(...samples)) : null,
    max: samples.length ? round(Math.max(...samples)) : null,
    runs: samples.length,
    budget,
    met: budget === null || value === null ? null : value <= budget,
    baseline_name: options.baseline?.name ?? null,
    baseline_median: baseline === null ? null : round(baseline),
    ratio: value !== null && baseline ? round(value / baseline, 2) : null,
    ...(options.note ? { note: options.note } : {}),
  };
}

/** A figure that could not be measured here, with the reason. */
export function missing(name: string, unit: string, budget: number | null, note: string, baselineName: string | null = null): Figure {
  return { name, unit, median: null, min: null, max: null, runs: 0, budget, met: null, baseline_name: baselineName, baseline_median: null, ratio: null, note };
}

/** The short table printed at the end of a run (and pasted into bench/README.md). */
export function table(figures: Figure[]): string {
  const show = (value: number | boolean | null) => (value === null ? "—" : typeof value === "boolean" ? (value ? "yes" : "**no**") : String(value));
  const lines = [
    "| figure | unit | median | min | max | runs | budget | met | baseline | baseline median | ratio |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const f of figures) {
    lines.push(
      `| ${f.name} | ${f.unit} | ${show(f.median)} | ${show(f.min)} | ${show(f.max)} | ${f.runs} | ${show(f.budget)} | ${show(f.met)} | ${f.baseline_name ?? "—"} | ${show(f.baseline_median)} | ${show(f.ratio)} |`,
    );
  }
  return lines.join("\n");
}
