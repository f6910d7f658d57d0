// A production Verso server (`next start` on the .next-stress build) on a
// temporary database, which a test can start, kill with SIGKILL, and restart.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { freePort, root, serverArgs, tsxCli } from "../../scripts/lib/next-build";
import type { StressFixture } from "./fixture";

export const STRESS_DIST_DIR = ".next-stress";


export class StressServer {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "verso-stress-"));
  readonly dbFile = path.join(this.dir, "verso.db");
  readonly secret = crypto.randomBytes(32).toString("base64url");
  port = 0;
  baseUrl = "";
  fixture!: StressFixture;
  private child: ChildProcess | null = null;
  private stderr = "";

  env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      DATABASE_URL: `file:${this.dbFile}`,
      VERSO_DATA_DIR: this.dir,
      BETTER_AUTH_SECRET: this.secret,
      BETTER_AUTH_URL: this.baseUrl || "http://localhost:3000",
      NEXT_DIST_DIR: STRESS_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      VERSO_DICTIONARIES: "en",
      PORT: String(this.port),
    };
  }

  /** Migrates the temporary database and writes the users and the article. */
  async prepare(): Promise<StressFixture> {
    this.port = await freePort();
    this.baseUrl = `http://localhost:${this.port}`;
    const output = execFileSync(process.execPath, [tsxCli, "tests/stress/prepare.ts"], { cwd: root, env: this.env(), maxBuffer: 64 * 1_048_576 });
    this.fixture = JSON.parse(output.toString("utf8"));
    return this.fixture;
  }

  /** Starts the production server (scripts/server.ts) in its own process group and waits until /api/health answers. */
  async start(): Promise<number> {
    const started = Date.now();
    this.stderr = "";
    this.child = spawn(process.execPath, serverArgs(this.port), { cwd: root, env: this.env(), detached: true, stdio: ["ignore", "ignore", "pipe"] });
    this.child.stderr?.on("data", (chunk) => (this.stderr += chunk));
    const exited = new Promise<never>((_, reject) => this.child!.once("exit", (code) => reject(new Error(`the server exited (${code}) before it answered:\n${this.stderr}`))));
    const healthy = (async () => {
      while (Date.now() - started < 120_000) {
        try {
          const response = await fetch(`${this.baseUrl}/api/health`);
          if (response.ok) return Date.now() - started;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`the server did not answer /api/health within 120 s:\n${this.stderr}`);
    })();
    return Promise.race([healthy, exited]);
  }

  /** SIGKILL to the server's whole process group: no shutdown hooks, no flushing. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGKILL");
    await gone;
    this.child = null;
  }

  /** Stops the server (SIGTERM, then SIGKILL after 10 s). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
    await gone;
    clearTimeout(timer);
    this.child = null;
  }

  /**
   * Runs tests/stress/admin.ts against this database, as an administrator would while the server runs.
   * Asynchronously: a blocked test process would miss the server closing idle keep-alive sockets.
   */
  async admin(...args: string[]): Promise<void> {
    const result = await this.run("tests/stress/admin.ts", args);
    if (result.status !== 0) throw new Error(`admin ${args.join(" ")} failed:\n${result.output}`);
  }

  /** Runs `verso …` on this database while the server runs, as a pipeline would; resolves with its exit status and output. */
  verso(args: string[]): Promise<{ status: number | null; output: string }> {
    return this.run("scripts/verso.ts", args);
  }

  private run(script: string, args: string[]): Promise<{ status: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [tsxCli, script, ...args], { cwd: root, env: this.env() });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("close", (status) => resolve({ status, output }));
    });
  }

  cleanUp(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A server prepared and started before this test file's tests, and stopped and removed after them. */
export function serverForThisFile(onStarted?: (server: StressServer, ms: number) => void): StressServer {
  const server = new StressServer();
  beforeAll(async () => {
    await server.prepare();
    const ms = await server.start();
    onStarted?.(server, ms);
  }, 180_000);
  afterAll(async () => {
    await server.stop();
    server.cleanUp();
  });
  return server;
}
