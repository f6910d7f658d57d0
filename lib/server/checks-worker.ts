import os from "node:os";
import { parentPort } from "node:worker_threads";
import { handle, type EngineRequest } from "./checks-engine";

// The checks worker: one per app server process, started by lib/server/checks.ts.
// It answers { id, ...EngineRequest } with { id, result } or { id, error }.

const port = parentPort;
if (!port) throw new Error("checks-worker.ts runs as a worker thread");

// The lowest scheduling priority, for this thread only (on Linux a thread has its own nice value):
// on a busy machine the requests, the writes above all, come first, and a check run uses what is left.
try {
  os.setPriority(19);
} catch {
  // Not allowed here: run at the usual priority.
}

port.on("message", (message: { id: number } & EngineRequest) => {
  handle(message).then(
    (result) => port.postMessage({ id: message.id, result }),
    (error: unknown) => port.postMessage({ id: message.id, error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } }),
  );
});
port.postMessage({ ready: true });
