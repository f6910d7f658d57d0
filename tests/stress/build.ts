// Builds the production app into .next-stress when the sources are newer than the last stress build.
// `next build` rewrites tsconfig.json's include list for its dist dir; the file is put back as it was.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { STRESS_DIST_DIR } from "./server";

const root = path.resolve(__dirname, "../..");
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

export default function setup() {
  const buildId = fs.statSync(path.join(root, STRESS_DIST_DIR, "BUILD_ID"), { throwIfNoEntry: false });
  // VERSO_STRESS_REUSE_BUILD=1 takes an existing build as it is (while iterating on the tests themselves).
  if (buildId && (process.env.VERSO_STRESS_REUSE_BUILD === "1" || buildId.mtimeMs > newestSource())) return;
  console.log(`Building the production app into ${STRESS_DIST_DIR}…`);
  const tsconfig = fs.readFileSync(path.join(root, "tsconfig.json"));
  try {
    const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_DIST_DIR: STRESS_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error(`next build failed (${build.status ?? build.signal})`);
  } finally {
    fs.writeFileSync(path.join(root, "tsconfig.json"), tsconfig);
  }
}
