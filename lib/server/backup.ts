import { z } from "zod";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupFileSchema,
  backupHeaderSchema,
  isBackupFieldType,
  rowChecker,
  type BackupColumn,
  type BackupFieldType,
  type BackupFile,
  type BackupRow,
  type JsonValue,
} from "../validation/backup";
import type { Actor } from "./actor";
import { authorize } from "./authorize";
import { insertMany } from "./bulk-insert";
import { db, providerOf, readOnlyTransactions, type Tx } from "./db";
import { ConflictError, ValidationError } from "./errors";
import { Prisma, type PrismaClient } from "./generated/prisma/client";
import { validate } from "./validate";

export type { BackupFile } from "../validation/backup";

// A large database takes longer than Prisma's default 5 s transaction timeout.
const TRANSACTION_OPTIONS = { timeout: 10 * 60_000, maxWait: 30_000 };

interface ModelField {
  name: string;
  column: string;
  type: BackupFieldType;
}

interface Model {
  /** Prisma model name: the key in the file's `tables`. */
  name: string;
  delegate: string;
  table: string;
  fields: ModelField[];
}

interface Delegate {
  findMany(args: { select: Record<string, true> }): Promise<Record<string, unknown>[]>;
  count(): Promise<number>;
}

type Queryable = Pick<PrismaClient, "$queryRaw" | "$queryRawUnsafe">;

const runtimeDataModelSchema = z.object({
  models: z.record(
    z.string(),
    z.object({
      dbName: z.string().nullish(),
      fields: z.array(z.object({ name: z.string(), kind: z.string(), type: z.string(), dbName: z.string().nullish() })),
    }),
  ),
});

/**
 * Every model of the schema with its scalar fields and their types. The
 * prisma-client generator exports no DMMF (prisma/orm#28166), so this reads
 * the client's runtime data model and checks it against the public
 * Prisma.ModelName and <Model>ScalarFieldEnum lists: if a Prisma upgrade
 * changes that internal, backups fail loudly instead of dropping data.
 */
function schemaModels(client: PrismaClient): Model[] {
  const runtime = runtimeDataModelSchema.safeParse((client as unknown as { _runtimeDataModel?: unknown })._runtimeDataModel);
  if (!runtime.success) throw new Error("backup: Prisma's runtime data model has an unexpected shape");
  const publicEnums = Prisma as unknown as Record<string, Record<string, string> | undefined>;
  return Object.values(Prisma.ModelName).map((name) => {
    const model = runtime.data.models[name];
    const scalars = model?.fields.filter((f) => f.kind === "scalar" || f.kind === "enum") ?? [];
    const expected = Object.values(publicEnums[`${name}ScalarFieldEnum`] ?? {});
    if (!model || scalars.map((f) => f.name).sort().join() !== expected.sort().join()) {
      throw new Error(`backup: Prisma's runtime data model disagrees with Prisma.${name}ScalarFieldEnum`);
    }
    const fields = scalars.map((field) => {
      const type = field.kind === "enum" ? "String" : field.type;
      if (!isBackupFieldType(type)) throw new Error(`backup: ${name}.${field.name} has type ${type}, which backups cannot encode yet`);
      return { name: field.name, column: field.dbName ?? field.name, type };
    });
    return { name, delegate: name[0].toLowerCase() + name.slice(1), table: model.dbName ?? name, fields };
  });
}

function delegateOf(tx: Tx, model: Model): Delegate {
  const delegate = (tx as unknown as Record<string, Delegate | undefined>)[model.delegate];
  if (!delegate) throw new Error(`backup: the Prisma client has no model ${model.delegate}`);
  return delegate;
}

