// Figure 6: concurrent clients against the running server for a fixed time,
// each in a closed loop (send, wait for the answer, send again).
import http from "node:http";

export interface LoadResult {
  latencies: number[];
  /** Non-2xx answers and network failures, with a few examples. */
  errors: number;
  examples: string[];
  requests: number;
  seconds: number;
}

type Step = (client: number) => Promise<void>;

/** Runs `step` in `clients` parallel loops for `ms`; each step records its requests through `record`. */
export async function closedLoop(clients: number, ms: number, makeStep: (record: (latency: number, ok: boolean, detail?: string) => void) => Step): Promise<LoadResult> {
  const result: LoadResult = { latencies: [], errors: 0, examples: [], requests: 0, seconds: ms / 1000 };
  const record = (latency: number, ok: boolean, detail?: string) => {
    result.requests += 1;
    result.latencies.push(latency);
    if (!ok) {
      result.errors += 1;
      if (detail && result.examples.length < 3) result.examples.push(detail);
    }
  };
  const step = makeStep(record);
  const deadline = performance.now() + ms;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) await step(client);
    }),
  );
  return result;
}

// One keep-alive connection per client. The load runs on node:http rather than fetch: fetch's
// allocations made the harness's own garbage collection (20–50 ms pauses, several a second) the
// largest part of the measured tail, on a machine the server shares.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

function send(url: string, init: RequestInit): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = init.body === undefined ? init.headers : { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) };
    const request = http.request(url, { method: init.method ?? "GET", headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(init.body);
  });
}

/** One timed request; returns the parsed JSON body when the answer is 2xx. */
export async function timedRequest(
  record: (latency: number, ok: boolean, detail?: string) => void,
  url: string,
  init: RequestInit = {},
): Promise<unknown> {
  const started = performance.now();
  try {
    const { status, text } = await send(url, init);
    const ok = status >= 200 && status < 300;
    record(performance.now() - started, ok, ok ? undefined : `${init.method ?? "GET"} ${new URL(url).pathname} → ${status} ${text.slice(0, 200)}`);
    return ok && text ? JSON.parse(text) : null;
  } catch (error) {
    record(performance.now() - started, false, `${init.method ?? "GET"} ${new URL(url).pathname} → ${String(error)}`);
    return null;
  }
}

export interface WriteTarget {
  id: string;
  originalText: string;
}

/** Every (segment, word) to mark, pass by pass: each segment's first word, then each second word, and so on. */
function markableWords(targets: WriteTarget[]): { target: WriteTarget; word: RegExpExecArray }[] {
  const words = targets.map((target) => [...target.originalText.matchAll(/[^\s.。]+/g)]);
  const longest = Math.max(0, ...words.map((list) => list.length));
  const out: { target: WriteTarget; word: RegExpExecArray }[] = [];
  for (let pass = 0; pass < longest; pass++) targets.forEach((target, i) => pass < words[i].length && out.push({ target, word: words[i][pass] }));
  return out;
}

/**
 * The write workload: each step marks one word of a segment (a new segment
 * every step, then the next word on a second pass) with a suggestion, and
 * applies it: two requests, as the workspace's "save, then apply" does. A
 * segment whose words are all marked drops out of later passes: marking a word
 * an applied correction already changed would rightly be refused (409).
 */
export function annotateAndApply(
  baseUrl: string,
  tokens: string[],
  targets: WriteTarget[],
  tally: { created: number; applied: number },
  // Writers against two servers of one database share it, so that no word is marked twice.
  cursor = { next: 0 },
) {
  const marks = markableWords(targets);
  return (record: (latency: number, ok: boolean, detail?: string) => void): Step =>
    async (client) => {
      const { target, word } = marks[cursor.next++ % marks.length];
      const headers = { authorization: `Bearer ${tokens[client % tokens.length]}`, "content-type": "application/json" };
      const created = (await timedRequest(record, `${baseUrl}/api/v1/segments/${target.id}/annotations`, {
        method: "POST",
        headers,
        body: JSON.stringify({ start: word.index, end: word.index! + word[0].length, quote: word[0], category: "Fluency/Spelling", severity: "minor", suggestion: word[0].toUpperCase() }),
      })) as { annotation?: { id: string } } | null;
      if (!created?.annotation) return;
      tally.created += 1;
      if (await timedRequest(record, `${baseUrl}/api/v1/annotations/${created.annotation.id}/apply`, { method: "POST", headers })) tally.applied += 1;
    };
}
