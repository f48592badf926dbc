import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Project } from '../../core/project/types.ts';
import type { RuleSet } from '../../core/rules/types.ts';
import type { Substance } from '../../core/substance/index.ts';
import { inputHash } from '../hash.ts';
import { parseProject, ProjectError } from '../project/index.ts';
import { DEFAULT_RULE_SET, getRuleSet, parseRuleSet, RuleSetError } from '../rules/index.ts';
import { RULE_SET_FORMAT } from '../rules/schema.ts';
import { builtInLibrary } from '../substances/library.ts';
import { fsyncPath, temporaryPathBeside } from './atomic.ts';
import { jsonChanges, type JsonChange } from './diff.ts';
import { StoreError } from './errors.ts';
import { APPLICATION_ID, migrate, SCHEMA_VERSION } from './schema.ts';
import { decodeTaggedJson, encodeTaggedJson } from './tagged-json.ts';

export { StoreError } from './errors.ts';

/** Where substances come from when a project first uses them (the built-in library by default). */
export interface SubstanceSource {
  readonly substances: readonly Substance[];
}

export interface WriteOptions {
  /** ISO 8601 time of the change, written to the audit log; now when absent. */
  at?: string;
  /** Audit-log action, e.g. `save`, `import-csv`; `save` when absent. */
  action?: string;
  /** One line for the audit log; a list of the changed fields when absent. */
  summary?: string;
  /** A rule set to copy into the file instead of the built-in one the project names. */
  ruleSet?: RuleSet;
  /** Library for substances not yet copied into the file. */
  library?: SubstanceSource;
  /** The file the text was read from, named in validation errors; the project file when absent. */
  sourceName?: string;
}

/** One audit-log entry. */
export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  summary: string;
  detail: { changes?: JsonChange[]; overrides?: unknown[]; [key: string]: unknown };
}

/** Identifies a cached result: the same inputs, engine and rule set give the same numbers. */
export interface ResultKey {
  inputHash: string;
  engineVersion: string;
  /** `ruleSetKey(rules)`: id, version and a hash of the rule set's content. */
  ruleSet: string;
}

