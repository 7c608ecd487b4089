// Proves that applying migrations/ yields exactly the database schema.prisma describes: tables,
// columns, types, nullability, enums, primary keys, unique and plain indexes, foreign keys.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum';
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

const schema = readFileSync(new URL('../schema.prisma', import.meta.url), 'utf8');
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schema }))) as Dmmf;
const models = dmmf.datamodel.models;
const tableOf = (model: string) => models.find((m) => m.name === model)?.dbName ?? model;
const columnOf = (model: string, field: string) => {
  const f = models.find((m) => m.name === model)?.fields.find((x) => x.name === field);
  return f?.dbName ?? field;
};
const enumDbName = (name: string) => dmmf.datamodel.enums.find((e) => e.name === name)?.dbName ?? name;

/** The PostgreSQL type Prisma creates for a field, as format_type() prints it. */
function expectedType(field: DmmfField): string {
  const native = field.nativeType;
  let base: string;
  if (field.kind === 'enum') base = `"${enumDbName(field.type)}"`;
  else if (native) {
    const [name, args] = native;
    const byNative: Record<string, string> = {
      Uuid: 'uuid',
      Text: 'text',
      Timestamptz: `timestamp(${args[0] ?? 6}) with time zone`,
      Timestamp: `timestamp(${args[0] ?? 6}) without time zone`,
      VarChar: `character varying(${args[0]})`,
      SmallInt: 'smallint',
      BigInt: 'bigint',
      Real: 'real',
      DoublePrecision: 'double precision',
      JsonB: 'jsonb',
    };
    base = byNative[name] ?? assert.fail(`add native type ${name} to this test`);
  } else {
    const byScalar: Record<string, string> = {
      String: 'text',
      Int: 'integer',
      BigInt: 'bigint',
      Float: 'double precision',
      Boolean: 'boolean',
      DateTime: 'timestamp(3) without time zone',
      Json: 'jsonb',
      Bytes: 'bytea',
      Decimal: 'numeric(65,30)',
    };
    base = byScalar[field.type] ?? assert.fail(`add scalar type ${field.type} to this test`);
  }
  return field.isList ? `${base}[]` : base;
}

let db: TestDatabase;
let client: pg.Client;
before(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
after(async () => {
  await client.end();
  await db.drop();
});

test('every table of the database is a model and every model a table', async () => {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  assert.deepEqual(rows.map((r) => r.table_name).sort(), models.map((m) => m.dbName ?? m.name).sort());
});

test('columns have the types and nullability schema.prisma declares', async () => {
  const { rows } = await client.query<{ table: string; column: string; type: string; nullable: boolean }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
       AND c.relname <> '_prisma_migrations'`,
  );
  const actual = rows.map((r) => `${r.table}.${r.column}: ${r.type}${r.nullable ? ' NULL' : ''}`).sort();
  const expected = models
    .flatMap((m) =>
      m.fields
        .filter((f) => f.kind !== 'object')
        .map(
          (f) =>
            `${m.dbName ?? m.name}.${f.dbName ?? f.name}: ${expectedType(f)}${f.isRequired || f.isList ? '' : ' NULL'}`,
        ),
    )
    .sort();
  assert.deepEqual(actual, expected);
});

test('enums have the declared values in order', async () => {
  const { rows } = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  );
  const expected = dmmf.datamodel.enums.map((e) => ({
    name: e.dbName ?? e.name,
    values: e.values.map((v) => v.dbName ?? v.name),
  }));
  assert.deepEqual(
    rows.sort((a, b) => a.name.localeCompare(b.name)),
    expected.sort((a, b) => a.name.localeCompare(b.name)),
  );
});

test('primary keys, unique and plain indexes match', async () => {
  const { rows } = await client.query<{
    table: string;
    columns: string[];
    primary: boolean;
    unique: boolean;
  }>(
    `SELECT t.relname AS table, i.indisprimary AS primary, i.indisunique AS unique,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
     FROM pg_index i
     JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
     GROUP BY t.relname, i.indexrelid, i.indisprimary, i.indisunique`,
  );
  const describe = (table: string, kind: string, columns: string[]) =>
    `${table} ${kind} (${columns.join(', ')})`;
  const actual = rows
    .map((r) => describe(r.table, r.primary ? 'primary' : r.unique ? 'unique' : 'index', r.columns))
    .sort();
  const expected = dmmf.datamodel.indexes
    .map((ix) =>
      describe(
        tableOf(ix.model),
        ix.type === 'id' ? 'primary' : ix.type === 'unique' ? 'unique' : 'index',
        ix.fields.map((f) => columnOf(ix.model, f.name)),
      ),
    )
    .sort();
  assert.deepEqual(actual, expected);
});

test('every relation is a foreign key', async () => {
  const { rows } = await client.query<{ table: string; columns: string[]; target: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS target,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
     FROM pg_constraint c
     JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) ON true
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
     WHERE c.contype = 'f' GROUP BY c.oid, c.conrelid, c.confrelid`,
  );
  const unquote = (s: string) => s.replace(/"/g, '');
  const actual = rows
    .map((r) => `${unquote(r.table)}(${r.columns.join(', ')}) -> ${unquote(r.target)}`)
    .sort();
  const expected = models
    .flatMap((m) =>
      m.fields
        .filter((f) => f.kind === 'object' && (f.relationFromFields?.length ?? 0) > 0)
        .map(
          (f) =>
            `${m.dbName ?? m.name}(${f.relationFromFields!.map((x) => columnOf(m.name, x)).join(', ')}) -> ${tableOf(f.type)}`,
        ),
    )
    .sort();
  assert.deepEqual(actual, expected);
});