async function appliedMigrations(client: Queryable): Promise<string[]> {
  const rows = await client.$queryRaw<{ name: string }[]>`
    SELECT migration_name AS "name" FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
  return rows.map((row) => row.name);
}

/**
 * Reads every table of the schema in one read transaction (a consistent
 * snapshot) into a JSON-safe object: DateTime as ISO 8601, Json as JSON.
 * Rows keep the database's order.
 */
export async function createBackup(actor: Actor | null, client: PrismaClient = db): Promise<BackupFile> {
  authorize(actor, "database.backup");
  const models = schemaModels(client);
  // SQLite transactions are serializable; PostgreSQL needs REPEATABLE READ for one snapshot across queries.
  // (The level's name as a string: the SQLite client's enum of levels lacks it.)
  const isolation = providerOf(client) === "postgresql" ? { isolationLevel: "RepeatableRead" as Prisma.TransactionIsolationLevel } : {};
  // A read transaction: it must not hold the write lock while a live server writes.
  return readOnlyTransactions(() =>
    client.$transaction(
      async (tx) => {
        const migrations = await appliedMigrations(tx);
        const tables: Record<string, BackupRow[]> = {};
        for (const model of models) {
          // An explicit select, so a global `omit` (say, of password hashes) can never thin out a backup.
          const select = Object.fromEntries(model.fields.map((f) => [f.name, true as const]));
          const rows = await delegateOf(tx, model).findMany({ select });
          tables[model.name] = rows.map((row) => Object.fromEntries(model.fields.map((f) => [f.name, encode(model, f, row[f.name])])));
        }
        return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt: new Date().toISOString(), migrations, tables };
      },
      { ...TRANSACTION_OPTIONS, ...isolation },
    ),
  );
}

function encode(model: Model, field: ModelField, value: unknown): JsonValue {
  if (value === null) return null;
  if (field.type === "DateTime" && value instanceof Date) return value.toISOString();
  if (field.type === "Float" && !Number.isFinite(value)) throw new Error(`backup: ${model.name}.${field.name} holds ${String(value)}, which JSON cannot carry`);
  if (value === undefined || value instanceof Date) throw new Error(`backup: ${model.name}.${field.name} read as ${String(value)}`);
  return value as JsonValue;
}

interface TableCatalog {
  columns: Map<string, { notNull: boolean; hasDefault: boolean }>;
  /** This table's foreign keys, column by column. */
  references: { column: string; table: string; referencedColumn: string }[];
}

// The schema as the target database enforces it: NOT NULL, defaults and foreign keys. (PostgreSQL's
// identifiers are cast to text: adapter-pg 6.19 cannot read their type, `name`.)
const CATALOG_SQL = {
  sqlite: {
    columns: `SELECT m.name AS "table", c.name AS "column", c."notnull" AS "notNull", c.dflt_value IS NOT NULL AS "hasDefault"
      FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table'`,
    foreignKeys: `SELECT m.name AS "table", f."from" AS "column", f."table" AS "references", f."to" AS "referencedColumn"
      FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`,
  },
  postgresql: {
    columns: `SELECT table_name::text AS "table", column_name::text AS "column", is_nullable = 'NO' AS "notNull", column_default IS NOT NULL AS "hasDefault"
      FROM information_schema.columns WHERE table_schema = current_schema()`,
    foreignKeys: `SELECT kcu.table_name::text AS "table", kcu.column_name::text AS "column", ref.table_name::text AS "references", ref.column_name::text AS "referencedColumn"
      FROM information_schema.referential_constraints rc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_schema = rc.constraint_schema AND kcu.constraint_name = rc.constraint_name
      JOIN information_schema.key_column_usage ref ON ref.constraint_schema = rc.unique_constraint_schema
        AND ref.constraint_name = rc.unique_constraint_name AND ref.ordinal_position = kcu.position_in_unique_constraint
      WHERE kcu.table_schema = current_schema()`,
  },
} as const;

async function readCatalog(client: Queryable): Promise<Map<string, TableCatalog>> {
  const sql = CATALOG_SQL[providerOf(client)];
  const columns = await client.$queryRawUnsafe<{ table: string; column: string; notNull: unknown; hasDefault: unknown }[]>(sql.columns);
  const foreignKeys = await client.$queryRawUnsafe<{ table: string; column: string; references: string; referencedColumn: string }[]>(sql.foreignKeys);
  const catalog = new Map<string, TableCatalog>();
  const entry = (table: string) => catalog.get(table) ?? catalog.set(table, { columns: new Map(), references: [] }).get(table)!;
  for (const c of columns) entry(c.table).columns.set(c.column, { notNull: Boolean(c.notNull), hasDefault: Boolean(c.hasDefault) });
  for (const fk of foreignKeys) entry(fk.table).references.push({ column: fk.column, table: fk.references, referencedColumn: fk.referencedColumn });
  return catalog;
}

/** Models ordered so that each comes after every table its foreign keys reference. */
function insertOrder(models: Model[], catalog: Map<string, TableCatalog>): Model[] {
  const tables = new Set(models.map((m) => m.table));
  const done = new Set<string>();
  const order: Model[] = [];
  while (order.length < models.length) {
    const ready = models.find(
      (m) => !done.has(m.table) && (catalog.get(m.table)?.references ?? []).every((r) => done.has(r.table) || !tables.has(r.table)),
    );
    if (!ready) {
      const rest = models.filter((m) => !done.has(m.table)).map((m) => m.name);
      throw new Error(`restore: the foreign keys among ${rest.join(", ")} form a cycle; rows cannot be inserted table by table`);
    }
    done.add(ready.table);
    order.push(ready);
  }
  return order;
}

type Value = Parameters<typeof insertMany>[3][number][number];
type Column = BackupColumn & { column: string };

interface PreparedTable {
  model: Model;
  columns: Column[];
  values: Value[][];
}