/** A polyline of an imported site plan, site metres. */
export interface PlanPolyline {
  layer: string;
  closed: boolean;
  points: [number, number][];
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** The cache key of a rule set: `id vN sha256:…` of its content, so an edited copy never hits another's results. */
export function ruleSetKey(rules: RuleSet): string {
  return `${rules.id} v${rules.version} ${inputHash(ruleSetDocument(rules))}`;
}

/** A rule set as a rule-set file (data/rules/), which parseRuleSet reads back to an equal value. */
function ruleSetDocument(rules: RuleSet): object {
  return { format: RULE_SET_FORMAT, ...rules };
}

const now = () => new Date().toISOString();

/**
 * Reads the 100-byte SQLite header without SQLite touching the file, so that a foreign, truncated or newer
 * file is refused before anything could write to it (https://www.sqlite.org/fileformat.html §1.3).
 * Returns the header's user_version, or undefined when a WAL file beside it may hold a newer header.
 */
function checkHeader(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw new StoreError(path, `cannot open (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (size === 0) throw new StoreError(path, 'empty file, not a SafeDist project (.sdp)');
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC)
    throw new StoreError(path, 'not a SafeDist project (.sdp): not an SQLite database');
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0)
    throw new StoreError(path, 'corrupted: invalid page size in the file header');
  const hasWal = existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;
  if (hasWal) return; // the header may be stale until SQLite replays the WAL; checked again after opening
  if (size % pageSize !== 0 || size < pageSize)
    throw new StoreError(
      path,
      `truncated or corrupted: ${size} bytes is not a whole number of ${pageSize}-byte pages`,
    );
  const pages = header.readUInt32BE(28);
  const headerValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  if (headerValid && pages * pageSize > size)
    throw new StoreError(
      path,
      `truncated: the header counts ${pages} pages, the file holds ${size / pageSize}`,
    );
  checkIdentity(path, header.readUInt32BE(68), header.readUInt32BE(60));
}

function checkIdentity(path: string, applicationId: number, version: number): void {
  if (applicationId !== APPLICATION_ID)
    throw new StoreError(
      path,
      `not a SafeDist project (.sdp): an SQLite database of another program (application_id ${applicationId})`,
    );
  if (version > SCHEMA_VERSION)
    throw new StoreError(
      path,
      `written by a newer SafeDist (project file schema ${version}; this version reads up to ${SCHEMA_VERSION}); ` +
        'open it with that version or newer — the file was not changed',
    );
  if (version < 1) throw new StoreError(path, 'not a SafeDist project (.sdp): no schema version');
}

function openDatabase(path: string): Database.Database {
  try {
    return new Database(path, { fileMustExist: true });
  } catch (e) {
    throw new StoreError(path, `cannot open (${(e as Error).message})`);
  }
}

/** SQLite settings of every connection: WAL with full syncs, and foreign keys enforced. */
function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/**
 * An open SafeDist project file (`.sdp`, docs/project-files.md): one SQLite database holding the project
 * JSON exactly as written, the substance data and rule set it uses, cached results keyed by input hash, the
 * audit log and an imported site plan. Every write is one SQLite transaction in WAL mode with full syncs,
 * checkpointed into the main file afterwards, so a crash at any moment leaves the previous or the new version.
 */
export class ProjectStore {
  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
    private parsed: Content,
  ) {}

  /**
   * Opens a project file: checks the header (SQLite, SafeDist's application id, a schema version this build
   * reads), runs `PRAGMA quick_check`, migrates an older schema in one transaction, and validates the
   * project. A file that fails any check is left unchanged.
   * @throws StoreError naming the file and the problem
   */
  static open(path: string): ProjectStore {
    checkHeader(path);
    const db = openDatabase(path);
    try {
      let version: number;
      try {
        const applicationId = db.pragma('application_id', { simple: true }) as number;
        version = db.pragma('user_version', { simple: true }) as number;
        checkIdentity(path, applicationId, version);
        const check = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
        const problems = check.map((r) => r.quick_check).filter((m) => m !== 'ok');
        if (problems.length > 0) throw new StoreError(path, `corrupted: ${problems.slice(0, 3).join('; ')}`);
      } catch (e) {
        if (e instanceof StoreError) throw e;
        throw new StoreError(path, `corrupted or not a SafeDist project (${(e as Error).message})`);
      }
      // Read and validate everything before the first write (WAL mode, migrations), so a file whose content
      // is damaged is left exactly as it was.
      const content = readContent(db, path);
      configure(db);
      migrate(db, version);
      return new ProjectStore(path, db, content);
    } catch (e) {
      db.close();
      if (e instanceof StoreError) throw e;
      throw new StoreError(path, `cannot be read (${(e as Error).message})`);
    }
  }

  /**
   * Creates a new project file from a project JSON text. The file is built under a temporary name in the
   * same directory and renamed into place, so `path` either does not exist or holds the complete project.
   * @throws StoreError when `path` exists; ProjectError when the project is invalid
   */
  static create(path: string, text: string, options: WriteOptions = {}): ProjectStore {
    if (existsSync(path)) throw new StoreError(path, 'already exists (choose another name, or save into it)');
    const temp = temporaryPathBeside(path);
    try {
      const db = new Database(temp);
      try {
        migrate(db, 0);
        db.pragma('foreign_keys = ON');
        writeProject(db, temp, options.sourceName ?? path, text, { action: 'create', ...options });
      } finally {
        db.close();
      }
      fsyncPath(temp);
      // A WAL left beside a deleted file would otherwise be replayed onto the new one.
      rmSync(`${path}-wal`, { force: true });
      rmSync(`${path}-shm`, { force: true });
      renameSync(temp, path);
      fsyncPath(dirname(path), true);
    } catch (e) {
      rmSync(temp, { force: true });
      rmSync(`${temp}-journal`, { force: true });
      throw e;
    }
    return ProjectStore.open(path);
  }

  /** The project JSON exactly as last saved (byte for byte the text that was imported or saved). */
  get text(): string {
    return this.parsed.text;
  }

  /** The project, validated, with the rule set's defaults filled in. */
  get project(): Project {
    return this.parsed.project;
  }

  /** The rule set copied into the file. */
  get rules(): RuleSet {
    return this.parsed.rules;
  }

  /** The substances copied into the file, by id. */
  get substances(): ReadonlyMap<string, Substance> {
    return this.parsed.substances;
  }

  /** `sha256:` of the canonical project JSON: the key of its cached results. */
  get inputHash(): string {
    return (this.db.prepare('SELECT input_hash FROM project WHERE id = 1').get() as { input_hash: string })
      .input_hash;
  }

  /** The schema version of the open file (after migration, SCHEMA_VERSION). */
  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /**
   * Saves a new version of the project JSON in one transaction: the text, the index tables, the substance
   * copies (kept for substances already in the file, copied from the library for new ones), the rule set
   * and an audit entry listing what changed. Nothing is written when the project is invalid.
   * @throws ProjectError naming the file and every problem
   * @returns the audit entry written (none when the text is unchanged)
   */
  save(text: string, options: WriteOptions = {}): AuditEntry | undefined {
    if (text === this.parsed.text && !options.ruleSet) return undefined;
    const entry = writeProject(this.db, this.path, options.sourceName ?? this.path, text, options);
    this.checkpoint();
    this.parsed = readContent(this.db, this.path);
    return entry;
  }

  /** A cached result, decoded exactly as it was stored; undefined when none matches the key. */
  getResult(key: ResultKey): unknown {
    const row = this.db
      .prepare('SELECT json FROM results WHERE input_hash = ? AND engine_version = ? AND rule_set = ?')
      .get(key.inputHash, key.engineVersion, key.ruleSet) as { json: string } | undefined;
    return row ? decodeTaggedJson(row.json) : undefined;
  }

  /** The most recently computed result for the current inputs, with its key (any engine, any rule set). */
  latestResult(): { key: ResultKey; computedAt: string; value: unknown } | undefined {
    const row = this.db
      .prepare(
        'SELECT input_hash, engine_version, rule_set, json, computed_at FROM results WHERE input_hash = ? ORDER BY computed_at DESC LIMIT 1',
      )
      .get(this.inputHash) as
      | { input_hash: string; engine_version: string; rule_set: string; json: string; computed_at: string }
      | undefined;
    if (!row) return undefined;
    return {
      key: { inputHash: row.input_hash, engineVersion: row.engine_version, ruleSet: row.rule_set },
      computedAt: row.computed_at,
      value: decodeTaggedJson(row.json),
    };
  }

  /** Caches a result under its key (replacing one with the same key). */
  putResult(key: ResultKey, value: unknown, options: { at?: string } = {}): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO results (input_hash, engine_version, rule_set, json, computed_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(key.inputHash, key.engineVersion, key.ruleSet, encodeTaggedJson(value), options.at ?? now());
    this.checkpoint();
  }

  /** The audit log, oldest first. */
  audit(): AuditEntry[] {
    const rows = this.db.prepare('SELECT seq, at, action, summary, detail FROM audit ORDER BY seq').all() as {
      seq: number;
      at: string;
      action: string;
      summary: string;
      detail: string;
    }[];
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as AuditEntry['detail'] }));
  }

  /** The imported site plan's polylines, in import order. */
  sitePlan(): PlanPolyline[] {
    const rows = this.db.prepare('SELECT layer, closed, points FROM site_plan ORDER BY seq').all() as {
      layer: string;
      closed: number;
      points: string;
    }[];
    return rows.map((r) => ({
      layer: r.layer,
      closed: r.closed === 1,
      points: JSON.parse(r.points) as [number, number][],
    }));
  }

  /** Replaces the site plan with `polylines` (from `source`, e.g. a DXF file name), with an audit entry. */
  replaceSitePlan(polylines: readonly PlanPolyline[], source: string, options: { at?: string } = {}): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM site_plan').run();
      const insert = this.db.prepare(
        'INSERT INTO site_plan (layer, closed, points, source) VALUES (?, ?, ?, ?)',
      );
      for (const p of polylines) insert.run(p.layer, p.closed ? 1 : 0, JSON.stringify(p.points), source);
      appendAudit(this.db, {
        at: options.at ?? now(),
        action: 'import-site-plan',
        summary: `site plan: ${polylines.length} polylines from ${source}`,
        detail: { source, layers: [...new Set(polylines.map((p) => p.layer))] },
      });
    })();
    this.checkpoint();
  }

  /** `PRAGMA integrity_check`: an empty list when the file is sound. */
  verify(): string[] {
    const rows = this.db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  }

  /** Copies the whole file's content (for an autosave or "save as"), consistent as of the last commit. */
  serialize(): Buffer {
    return this.db.serialize();
  }

  /** Closes the file; SQLite folds the WAL back into it and removes the WAL. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Folds the WAL into the main file so the `.sdp` alone is complete (e.g. to send to a reviewer). */
  private checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

/** What a project file holds, validated. */
interface Content {
  text: string;
  project: Project;
  rules: RuleSet;
  substances: Map<string, Substance>;
}

/**
 * Reads and validates the project, its rule-set copy and substance copies. Uses only tables present since
 * schema 1, so it runs before an older file is migrated.
 */
function readContent(db: Database.Database, path: string): Content {
  try {
    const row = db.prepare('SELECT json FROM project WHERE id = 1').get() as { json: string } | undefined;
    if (!row) throw new StoreError(path, 'corrupted: the file holds no project');
    const ruleRow = db.prepare('SELECT json FROM rule_set WHERE id = 1').get() as
      { json: string } | undefined;
    if (!ruleRow) throw new StoreError(path, 'corrupted: the file holds no rule set');
    const substances = new Map<string, Substance>();
    for (const s of db.prepare('SELECT id, json FROM substance').all() as { id: string; json: string }[])
      substances.set(s.id, JSON.parse(s.json) as Substance);
    const rules = parseRuleSet(JSON.parse(ruleRow.json), `${path} (rule set copy)`);
    const project = parseProject(JSON.parse(row.json), {
      fileName: path,
      isKnownSubstance: (id) => substances.has(id),
      ruleSet: rules,
    });
    return { text: row.json, project, rules, substances };
  } catch (e) {
    if (e instanceof StoreError) throw e;
    if (e instanceof ProjectError || e instanceof RuleSetError) throw new StoreError(path, e.message);
    throw new StoreError(path, `corrupted: ${(e as Error).message}`);
  }
}

function appendAudit(db: Database.Database, e: Omit<AuditEntry, 'seq'>): AuditEntry {
  const info = db
    .prepare('INSERT INTO audit (at, action, summary, detail) VALUES (?, ?, ?, ?)')
    .run(e.at, e.action, e.summary, JSON.stringify(e.detail));
  return { seq: Number(info.lastInsertRowid), ...e };
}

/** Equipment items whose LOC catalogue was overridden, with the reason given (spec/project-format.md). */
function overridesOf(json: unknown): unknown[] {
  const installations = (json as { installations?: unknown }).installations;
  if (!Array.isArray(installations)) return [];
  return installations.flatMap((i: { id?: unknown; equipment?: unknown }) =>
    Array.isArray(i.equipment)
      ? i.equipment
          .map((e: Record<string, unknown>, index: number) => ({ e, index }))
          .filter(({ e }) => e.frequencies !== undefined || e.disable !== undefined)
          .map(({ e, index }) => ({
            installation: i.id,
            equipment: index,
            frequencies: e.frequencies,
            disable: e.disable,
            reason: e.reason,
          }))
      : [],
  );
}

function summarise(changes: readonly JsonChange[]): string {
  if (changes.length === 0) return 'no change to the inputs';
  const shown = changes.slice(0, 5).map((c) => `${c.path} ${c.change}`);
  return `${changes.length} change${changes.length === 1 ? '' : 's'}: ${shown.join(', ')}${changes.length > 5 ? ', …' : ''}`;
}

/**
 * Validates `text` and writes it with its copies, index rows and audit entry in one transaction on `db`.
 * `fileName` is named in errors.
 */
function writeProject(
  db: Database.Database,
  dbPath: string,
  fileName: string,
  text: string,
  options: WriteOptions,
): AuditEntry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProjectError(fileName, [`not valid JSON (${(e as Error).message})`]);
  }
  const at = options.at ?? now();
  const stored = new Map(
    (db.prepare('SELECT id, json FROM substance').all() as { id: string; json: string }[]).map((s) => [
      s.id,
      JSON.parse(s.json) as Substance,
    ]),
  );
  // The library is read only for a substance the file does not hold yet.
  const substanceOf = (id: string) =>
    stored.get(id) ?? (options.library ?? builtInLibrary()).substances.find((s) => s.id === id);
  const ruleRow = db.prepare('SELECT json FROM rule_set WHERE id = 1').get() as { json: string } | undefined;
  const storedRules = ruleRow
    ? parseRuleSet(JSON.parse(ruleRow.json), `${dbPath} (rule set copy)`)
    : undefined;
  const wanted =
    (json as { settings?: { ruleSet?: { id?: unknown; version?: unknown } } } | null)?.settings?.ruleSet ??
    DEFAULT_RULE_SET;
  let rules = options.ruleSet;
  if (!rules && storedRules && storedRules.id === wanted.id && storedRules.version === wanted.version)
    rules = storedRules;
  if (!rules) {
    try {
      rules = getRuleSet(String(wanted.id), typeof wanted.version === 'number' ? wanted.version : undefined);
    } catch (e) {
      if (!(e instanceof RuleSetError)) throw e;
      throw new ProjectError(
        fileName,
        e.issues.map((i) => `settings.ruleSet: ${i}`),
      );
    }
  }
  const project = parseProject(json, {
    fileName,
    isKnownSubstance: (id) => substanceOf(id) !== undefined,
    ruleSet: rules,
  });
  const previous = db.prepare('SELECT json FROM project WHERE id = 1').get() as { json: string } | undefined;
  const before: unknown = previous ? JSON.parse(previous.json) : undefined;
  const changes = previous ? jsonChanges(before, json) : [];
  const overrides = overridesOf(json);
  const overridesChanged = JSON.stringify(overrides) !== JSON.stringify(previous ? overridesOf(before) : []);
  let entry: AuditEntry | undefined;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO project (id, json, input_hash, name, saved_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET json = excluded.json, input_hash = excluded.input_hash,
       name = excluded.name, saved_at = excluded.saved_at`,
    ).run(text, inputHash(json), project.name, at);
    db.prepare('DELETE FROM installation').run();
    db.prepare('DELETE FROM area').run();
    const used = new Set(project.installations.map((i) => i.substance));
    for (const id of stored.keys())
      if (!used.has(id)) db.prepare('DELETE FROM substance WHERE id = ?').run(id);
    const insertSubstance = db.prepare('INSERT INTO substance (id, json, copied_at) VALUES (?, ?, ?)');
    for (const id of used) if (!stored.has(id)) insertSubstance.run(id, JSON.stringify(substanceOf(id)), at);
    const insertInstallation = db.prepare(
      'INSERT INTO installation (id, name, status, substance) VALUES (?, ?, ?, ?)',
    );
    for (const i of project.installations) insertInstallation.run(i.id, i.name, i.status, i.substance);
    const insertArea = db.prepare(
      'INSERT INTO area (kind, id, name, category, day, night) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const t of project.targets)
      insertArea.run('target', t.id, t.name, t.category, t.population.day, t.population.night);
    for (const a of project.population)
      insertArea.run('population', a.id, a.name, null, a.population.day, a.population.night);
    db.prepare(
      `INSERT INTO rule_set (id, rule_set_id, version, json) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET rule_set_id = excluded.rule_set_id, version = excluded.version, json = excluded.json`,
    ).run(rules.id, rules.version, JSON.stringify(ruleSetDocument(rules)));
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('writer', ?)").run(
      `safedist project file schema ${SCHEMA_VERSION}`,
    );
    entry = appendAudit(db, {
      at,
      action: options.action ?? 'save',
      summary: options.summary ?? (previous ? summarise(changes) : `created project '${project.name}'`),
      detail: {
        inputHash: inputHash(json),
        ruleSet: { id: rules.id, version: rules.version },
        ...(previous ? { changes } : {}),
        ...(overridesChanged ? { overrides } : {}),
      },
    });
  })();
  return entry!;
}
