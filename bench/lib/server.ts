// The production app for the benchmarks: built into .next-bench when missing or
// stale, served by scripts/server.ts on a temporary database and a free port.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildInto, buildIsCurrent, root } from "../../scripts/lib/next-build";

export const BENCH_DIST_DIR = ".next-bench";
export { freePort, root, serverArgs, tsxCli } from "../../scripts/lib/next-build";
/** The static baseline of figure 1. Next lists public/ when the server starts, so a placeholder is written first and overwritten at bench time. */
export const STATIC_DIR = path.join(root, "public", "bench");
export const STATIC_FILE = path.join(STATIC_DIR, "same-size.html");
/** Builds into .next-bench unless a build newer than every source exists; tsconfig.json is put back as it was. */
export function ensureBuild(): { built: boolean; ms: number } {
  fs.mkdirSync(STATIC_DIR, { recursive: true });
  // The folder is generated: it ignores itself, so nothing in it is ever committed.
  fs.writeFileSync(path.join(STATIC_DIR, ".gitignore"), "*\n");
  if (!fs.existsSync(STATIC_FILE)) fs.writeFileSync(STATIC_FILE, "placeholder\n");
  if (buildIsCurrent(BENCH_DIST_DIR) && process.env.BENCH_REBUILD !== "1") return { built: false, ms: 0 };
  console.log(`Building the production app into ${BENCH_DIST_DIR}…`);
  const started = performance.now();
  buildInto(BENCH_DIST_DIR, "quiet");
  return { built: true, ms: performance.now() - started };
}


/**
 * The environment every bench process shares: the temporary database (a SQLite
 * file in `dir`, or `databaseUrl`), the data dir, the bench build, no telemetry.
 */
export function benchEnv(dir: string, port: number, secret: string, databaseUrl = `file:${path.join(dir, "verso.db")}`): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    VERSO_DATA_DIR: dir,
    BETTER_AUTH_SECRET: secret,
    BETTER_AUTH_URL: `http://localhost:${port}`,
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
  };
}

export const newSecret = () => crypto.randomBytes(32).toString("base64url");

/** Polls /api/health until it answers 200; resolves with the milliseconds since `started`. */
export async function waitForHealth(baseUrl: string, started: number, child: ChildProcess, timeoutMs = 180_000): Promise<number> {
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${stderr}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      await response.arrayBuffer();
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no answer from ${baseUrl}/api/health within ${timeoutMs / 1000} s:\n${stderr}`);
}

/** Starts a command in its own process group (so that stopping it stops next-server too) and waits for /api/health. */
export async function startServer(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ["ignore", "ignore", "pipe"] });
  const ms = await waitForHealth(`http://localhost:${env.PORT}`, started, child);
  return { child, ms };
}

/** SIGTERM to the server's process group, SIGKILL after 10 s. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
  await gone;
  clearTimeout(timer);
}

/** Signs in through the auth library's endpoint and returns the session cookie (name=value). */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  if (!response.ok || cookies.length === 0) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookies.join("; ");
}
