// `npm start`: migrate, seed the demo into an empty database, build if needed, serve.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { credentialsFile, formatAccounts } from "../lib/server/demo-seed";
import { prepareDatabase } from "../lib/server/prepare-database";
import { buildIsCurrent, serverArgs } from "./lib/next-build";

const root = process.cwd();
const port = process.env.PORT ?? "3000";
const nextBin = path.join(root, "node_modules", ".bin", "next");
// The build directory next.config.ts uses (NEXT_DIST_DIR lets a second build sit beside .next).
const distDir = process.env.NEXT_DIST_DIR || ".next";

/**
 * A larger young generation than V8's default: the checks allocate a great deal that lives for one
 * run, and with the default semi-space collecting it took about a fifth of a run (bench/checks.ts
 * measures with the same flag). An operator's own setting wins.
 */
function serverNodeOptions(current: string | undefined): string {
  if (current?.includes("--max-semi-space-size")) return current;
  return [current, "--max-semi-space-size=64"].filter(Boolean).join(" ");
}


async function main() {
  const accounts = await prepareDatabase({ seed: true });

  if (!buildIsCurrent(distDir)) {
    console.log("Building Verso (first start or changed sources)…");
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  // Its own process group, so that stopping Verso also stops every process the server starts.
  const server = spawn(process.execPath, serverArgs(port), {
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`,
      NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS),
    },
  });
  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /ready|started|Local:/i.test(chunk.toString())) {
      announced = true;
      console.log(`\nVerso is running at http://localhost:${port}`);
      if (accounts) {
        console.log(`\nDemo accounts (passwords are shown only this once; also in ${credentialsFile()}):\n${formatAccounts(accounts)}\n`);
      } else if (fs.existsSync(credentialsFile())) {
        console.log(`Demo accounts: see ${credentialsFile()}`);
      }
    }
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      try {
        process.kill(-server.pid!, signal);
      } catch {
        server.kill(signal);
      }
    });
  }
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
