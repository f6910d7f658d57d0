// The production app for the benchmarks: built into .next-bench when missing or
// stale, served by `next start` on a temporary database and a free port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const BENCH_DIST_DIR = ".next-bench";
export const root = path.resolve(__dirname, "../..");
export const nextBin = path.join(root, "node_modules", ".bin", "next");
export const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
/** The static baseline of figure 1. Next lists public/ when the server starts, so a placeholder is written first and overwritten at bench time. */
export const STATIC_DIR = path.join(root, "public", "bench");
export const STATIC_FILE = path.join(STATIC_DIR, "same-size.html");
const SOURCES = ["app", "components", "lib", "locales", "i18n", "proxy.ts", "next.config.ts", "package-lock.json"];

function newestSource(): number {
  let newest = 0;
  const visit = (file: string) => {
    if (file.includes(`${path.sep}generated`)) return;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  SOURCES.forEach((source) => visit(path.join(root, source)));
  return newest;
}

/** Builds into .next-bench unless a build newer than every source exists; tsconfig.json is put back as it was. */
export function ensureBuild(): { built: boolean; ms: number } {
  fs.mkdirSync(STATIC_DIR, { recursive: true });
  // The folder is generated: it ignores itself, so nothing in it is ever committed.
  fs.writeFileSync(path.join(STATIC_DIR, ".gitignore"), "*\n");
  if (!fs.existsSync(STATIC_FILE)) fs.writeFileSync(STATIC_FILE, "placeholder\n");
  const buildId = fs.statSync(path.join(root, BENCH_DIST_DIR, "BUILD_ID"), { throwIfNoEntry: false });
  if (buildId && buildId.mtimeMs > newestSource() && process.env.BENCH_REBUILD !== "1") return { built: false, ms: 0 };
  console.log(`Building the production app into ${BENCH_DIST_DIR}…`);
  const started = performance.now();
  const tsconfig = fs.readFileSync(path.join(root, "tsconfig.json"));
  try {
    const build = spawnSync(nextBin, ["build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error(`next build failed (${build.status ?? build.signal})`);
  } finally {
    fs.writeFileSync(path.join(root, "tsconfig.json"), tsconfig);
  }
  return { built: true, ms: performance.now() - started };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The environment every bench process shares: the temporary database and data dir, the bench build, no telemetry. */
export function benchEnv(dir: string, port: number, secret: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, "verso.db")}`,
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
