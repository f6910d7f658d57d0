// Figure 6's inputs and its lost-write check, read through lib/server's Prisma client.
// Run with tsx and DATABASE_URL set: `write-targets.ts SLUG` prints the translations'
// segments that carry no annotation yet, and the number of annotations stored.
import { db } from "../../lib/server/db";

async function main() {
  const slug = process.argv[2];
  const targets = await db.segment.findMany({
    where: { article: { slug }, version: { isSource: false }, annotations: { none: {} } },
    orderBy: [{ position: "asc" }, { versionId: "asc" }],
    select: { id: true, originalText: true },
  });
  // Flushed before main() resolves: the process exits right after.
  const annotations = await db.annotation.count();
  await new Promise((resolve) => process.stdout.write(JSON.stringify({ targets, annotations }), resolve));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
