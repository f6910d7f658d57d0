// Figure 7, in-process: every export format (ALL_EXPORT_FORMATS) for every
// version of the article through exportVersion, the function the API and the
// CLI call. mqm-tsv holds the whole article's annotations (every version in
// one file, whichever version is asked for), so it is written once. Run with tsx and DATABASE_URL set: `export-all.ts SLUG RUNS`;
// prints {samples, files, bytes} as JSON, after one untimed warm-up pass.
import { CLI_ACTOR } from "../../lib/server/actor";
import { db } from "../../lib/server/db";
import { ALL_EXPORT_FORMATS, exportVersion } from "../../lib/server/export";

async function exportEverything(slug: string, versionIds: string[]): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const [index, versionId] of versionIds.entries()) {
    for (const format of ALL_EXPORT_FORMATS) {
      if (format === "mqm-tsv" && index > 0) continue;
      const file = await exportVersion(CLI_ACTOR, { slug, versionId, format });
      files += 1;
      bytes += Buffer.byteLength(file.body);
    }
  }
  return { files, bytes };
}

async function main() {
  const [slug, runs = "5"] = process.argv.slice(2);
  const versions = await db.version.findMany({ where: { article: { slug } }, select: { id: true } });
  if (versions.length === 0) throw new Error(`no versions of "${slug}"`);
  const ids = versions.map((v) => v.id);
  let result = await exportEverything(slug, ids);
  const samples: number[] = [];
  for (let run = 0; run < Number(runs); run++) {
    const started = performance.now();
    result = await exportEverything(slug, ids);
    samples.push(performance.now() - started);
  }
  // Flushed before main() resolves: the process exits right after.
  await new Promise((resolve) => process.stdout.write(JSON.stringify({ samples, ...result, formats: ALL_EXPORT_FORMATS.length, versions: ids.length }), resolve));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
