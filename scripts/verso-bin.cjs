#!/usr/bin/env node
// The `verso` command: runs the TypeScript CLI (scripts/verso.ts) through tsx.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const result = spawnSync(process.execPath, [require.resolve("tsx/cli"), path.join(__dirname, "verso.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
