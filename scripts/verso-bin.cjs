#!/usr/bin/env node
// The `verso` command: runs the TypeScript CLI (scripts/verso.ts) with tsx's loader,
// in one child process (tsx's own CLI would start a second one).
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const loader = pathToFileURL(path.join(path.dirname(require.resolve("tsx/cli")), "loader.mjs")).href;
const result = spawnSync(process.execPath, ["--import", loader, path.join(__dirname, "verso.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
