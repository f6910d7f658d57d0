import { z } from "zod";

export const BACKUP_FORMAT = "verso-backup";
export const BACKUP_FORMAT_VERSION = 1;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One row as the file holds it: DateTime as ISO 8601 text, Json columns as JSON. */
export type BackupRow = Record<string, JsonValue>;

/** What `verso backup` writes: every table of the schema, keyed by Prisma model name. */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  /** Migrations applied to the database the backup was taken from, in order. */
  migrations: string[];
  tables: Record<string, BackupRow[]>;
}

const isoDateTime = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" });

/** What JSON.parse can return. Hand-written: z.json() costs ~20 µs on an audit event's payload, too slow for 100k rows. */
function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && Object.values(value).every(isJsonValue);
}

/** Checked first, so that any other file gets one plain answer instead of a list of missing fields. */
export const backupHeaderSchema = z.object({ format: z.literal(BACKUP_FORMAT), formatVersion: z.unknown() });

export const backupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: isoDateTime,
  migrations: z.array(z.string().min(1)),
  tables: z.record(z.string(), z.array(z.unknown())),
});

/** The column types a backup carries, by Prisma scalar type. Others (BigInt, Bytes, Decimal) are refused until they get an encoding. */
const VALUE_SCHEMAS = {
  String: z.string({ error: "must be a string" }),
  Int: z
    .number({ error: "must be a number" })
    .int({ error: "must be an integer" })
    .min(-2_147_483_648, { error: "must be a 32-bit integer" })
    .max(2_147_483_647, { error: "must be a 32-bit integer" }),
  Float: z.number({ error: "must be a finite number" }),
  Boolean: z.boolean({ error: "must be true or false" }),
  DateTime: isoDateTime,
  Json: z.custom<JsonValue>(isJsonValue, { error: "must be a JSON value" }),
} as const;

export type BackupFieldType = keyof typeof VALUE_SCHEMAS;

export function isBackupFieldType(type: string): type is BackupFieldType {
  return Object.hasOwn(VALUE_SCHEMAS, type);
}

export interface BackupColumn {
  name: string;
  type: BackupFieldType;
  nullable: boolean;
}

/**
 * A checker for the rows of one table: it returns the first problem with a
 * row, as "field "x" must be …", or null. Every row must have exactly
 * `columns`; `otherFields` are the model's fields the file left out (an older
 * schema), named as such rather than as unknown.
 */
export function rowChecker(columns: readonly BackupColumn[], otherFields: ReadonlySet<string>): (row: unknown) => string | null {
  const names = new Set(columns.map((c) => c.name));
  return (row) => {
    if (typeof row !== "object" || row === null || Array.isArray(row)) return "must be an object";
    const record = row as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!names.has(key)) return otherFields.has(key) ? `field "${key}" is not in the table's first row` : `unknown field "${key}"`;
    }
    for (const column of columns) {
      const value = record[column.name];
      if (value === undefined) return `field "${column.name}" is missing`;
      if (value === null) {
        // A NOT NULL Json column can hold JSON null; elsewhere null means SQL NULL.
        if (column.nullable || column.type === "Json") continue;
        return `field "${column.name}" must not be null`;
      }
      const parsed = VALUE_SCHEMAS[column.type].safeParse(value);
      if (!parsed.success) return `field "${column.name}" ${parsed.error.issues[0].message}`;
    }
    return null;
  };
}
