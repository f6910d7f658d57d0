// The WAL checkpointer: a worker thread of the app server (started by lib/server/db.ts) that
// copies committed pages from the write-ahead log into the database file on a connection of its
// own, so that the requests' commits do not (lib/server/db.ts says why). Plain JavaScript,
// loaded by Node as it is.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, intervalMs, restartPages } = workerData;
// No busy wait: a checkpoint that meets a writer or a reader does what it can and returns.
const connection = new Database(file, { fileMustExist: true, timeout: 0 });

/** [busy, frames in the log, frames copied] */
function checkpoint(mode) {
  try {
    const [row] = connection.pragma(`wal_checkpoint(${mode})`);
    return row;
  } catch (error) {
    if (!/^SQLITE_(BUSY|LOCKED)/.test(String(error?.code))) parentPort?.postMessage({ error: String(error) });
    return null;
  }
}

setInterval(() => {
  // PASSIVE copies what it can, blocking no one. The log can start over only from a checkpoint
  // that copied all of it, which a stream of commits never leaves PASSIVE time to see: once the
  // log is long, RESTART takes the write lock for the few frames left (a commit waits a moment),
  // and if no reader still needs the log, the next commit writes it from the start again.
  const passive = checkpoint("PASSIVE");
  if (passive && passive.log >= restartPages) checkpoint("RESTART");
}, intervalMs);
