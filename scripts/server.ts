// Verso's production server: Next.js for the pages, with the JSON API (/api/v1, /api/health)
// answered by lib/server/api-router.ts from the same route modules. `npm start` runs it (after
// migrating and building), as do the end-to-end tests, the stress tests and the benchmarks.
// Usage: node --import tsx scripts/server.ts [-p PORT]   (PORT and HOSTNAME from the env otherwise)
import http from "node:http";
import path from "node:path";

async function main() {
  // Next.js and React read it when they load: set before importing them.
  (process.env as Record<string, string>).NODE_ENV = "production";
  const flag = process.argv.indexOf("-p");
  const port = Number(flag >= 0 ? process.argv[flag + 1] : (process.env.PORT ?? 3000));
  const hostname = process.env.HOSTNAME || undefined;
  process.env.PORT = String(port);
  // The app server re-checks an article right after each write (README "Environment").
  process.env.VERSO_EAGER_CHECKS ??= "1";

  const root = path.resolve(__dirname, "..");
  const { isApiPath, loadRoutes, requestUrl, serveApi } = await import("../lib/server/api-router");
  const routes = await loadRoutes(path.join(root, "app"), (file) => import(file));
  const next = (await import("next")).default;
  const app = next({ dev: false, dir: root, port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((request, response) => {
    const url = requestUrl(request, port);
    if (isApiPath(url.pathname)) void serveApi(routes, request, response, url);
    else void handle(request, response);
  });
  // Keep-alive connections outlive the proxies' and clients' idle timeouts.
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`✓ Ready on http://${hostname ?? "localhost"}:${port}`));

  const stop = () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    // Open keep-alive connections must not hold the process.
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
