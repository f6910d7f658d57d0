// The production build, shared by `npm start`, the benchmarks and the stress tests: whether a
// build in a dist dir is older than the sources, building into one, and a free port to serve on.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(__dirname, "../..");
export const nextBin = path.join(root, "node_modules", ".bin", "next");
export const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

/** Node's arguments that run Verso's production server (scripts/server.ts) on a port, from the project root. */
export function serverArgs(port: number | string): string[] {
  return ["--import", "tsx", path.join(root, "scripts", "server.ts"), "-p", String(port)];
}

/** What a build is made from. */
const SOURCES = ["app", "components", "lib", "locales", "i18n", "proxy.ts", "next.config.ts", "package-lock.json"];

/** The newest modification time among the sources (the generated Prisma client excluded). */
function newestSource(): number {
  let newest = 0;
  const visit = (file: string) => {
    if (file.includes(`${path.sep}generated${path.sep}`) || file.endsWith(`${path.sep}generated`)) return;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  SOURCES.forEach((source) => visit(path.join(root, source)));
  return newest;
}

/** Whether distDir holds a build newer than every source. */
export function buildIsCurrent(distDir: string): boolean {
  const buildId = fs.statSync(path.join(root, distDir, "BUILD_ID"), { throwIfNoEntry: false });
  return buildId !== undefined && buildId.mtimeMs > newestSource();
}

/**
 * `next build` into distDir. Next adds the dist dir's types to tsconfig.json's include list;
 * the file is put back as it was. Throws when the build fails.
 */
export function buildInto(distDir: string, output: "inherit" | "quiet" = "inherit"): void {
  const tsconfig = fs.readFileSync(path.join(root, "tsconfig.json"));
  try {
    const build = spawnSync(nextBin, ["build"], {
      cwd: root,
      stdio: output === "inherit" ? "inherit" : ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error(`next build failed (${build.status ?? build.signal})`);
  } finally {
    fs.writeFileSync(path.join(root, "tsconfig.json"), tsconfig);
  }
}

/** A port nothing listens on at the moment. */
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
