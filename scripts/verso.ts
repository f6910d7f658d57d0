// The Verso CLI: parses flags and calls lib/server. `npx verso --help`.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CLI_ACTOR } from "../lib/server/actor";
import { DomainError } from "../lib/server/errors";
import { ROLES, type Role } from "../lib/validation/roles";
import { readPassword } from "./read-password";

// Each command loads only what it needs: the auth library alone costs a second of start-up.

const HELP = `Usage: verso <command> [options]

Commands:
  import FILE --article SLUG --lang LANG [--source] [--label L] [--title T] [--replace]
      Import one version of an article from a .txt, .md, .html or XLIFF 1.2/2.0
      (.xlf, .xliff) file, in UTF-8. --source creates the article when SLUG is
      new (title from --title or the first heading). A text translation into
      an unknown SLUG is an error; an XLIFF file brings its own source. XLIFF
      notes written by Verso come back as annotations.
  import-mqm FILE.tsv [--source-lang L] [--target-lang L] [--replace]
      Import WMT MQM annotations (system doc doc_id seg_id rater source target
      category severity [comment]): each doc becomes an article, each system a
      version, each error row an annotation. Languages default to en and de.
  scores [--article SLUG] [--by version|system] [--format tsv|json]
      MQM scores (mean penalty per rated segment and rater; lower is better).
  export --article SLUG --lang LANG --format F [--label L] [--out FILE] [--approved-only]
      Export one version's cleaned text, to standard output or FILE. F is txt,
      md, html, json, xliff (2.0), xliff12 or tmx. --label picks one of several
      versions in LANG. --approved-only refuses a version that is not approved.
  export --format mqm-tsv [--article SLUG]... [--out FILE]
      Export annotations as WMT MQM TSV (all articles unless --article).
  export --article SLUG --all --out DIR [--format F,F...] [--approved-only]
      Export every version in every format (or the formats given) as files in
      DIR, named SLUG.LANG[.LABEL].EXT; the MQM TSV is one file for the article.
      --approved-only leaves out versions that are not approved.
  user add --email E --name N --role reviewer|editor|admin
      Create a user. The password is read from standard input (at least 12 characters).
  token create --email E [--name N]
      Create an API token that acts as that user; it is printed once.
      Send it as "Authorization: Bearer <token>".

  check --article SLUG [--lang LANG] [--format text|json]
      Run the automatic checks (garbled names, look-alikes, glued words,
      numbers, quotes, broken sentences, truncation, untranslated text,
      boilerplate, structure) and print the open findings.
  glossary import FILE.csv [--replace] | glossary export [--lang L] [--article SLUG] [--out FILE]
      Glossary CSV (lang,canonical,variants,note,article; variants separated
      by |). An import is one transaction; --replace updates existing terms.
  backup FILE
      Write every table (audit log included) to FILE as JSON.
  restore FILE
      Restore a backup into an empty database (DATABASE_URL; a new file is
      created and migrated). Refused when the database has any rows.

Options:
  -h, --help   Show this help.

Environment:
  DATABASE_URL         SQLite URL (default file:./data/verso.db)
  VERSO_MAX_UPLOAD_MB  largest file import, import-mqm and glossary import read (default 10)
`;

class UsageError extends Error {}

const originalCwd = process.cwd();
// Paths given on the command line are relative to where the user stands; the database to the project.
process.chdir(path.resolve(__dirname, ".."));

function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`missing --${name}`);
  return value;
}

/** Reads a file to import, refusing one over the upload limit before reading it, as the API does. */
async function readImportFile(file: string, given: string): Promise<Buffer> {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new UsageError(`cannot read ${given}`);
  const { assertFileWithinLimit } = await import("../lib/server/upload-limit");
  assertFileWithinLimit(path.basename(file), stat.size);
  try {
    return fs.readFileSync(file);
  } catch {
    throw new UsageError(`cannot read ${given}`);
  }
}

async function runImport(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      article: { type: "string" },
      lang: { type: "string" },
      source: { type: "boolean", default: false },
      label: { type: "string" },
      title: { type: "string" },
      replace: { type: "boolean", default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError("import takes exactly one FILE");
  const file = path.resolve(originalCwd, positionals[0]);
  const bytes = await readImportFile(file, positionals[0]);
  const { importVersion } = await import("../lib/server/import-version");
  const result = await importVersion(CLI_ACTOR, {
    slug: requireOption(values, "article"),
    lang: requireOption(values, "lang"),
    fileName: path.basename(file),
    bytes,
    isSource: values.source,
    label: values.label,
    title: values.title,
    replace: values.replace,
  });
  const verb = result.replaced ? "Replaced" : "Imported";
  const annotations = result.annotationCount ? ` and ${result.annotationCount} annotations` : "";
  console.log(`${verb} ${result.segmentCount} segments${annotations} into ${values.article} (${values.lang})${result.articleCreated ? "; created the article" : ""}.`);
  for (const warning of result.warnings) console.warn(`warning: ${warning}`);
}

async function runUserAdd(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
  });
  const role = requireOption(values, "role");
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
  const password = await readPassword();
  const { createUser } = await import("../lib/server/users");
  const user = await createUser(CLI_ACTOR, {
    email: requireOption(values, "email"),
    name: requireOption(values, "name"),
    role: role as Role,
    password,
  });
  console.log(`Created ${user.role} ${user.email}.`);
}

