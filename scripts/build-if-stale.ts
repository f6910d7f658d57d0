// `tsx scripts/build-if-stale.ts`: builds into NEXT_DIST_DIR (default .next) unless the build there is newer than every source.
import { buildInto, buildIsCurrent } from "./lib/next-build";

const distDir = process.env.NEXT_DIST_DIR || ".next";
if (buildIsCurrent(distDir)) {
  console.log(`${distDir} is newer than the sources; not building again.`);
} else {
  buildInto(distDir);
}
