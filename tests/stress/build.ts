// Builds the production app into .next-stress when the sources are newer than the last stress build.
import fs from "node:fs";
import path from "node:path";
import { buildInto, buildIsCurrent, root } from "../../scripts/lib/next-build";
import { STRESS_DIST_DIR } from "./server";

export default function setup() {
  // VERSO_STRESS_REUSE_BUILD=1 takes an existing build as it is (while iterating on the tests themselves).
  const reuse = process.env.VERSO_STRESS_REUSE_BUILD === "1" && fs.existsSync(path.join(root, STRESS_DIST_DIR, "BUILD_ID"));
  if (reuse || buildIsCurrent(STRESS_DIST_DIR)) return;
  console.log(`Building the production app into ${STRESS_DIST_DIR}…`);
  buildInto(STRESS_DIST_DIR);
}