async function runImportMqm(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "source-lang": { type: "string" }, "target-lang": { type: "string" }, replace: { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) throw new UsageError("import-mqm takes exactly one FILE.tsv");
  const file = path.resolve(originalCwd, positionals[0]);
  const bytes = await readImportFile(file, positionals[0]);
  const { importMqm } = await import("../lib/server/mqm-import");
  const result = await importMqm(CLI_ACTOR, {
    fileName: path.basename(file),
    bytes,
    sourceLang: values["source-lang"],
    targetLang: values["target-lang"],
    replace: values.replace,
  });
  console.log(
    `Imported ${result.articles.length} articles (${result.articles.join(", ")}), ${result.versions} versions, ${result.segments} segments, ${result.annotations} annotations, ${result.reviewMarks} rated pairs.`,
  );
}

async function runScores(args: string[]) {
  const { values } = parseArgs({ args, options: { article: { type: "string" }, by: { type: "string", default: "version" }, format: { type: "string", default: "tsv" } } });
  if (values.by !== "version" && values.by !== "system") throw new UsageError("--by must be version or system");
  if (values.format !== "tsv" && values.format !== "json") throw new UsageError("--format must be tsv or json");
  const { computeScores } = await import("../lib/server/scores");
  const { scoresToTsv } = await import("../lib/mqm/scores-tsv");
  const rows = await computeScores(CLI_ACTOR, { articleSlug: values.article, by: values.by });
  process.stdout.write(values.format === "json" ? JSON.stringify({ by: values.by, scores: rows }, null, 2) + "\n" : scoresToTsv(rows, values.by));
}

async function runExport(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: "string" },
      article: { type: "string", multiple: true },
      lang: { type: "string" },
      label: { type: "string" },
      version: { type: "string" },
      out: { type: "string" },
      "approved-only": { type: "boolean", default: false },
      all: { type: "boolean", default: false },
    },
  });
  if (values.all) return runExportAll(values);
  const format = requireOption(values, "format");
  let body: string;
  if (format === "mqm-tsv" && !values.lang && !values.version) {
    // Annotations of several (or all) articles in one file.
    const { exportMqmTsv } = await import("../lib/server/mqm-export");
    body = await exportMqmTsv(CLI_ACTOR, values.article);
  } else {
    const articles = values.article ?? [];
    if (articles.length !== 1) throw new UsageError("give exactly one --article for this export");
    if (!values.lang && !values.version) throw new UsageError("missing --lang (or --version ID)");
    const { exportVersion } = await import("../lib/server/export");
    const file = await exportVersion(CLI_ACTOR, {
      slug: articles[0],
      lang: values.lang,
      label: values.label,
      versionId: values.version,
      format,
      approvedOnly: values["approved-only"],
    });
    body = file.body;
  }
  if (values.out) {
    fs.writeFileSync(path.resolve(originalCwd, values.out), body);
    console.error(`Wrote ${values.out}.`);
  } else {
    process.stdout.write(body);
  }
}

/** export --all: every version in every format (or those given by --format a,b), as files in the --out directory. */
async function runExportAll(values: { article?: string[]; format?: string; out?: string; lang?: string; version?: string; "approved-only"?: boolean }) {
  const articles = values.article ?? [];
  if (articles.length !== 1) throw new UsageError("give exactly one --article for export --all");
  if (values.lang || values.version) throw new UsageError("export --all takes every version; leave out --lang and --version");
  const dir = path.resolve(originalCwd, requireOption(values, "out"));
  const { exportArticle } = await import("../lib/server/export");
  const formats = values.format ? values.format.split(",").map((f) => f.trim()).filter(Boolean) : undefined;
  const { files, skipped } = await exportArticle(CLI_ACTOR, { slug: articles[0], formats, approvedOnly: values["approved-only"] });
  fs.mkdirSync(dir, { recursive: true });
  for (const file of files) fs.writeFileSync(path.join(dir, file.fileName), file.body);
  console.error(`Wrote ${files.length} files to ${values.out}.${skipped.length ? ` Skipped (not approved): ${skipped.join(", ")}.` : ""}`);
}

async function runTokenCreate(args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" } } });
  const { createApiToken } = await import("../lib/server/tokens");
  const { token } = await createApiToken(CLI_ACTOR, requireOption(values, "email"), values.name);
  console.log(token);
}

