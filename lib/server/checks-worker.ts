import { parentPort } from "node:worker_threads";
import { handle, type EngineRequest } from "./checks-engine";

// The checks worker: one per app server process, started by lib/server/checks.ts.
// It answers { id, ...EngineRequest } with { id, result } or { id, error }.

const port = parentPort;
if (!port) throw new Error("checks-worker.ts runs as a worker thread");

port.on("message", (message: { id: number } & EngineRequest) => {
  handle(message).then(
    (result) => port.postMessage({ id: message.id, result }),
    (error: unknown) => port.postMessage({ id: message.id, error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } }),
  );
});
port.postMessage({ ready: true });
