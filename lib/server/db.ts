import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "./generated/prisma-postgresql/client";
import { databaseProvider, databaseUrl, type DatabaseProvider } from "./database-url";

export type { Prisma } from "./generated/prisma/client";

type SqliteConnection = import("better-sqlite3").Database;

const globalForPrisma = globalThis as unknown as {
  versoPrisma?: PrismaClient;
  versoSqlite?: SqliteConnection | null;
  versoWriteLock?: TransactionLock;
  versoCheckpointer?: import("node:worker_threads").Worker;
  versoPgPool?: pg.Pool;
};

/**
 * One transaction at a time on the process's SQLite connection, whoever opens
 * it: Prisma's interactive transactions and writeTransaction's direct ones
 * (lib/server/sql.ts) queue here, in arrival order. Kept on globalThis, as the
 * connection is, so that every copy of this module shares it.
 */
class TransactionLock {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves, once every earlier holder has released it, with this holder's release. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const turn = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => released);
    return turn;
  }
}

/** The lock every transaction on the process's SQLite connection takes. */
export function transactionLock(): TransactionLock {
  return (globalForPrisma.versoWriteLock ??= new TransactionLock());
}

/**
 * The adapter factory, wrapped to keep hold of the one better-sqlite3
 * connection Prisma uses: bulk imports run prepared statements on it inside
 * Prisma's own transaction (same connection, same BEGIN).
 */
function sqliteAdapter(url: string, onConnect: (client: SqliteConnection) => void) {
  const factory = new PrismaBetterSQLite3({ url, timeout: 5000 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const client = (adapter as unknown as { client: SqliteConnection }).client;
      takeTransactionLock(adapter);
      // WAL: readers never block the writer; NORMAL sync is durable against a killed process in WAL mode.
      client.pragma("journal_mode = WAL");
      client.pragma("synchronous = NORMAL");
      takeWriteLockAtBegin(client);
      onConnect(client);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  } as unknown as PrismaBetterSQLite3;
}

type AdapterTransaction = { commit(): Promise<void>; rollback(): Promise<void> };

const CHECKPOINT_INTERVAL_MS = 20;
const RESTART_PAGES = 4_000;
const BACKSTOP_CHECKPOINT_PAGES = 20_000;

/**
 * Moves WAL checkpoints off the request path. By default the commit that
 * takes the log past 1,000 pages copies them into the database file and
 * syncs it, in the middle of a request: 30–50 ms about every hundred writes
 * under the write benchmark, the largest single cost of a write. A worker
 * thread (checkpoint-worker.mjs) copies them instead, on its own connection,
 * every CHECKPOINT_INTERVAL_MS, without blocking anyone. The log can only
 * start over from a checkpoint that copied all of it, which a stream of
 * commits never lets a non-blocking one see: past RESTART_PAGES the worker
 * takes the write lock for the few pages left (10–20 ms, about twice a second
 * under that load), and the next commit writes the log from the start again.
 * Past BACKSTOP_CHECKPOINT_PAGES a commit checkpoints itself, should the
 * worker fall behind; if it stops, the commits do it all, as by default.
 * One per process, on its main thread; VERSO_BACKGROUND_CHECKPOINT=0 turns it off.
 */
function checkpointInBackground(client: SqliteConnection, url: string): void {
  const threads = process.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads");
  const file = url.replace(/^file:/, "");
  if (!threads.isMainThread || globalForPrisma.versoCheckpointer || file === ":memory:" || process.env.VERSO_BACKGROUND_CHECKPOINT === "0") return;
  try {
    // Loaded by Node from the source tree, not bundled (as the checks worker is).
    const entry = `${process.cwd()}/lib/server/checkpoint-worker.mjs`;
    const worker = new threads.Worker(entry, { name: "verso-checkpoint", workerData: { file, intervalMs: CHECKPOINT_INTERVAL_MS, restartPages: RESTART_PAGES } });
    worker.unref();
    worker.on("message", (message: { error?: string }) => message.error && console.error(`WAL checkpoint failed: ${message.error}`));
    // Without the checkpointer, the commits checkpoint as SQLite's default has them do.
    worker.on("error", (error) => {
      console.error("the WAL checkpointer stopped", error);
      client.pragma("wal_autocheckpoint = 1000");
    });
    globalForPrisma.versoCheckpointer = worker;
    client.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
    // A log that grew under a burst is cut back to this size once it starts over.
    client.pragma(`journal_size_limit = ${64 * 1_048_576}`);
  } catch (error) {
    console.error("the WAL checkpointer did not start; commits checkpoint themselves", error);
  }
}

/**
 * Makes the adapter's transactions wait for transactionLock() before their
 * BEGIN, and hold it until they end. The adapter's own mutex only orders its
 * own transactions; this one also orders writeTransaction's.
 */
function takeTransactionLock(adapter: { startTransaction(level?: unknown): Promise<AdapterTransaction> }): void {
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (level) => {
    const release = await transactionLock().acquire();
    try {
      const transaction = await start(level);
      for (const end of ["commit", "rollback"] as const) {
        const close = transaction[end].bind(transaction);
        transaction[end] = () => close().finally(release);
      }
      return transaction;
    } catch (error) {
      release();
      throw error;
    }
  };
}

/**
 * Makes the adapter's transactions BEGIN IMMEDIATE. A deferred BEGIN reads
 * first and asks for the write lock later; if another process (the CLI, a
 * second server) commits in between, SQLite refuses the upgrade with
 * SQLITE_BUSY_SNAPSHOT at once, without waiting. IMMEDIATE takes the lock up
 * front and waits for it (busy timeout) instead. Within this process the
 * adapter already runs one transaction at a time, so nothing else changes.
 */
function takeWriteLockAtBegin(client: SqliteConnection): void {
  const prepare = client.prepare.bind(client);
  const begin = { run: () => beginImmediate(prepare) };
  client.prepare = ((sql: string) => (sql === "BEGIN" && !readOnly.getStore() ? begin : prepare(sql))) as SqliteConnection["prepare"];
}

/**
 * BEGIN IMMEDIATE, or a plain BEGIN when the lock stays taken past the busy
 * timeout. The adapter never releases its transaction lock when BEGIN throws,
 * so BEGIN must not throw: the deferred transaction then fails at its first
 * write, is rolled back, and the next one gets its turn.
 */
export function beginImmediate(prepare: (sql: string) => { run(): unknown }) {
  try {
    return prepare("BEGIN IMMEDIATE").run();
  } catch (error) {
    if (!String((error as { code?: unknown }).code).startsWith("SQLITE_BUSY")) throw error;
    return prepare("BEGIN").run();
  }
}

const readOnly = new AsyncLocalStorage<true>();

/**
 * Runs `work` with transactions that only read: they BEGIN deferred, so that
 * a long read (a backup from the CLI) keeps a snapshot without holding the
 * write lock the server needs.
 */
export function readOnlyTransactions<T>(work: () => Promise<T>): Promise<T> {
  return readOnly.run(true, work);
}

/** The raw SQLite connection behind Prisma, once it has connected; null on other databases. */
export function sqliteConnection(): SqliteConnection | null {
  return globalForPrisma.versoSqlite ?? null;
}

/**
 * Every query of an interactive transaction is a round trip to the server, so a loaded machine can
 * push a seed or an import past Prisma's default 5 s; past its timeout, a query in flight may even
 * come back empty (Prisma 6.19) instead of failing. Waiting longer for a pooled connection and
 * allowing longer transactions costs nothing when all is well.
 */
const POSTGRESQL_TRANSACTIONS = { maxWait: 10_000, timeout: 60_000 };

const providers = new WeakMap<object, DatabaseProvider>();

/** Which database a client talks to (`db` by default): the few provider-specific queries in lib/server ask this. */
export function providerOf(client: object = db): DatabaseProvider {
  return providers.get(client) ?? databaseProvider();
}

function createClient(url: string, onConnect: (client: SqliteConnection) => void = () => undefined): PrismaClient {
  const log: ("warn" | "error")[] = process.env.NODE_ENV === "development" ? ["warn", "error"] : ["error"];
  const provider = databaseProvider(url);
  // Both generated clients have the same models and API; the PostgreSQL one has its own query compiler.
  const client =
    provider === "postgresql"
      ? (new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: url }), log, transactionOptions: POSTGRESQL_TRANSACTIONS }) as unknown as PrismaClient)
      : // Wait for a writer instead of failing with SQLITE_BUSY.
        new PrismaClient({ adapter: sqliteAdapter(url, onConnect), log });
  providers.set(client, provider);
  return client;
}

