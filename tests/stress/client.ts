// A small HTTP client for the stress tests: every answer with its status, body and latency.
export interface Answer {
  status: number;
  body: unknown;
  ms: number;
  /** A network failure (refused, reset) instead of an HTTP answer. */
  error?: string;
}

export async function send(url: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set("content-type", "application/json");
  const started = performance.now();
  try {
    const response = await fetch(url, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, ms: performance.now() - started };
  } catch (error) {
    return { status: 0, body: null, ms: performance.now() - started, error: String((error as Error).cause ?? error) };
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const round = (ms: number) => Math.round(ms * 10) / 10;
