// The load harness's floor (figure 6): a bare node:http server, in a process of its
// own as the app server is, answering every request as GET /api/health does. What
// its p99 is under the bench's 20 clients is what the machine and the harness
// cost before any framework or database. Usage: node floor-server.mjs PORT
import http from "node:http";

const body = JSON.stringify({ status: "ok", database: "ok" });
http
  .createServer((request, response) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
    response.end(body);
  })
  .listen(Number(process.argv[2]));