/** Checks one table's rows against the target's columns and turns them into insertMany values. */
function prepareTable(model: Model, rows: unknown[], catalog: TableCatalog | undefined): PreparedTable {
  if (!catalog) throw new ConflictError(`the database has no table "${model.table}"; migrate it first`, { table: model.table });
  const first = rows[0];
  const present = typeof first === "object" && first !== null ? new Set(Object.keys(first)) : null;
  const columns: Column[] = [];
  const leftOut = new Set<string>();
  for (const field of model.fields) {
    const info = catalog.columns.get(field.column);
    if (!info) throw new ConflictError(`the database's table "${model.table}" has no column "${field.column}"; migrate it first`, { table: model.table });
    if (!present || present.has(field.name)) columns.push({ ...field, nullable: !info.notNull });
    else if (info.notNull && !info.hasDefault) throw rowError(model, 0, `field "${field.name}" is missing`);
    else leftOut.add(field.name);
  }
  const check = rowChecker(columns, leftOut);
  const values = rows.map((row, index) => {
    const problem = check(row);
    if (problem) throw rowError(model, index, problem);
    const record = row as BackupRow;
    return columns.map((column) => toValue(record[column.name], column));
  });
  return { model, columns, values };
}

/** Every foreign key must point at a row of the same file (the target is empty): names the first row that does not. */
function checkReferences(tables: PreparedTable[], catalog: Map<string, TableCatalog>): void {
  const byTable = new Map(tables.map((t) => [t.model.table, t]));
  const keys = new Map<string, Set<Value>>();
  const keysOf = (table: PreparedTable, column: string) => {
    const id = `${table.model.table}\u0000${column}`;
    let found = keys.get(id);
    if (!found) {
      const index = table.columns.findIndex((c) => c.column === column);
      keys.set(id, (found = new Set(index < 0 ? [] : table.values.map((row) => row[index]))));
    }
    return found;
  };
  for (const table of tables) {
    for (const reference of catalog.get(table.model.table)?.references ?? []) {
      const target = byTable.get(reference.table);
      const index = table.columns.findIndex((c) => c.column === reference.column);
      if (!target || index < 0) continue;
      const existing = keysOf(target, reference.referencedColumn);
      const row = table.values.findIndex((values) => values[index] !== null && !existing.has(values[index]));
      if (row >= 0) {
        throw rowError(table.model, row, `field "${table.columns[index].name}" refers to a ${target.model.name} that is not in the backup`);
      }
    }
  }
}

function rowError(model: Model, index: number, problem: string): ValidationError {
  return new ValidationError(`table "${model.name}" row ${index + 1}: ${problem}`, { table: model.name, row: index + 1 });
}

function toValue(value: JsonValue, column: BackupColumn): Value {
  // null in a nullable Json column is SQL NULL (what Prisma reads back as null); in a NOT NULL one, JSON null.
  if (column.type === "Json") return value === null && column.nullable ? null : JSON.stringify(value);
  if (value === null) return null;
  if (column.type === "DateTime") return new Date(value as string);
  return value as string | number | boolean;
}

function parseBackup(input: unknown): z.output<typeof backupFileSchema> {
  const header = backupHeaderSchema.safeParse(input);
  if (!header.success) throw new ValidationError("not a Verso backup", { field: "format" });
  const version = header.data.formatVersion;
  if (version !== BACKUP_FORMAT_VERSION) {
    throw new ValidationError(`formatVersion ${JSON.stringify(version) ?? "(missing)"} is not supported`, { field: "formatVersion" });
  }
  return validate(backupFileSchema, input);
}

/**
 * Restores a backup into an empty, migrated database in one transaction,
 * parents before children. The file is checked completely first: bad input,
 * a non-empty database or missing migrations write nothing. No audit event is
 * added, so the log stays exactly as backed up; the caller reports the counts.
 */
export async function restoreBackup(actor: Actor | null, backup: unknown, client: PrismaClient = db): Promise<{ tables: Record<string, number> }> {
  authorize(actor, "database.restore");
  const file = parseBackup(backup);
  const models = schemaModels(client);
  const unknown = Object.keys(file.tables).find((name) => !models.some((m) => m.name === name));
  if (unknown !== undefined) throw new ValidationError(`unknown table "${unknown}"`, { table: unknown });

  const applied = new Set(await appliedMigrations(client));
  const missing = file.migrations.filter((name) => !applied.has(name));
  if (missing.length > 0) {
    throw new ConflictError(`the backup needs migrations this database lacks: ${missing.join(", ")}; run prisma migrate deploy first`, { missing });
  }
  const catalog = await readCatalog(client);
  const plan = insertOrder(models, catalog).map((model) => prepareTable(model, file.tables[model.name] ?? [], catalog.get(model.table)));
  checkReferences(plan, catalog);

  return client.$transaction(async (tx) => {
    const occupied: string[] = [];
    for (const model of models) {
      const count = await delegateOf(tx, model).count();
      if (count > 0) occupied.push(`${model.name} (${count})`);
    }
    if (occupied.length > 0) {
      throw new ConflictError(`restore needs an empty database; this one has rows in ${occupied.join(", ")}`, { tables: occupied });
    }
    for (const { model, columns, values } of plan) {
      if (values.length > 0) await insertMany(tx, model.table, columns.map((c) => c.column), values, client);
    }
    return { tables: Object.fromEntries(models.map((m) => [m.name, plan.find((p) => p.model === m)!.values.length])) };
  }, TRANSACTION_OPTIONS);
}
