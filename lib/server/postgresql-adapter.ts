import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

/** The system catalogs' own text types, `"char"` and `name`, and their arrays, as `text` and `text[]`. */
const AS_TEXT: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

type QueryResult = { fields?: { dataTypeID: number }[] };

function nameAsText<T>(result: T): T {
  for (const field of (result as QueryResult | undefined)?.fields ?? []) field.dataTypeID = AS_TEXT[field.dataTypeID] ?? field.dataTypeID;
  return result;
}

/**
 * A pg client that reports `"char"` and `name` columns as `text`. Prisma 6.19's schema engine reads the
 * catalogs through the driver adapter, and adapter-pg 6.19 refuses those types ("Column type
 * 'name' could not be deserialized", prisma/orm#27403, fixed in later adapters): migrations need this.
 */
class CatalogClient extends pg.Client {
  // @ts-expect-error pg's overloads cannot be restated; this passes every form through.
  override query(...args: unknown[]) {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (error: unknown, result: unknown) => void;
      args[last] = (error: unknown, result: unknown) => callback(error, error ? result : nameAsText(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.then(nameAsText) : result;
  }
}

/** The adapter for Prisma's schema engine (prisma.config.ts): migrations on PostgreSQL. */
export function postgresqlMigrationAdapter(url: string): PrismaPg {
  return new PrismaPg({ connectionString: url, Client: CatalogClient } as pg.PoolConfig);
}