async function runCheck(args: string[]) {
  const { values } = parseArgs({ args, options: { article: { type: "string" }, lang: { type: "string" }, format: { type: "string", default: "text" } } });
  if (values.format !== "text" && values.format !== "json") throw new UsageError("--format must be json or text");
  const { getArticleFindings } = await import("../lib/server/checks");
  const findings = await getArticleFindings(CLI_ACTOR, requireOption(values, "article"), { lang: values.lang, waitForDictionaries: true });
  if (values.format === "json") {
    process.stdout.write(JSON.stringify(findings, null, 2) + "\n");
    return;
  }
  for (const f of findings) {
    const suggestion = f.suggestion !== undefined ? ` → ${f.suggestion}` : "";
    process.stdout.write(`${f.lang} ${f.label} #${f.position} ${f.level} ${f.checkId}: ${f.message}${f.quote ? ` "${f.quote}"` : ""}${suggestion}\n`);
  }
  const errors = findings.filter((f) => f.level === "error").length;
  console.error(`${findings.length} findings (${errors} errors, ${findings.length - errors} warnings).`);
}

async function runGlossary(args: string[]) {
  const [action, ...rest] = args;
  if (action === "import") {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { replace: { type: "boolean", default: false } } });
    if (positionals.length !== 1) throw new UsageError("glossary import takes exactly one FILE.csv");
    const bytes = await readImportFile(path.resolve(originalCwd, positionals[0]), positionals[0]);
    const { importGlossaryCsv } = await import("../lib/server/glossary");
    const result = await importGlossaryCsv(CLI_ACTOR, { fileName: path.basename(positionals[0]), bytes, replace: values.replace });
    console.log(`${positionals[0]}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`);
    return;
  }
  if (action === "export") {
    const { values } = parseArgs({ args: rest, options: { lang: { type: "string" }, article: { type: "string" }, out: { type: "string" } } });
    const { exportGlossaryCsv } = await import("../lib/server/glossary");
    const file = await exportGlossaryCsv(CLI_ACTOR, { lang: values.lang, articleSlug: values.article });
    if (values.out) {
      fs.writeFileSync(path.resolve(originalCwd, values.out), file.body);
      console.error(`Wrote ${values.out}.`);
    } else {
      process.stdout.write(file.body);
    }
    return;
  }
  throw new UsageError("glossary takes import FILE.csv [--replace] or export [--lang L] [--article SLUG] [--out FILE]");
}

async function runBackup(args: string[]) {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError("backup takes exactly one FILE");
  const { createBackup } = await import("../lib/server/backup");
  const backup = await createBackup(CLI_ACTOR);
  const file = path.resolve(originalCwd, positionals[0]);
  // Written beside the target and renamed, so a crash never leaves half a backup under the name.
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, JSON.stringify(backup), { mode: 0o600 });
  fs.renameSync(partial, file);
  const rows = Object.values(backup.tables).reduce((sum, table) => sum + table.length, 0);
  console.log(`Wrote ${positionals[0]}: ${Object.keys(backup.tables).length} tables, ${rows} rows.`);
}

async function runRestore(args: string[]) {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError("restore takes exactly one FILE");
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(originalCwd, positionals[0]), "utf8");
  } catch {
    throw new UsageError(`cannot read ${positionals[0]}`);
  }
  let backup: unknown;
  try {
    backup = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${positionals[0]} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A restore target may be a brand-new file: bring it to the current schema first (it stays empty).
  const { applyMigrations } = await import("../lib/server/prepare-database");
  applyMigrations();
  const { restoreBackup } = await import("../lib/server/backup");
  const { tables } = await restoreBackup(CLI_ACTOR, backup);
  const rows = Object.values(tables).reduce((sum, n) => sum + n, 0);
  console.log(`Restored ${rows} rows into ${Object.keys(tables).length} tables from ${positionals[0]}.`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    console.log(HELP);
    return 0;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  if (command === "import") await runImport(rest);
  else if (command === "import-mqm") await runImportMqm(rest);
  else if (command === "scores") await runScores(rest);
  else if (command === "export") await runExport(rest);
  else if (command === "user" && rest[0] === "add") await runUserAdd(rest.slice(1));
  else if (command === "token" && rest[0] === "create") await runTokenCreate(rest.slice(1));
  else if (command === "check") await runCheck(rest);
  else if (command === "glossary") await runGlossary(rest);
  else if (command === "backup") await runBackup(rest);
  else if (command === "restore") await runRestore(rest);
  else throw new UsageError(`unknown command: ${argv.join(" ")}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      console.error(`verso: ${error.message}\n\n${HELP}`);
      process.exit(2);
    }
    if (error instanceof DomainError) {
      console.error(`verso: ${error.message}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
