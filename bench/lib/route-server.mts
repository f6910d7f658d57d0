// Figure 6's "without Next.js" comparison: the very route handler modules the app serves
// (annotation create, apply, GET /api/health), called from a bare node:http server with no
// router, proxy or framework runtime in between. The same lib/server code, database, tokens and
// checks worker (VERSO_EAGER_CHECKS=1, as the app server runs them) answer; what the write
// figure loses here is what Next.js's request handling costs. A measuring instrument, not a
// way to serve Verso. Usage: node --import tsx bench/lib/route-server.mts (PORT in the env).
import http from "node:http";
import * as annotate from "../../app/api/v1/segments/[id]/annotations/route";
import * as apply from "../../app/api/v1/annotations/[id]/apply/route";
import * as health from "../../app/api/health/route";

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

const routes: { method: string; path: RegExp; handler: Handler }[] = [
  { method: "POST", path: /^\/api\/v1\/segments\/([^/]+)\/annotations$/, handler: annotate.POST },
  { method: "POST", path: /^\/api\/v1\/annotations\/([^/]+)\/apply$/, handler: apply.POST },
  { method: "GET", path: /^\/api\/health$/, handler: () => health.GET() },
];

const port = Number(process.env.PORT);

/** The node request as the Web Request a route handler takes, as Next.js hands it over. */
async function webRequest(request: http.IncomingMessage, url: URL): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
  return new Request(url, { method: request.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined });
}

http
  .createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", `http://localhost:${port}`);
    const route = routes.find((r) => r.method === request.method && r.path.test(url.pathname));
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    const id = url.pathname.match(route.path)?.[1] ?? "";
    const answer = await route.handler(await webRequest(request, url), { params: Promise.resolve({ id }) });
    const body = Buffer.from(await answer.arrayBuffer());
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(body);
  })
  .listen(port);

process.on("SIGTERM", () => process.exit(0));
