import type Database from 'better-sqlite3';

/**
 * `PRAGMA application_id` of a SafeDist project file: the bytes "SDP1". A SQLite file carrying another id
 * belongs to some other program and is refused unopened.
 */
export const APPLICATION_ID = 0x53445031;

/**
 * The migrations, in order: migration k (1-based) takes a file from schema version k − 1 to k, and
 * `PRAGMA user_version` records the version reached. Never edit a released migration; append a new one.
 * docs/project-files.md describes every table.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE project (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL,
    input_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    saved_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE substance (id TEXT PRIMARY KEY, json TEXT NOT NULL, copied_at TEXT NOT NULL) STRICT;
  CREATE TABLE rule_set (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    rule_set_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    json TEXT NOT NULL
  ) STRICT;
  CREATE TABLE installation (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    substance TEXT NOT NULL REFERENCES substance (id)
  ) STRICT;
  CREATE TABLE area (
    kind TEXT NOT NULL CHECK (kind IN ('target', 'population')),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    category TEXT,
    day REAL NOT NULL,
    night REAL NOT NULL,
    PRIMARY KEY (kind, id)
  ) STRICT;
  CREATE TABLE results (
    input_hash TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    rule_set TEXT NOT NULL,
    json TEXT NOT NULL,
    computed_at TEXT NOT NULL,
    PRIMARY KEY (input_hash, engine_version, rule_set)
  ) STRICT;
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    summary TEXT NOT NULL,
    detail TEXT NOT NULL
  ) STRICT;
  `,
  `
  CREATE TABLE site_plan (
    seq INTEGER PRIMARY KEY,
    layer TEXT NOT NULL,
    closed INTEGER NOT NULL CHECK (closed IN (0, 1)),
    points TEXT NOT NULL,
    source TEXT NOT NULL
  ) STRICT;
  CREATE INDEX site_plan_layer ON site_plan (layer);
  `,
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings a file from `from` up to `to` (default: SCHEMA_VERSION) in one transaction, so a crash mid-way
 * leaves the file at its old version.
 */
export function migrate(db: Database.Database, from: number, to: number = SCHEMA_VERSION): void {
  if (from >= to) return;
  db.transaction(() => {
    for (let v = from; v < to; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${to}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
}
