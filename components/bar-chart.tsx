/** A horizontal bar chart in plain SVG, labelled on every bar so it reads without colour. */
export function BarChart({ title, bars, format }: { title: string; bars: { label: string; value: number }[]; format: (value: number) => string }) {
  const max = Math.max(...bars.map((b) => b.value), 0.0001);
  const rowHeight = 24;
  const labelWidth = 170;
  const width = 640;
  const height = bars.length * rowHeight + 8;
  return (
    <figure className="my-3">
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} className="w-full max-w-3xl" data-chart="">
        <title>{title}</title>
        {bars.map((bar, index) => {
          const y = index * rowHeight + 4;
          const barWidth = ((width - labelWidth - 70) * bar.value) / max;
          return (
            <g key={bar.label} data-bar={bar.label}>
              <text x={labelWidth - 8} y={y + 15} textAnchor="end" fontSize="12" fill="#334155">
                {bar.label}
              </text>
              <rect x={labelWidth} y={y + 2} width={Math.max(1, barWidth)} height={rowHeight - 8} fill="#1d4ed8" opacity={0.75} />
              <text x={labelWidth + Math.max(1, barWidth) + 6} y={y + 15} fontSize="12" fill="#0f172a">
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">{title}</figcaption>
    </figure>
  );
}
