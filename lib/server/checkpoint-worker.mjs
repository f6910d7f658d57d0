// The WAL checkpointer: a worker thread of the app server (started by lib/server/db.ts) that
// copies committed pages from the write-ahead log into the database file, on a connection of
// its own, so that the requests' commits do not do it (with its fsync) themselves. PASSIVE
// never waits for, nor blocks, a reader or a writer. Plain JavaScript: loaded by Node as it is.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, intervalMs } = workerData;
const connection = new Database(file, { fileMustExist: true });

function checkpoint() {
  try {
    connection.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    // Busy or locked: the next turn tries again; the writers' own autocheckpoint is the backstop.
    if (!String(error?.code).startsWith("SQLITE_BUSY") && !String(error?.code).startsWith("SQLITE_LOCKED")) parentPort?.postMessage({ error: String(error) });
  }
}

setInterval(checkpoint, intervalMs);
parentPort?.on("message", (message) => {
  if (message === "stop") {
    connection.close();
    process.exit(0);
  }
});