/** The one Prisma client of the process. Only lib/server imports it. */
export const db: PrismaClient =
  globalForPrisma.versoPrisma ??
  createClient(databaseUrl(), (client) => {
    globalForPrisma.versoSqlite = client;
    checkpointInBackground(client, databaseUrl());
  });
globalForPrisma.versoPrisma = db;

/**
 * A separate client for another database (tests, restore targets), set up
 * like `db`; the URL picks SQLite or PostgreSQL. Its connection is not the one sqliteConnection() returns, so
 * insertMany, told which client opened the transaction, takes the portable
 * multi-row path. Disconnect it when done.
 */
export function openDatabase(url: string): PrismaClient {
  return createClient(url);
}

// Prisma stores a DateTime on PostgreSQL as "timestamp" (no zone), in UTC: read it back as UTC whatever the process's TZ.
const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const utcTimestamps = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary" ? parseUtcTimestamp : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/**
 * On PostgreSQL, the pool of writeTransaction's own transactions and sqlQuery's reads
 * (lib/server/sql.ts), beside Prisma's: the same database as `db`, up to 10 connections, waiting
 * at most 10 s for a free one.
 * Idle connections do not keep the process alive. Null on SQLite.
 */
export function postgresqlPool(): pg.Pool | null {
  if (providerOf(db) !== "postgresql") return null;
  if (!globalForPrisma.versoPgPool) {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 10, connectionTimeoutMillis: 10_000, allowExitOnIdle: true, types: utcTimestamps });
    // An idle connection the server dropped: the pool replaces it. Unheard, this event would crash the process.
    pool.on("error", (error) => console.error("PostgreSQL: an idle pooled connection failed:", error.message));
    globalForPrisma.versoPgPool = pool;
  }
  return globalForPrisma.versoPgPool;
}

/** A transaction client, as passed to $transaction callbacks. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
