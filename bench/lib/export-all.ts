// Figure 7, in-process: every export format (ALL_EXPORT_FORMATS) for every
// version of the article, two ways:
// - exportArticle, what `verso export --all` calls: each version read once;
// - exportVersion per file, what one API call or `verso export --format F` does.
// mqm-tsv holds the whole article's annotations, so it is written once.
// Run with tsx and DATABASE_URL set: `export-all.ts SLUG RUNS`; prints
// {samples, perFile, files, bytes} as JSON, after one untimed warm-up pass.
import { CLI_ACTOR } from "../../lib/server/actor";
import { db } from "../../lib/server/db";
import { ALL_EXPORT_FORMATS, exportArticle, exportVersion } from "../../lib/server/export";

async function exportFileByFile(slug: string, versionIds: string[]): Promise<{ files: number; bytes: number }> {
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

async function exportAtOnce(slug: string): Promise<{ files: number; bytes: number }> {
  const { files } = await exportArticle(CLI_ACTOR, { slug });
  return { files: files.length, bytes: files.reduce((sum, file) => sum + Buffer.byteLength(file.body), 0) };
}

async function timedRuns(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function main() {
  const [slug, runs = "5"] = process.argv.slice(2);
  const versions = await db.version.findMany({ where: { article: { slug } }, select: { id: true } });
  if (versions.length === 0) throw new Error(`no versions of "${slug}"`);
  const ids = versions.map((v) => v.id);
  const atOnce = await exportAtOnce(slug);
  const fileByFile = await exportFileByFile(slug, ids);
  if (atOnce.files !== fileByFile.files || atOnce.bytes !== fileByFile.bytes) {
    throw new Error(`exportArticle wrote ${atOnce.files} files (${atOnce.bytes} bytes), exportVersion ${fileByFile.files} (${fileByFile.bytes})`);
  }
  const samples = await timedRuns(Number(runs), () => exportAtOnce(slug));
  const perFile = await timedRuns(Number(runs), () => exportFileByFile(slug, ids));
  // Flushed before main() resolves: the process exits right after.
  const result = { samples, perFile, ...atOnce, formats: ALL_EXPORT_FORMATS.length, versions: ids.length };
  await new Promise((resolve) => process.stdout.write(JSON.stringify(result), resolve));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
