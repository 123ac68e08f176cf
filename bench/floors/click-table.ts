// The durable floors' one table: a click is one upsert in its own transaction on a SQLite file in
// WAL mode with `synchronous = FULL` (the commit is flushed to disk before the call returns), the
// least a vote or a declaration that survives a crash can cost. Keyed like the real rows: one per
// person, decision and kind of click.
import Database from 'better-sqlite3';

export interface ClickTable {
  /** upserts the click's row in one transaction; returns once it is on disk */
  record(click: { decision: string; person: string; kind: string; value: string }): void;
}

export function openClickTable(file: string): ClickTable {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    `CREATE TABLE IF NOT EXISTS click (
       decision TEXT NOT NULL, person TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, at INTEGER NOT NULL,
       PRIMARY KEY (decision, person, kind))`,
  );
  const upsert = db.prepare(
    `INSERT INTO click (decision, person, kind, value, at) VALUES (@decision, @person, @kind, @value, @at)
     ON CONFLICT (decision, person, kind) DO UPDATE SET value = excluded.value, at = excluded.at`,
  );
  const record = db.transaction((row: Record<string, string | number>) => upsert.run(row));
  return { record: (click) => void record({ ...click, at: Date.now() }) };
}

/** The floor's table file, from the environment: the benchmark gives each floor a fresh one. */
export function clickTableFromEnv(): ClickTable {
  const file = process.env.FLOOR_DATABASE;
  if (!file) throw new Error('FLOOR_DATABASE: set it to the SQLite file the durable floor writes.');
  return openClickTable(file);
}

/** "decision.vote~2" -> vote, "decision.declare.none" -> declare; the decision id is the value's first part. */
export function clickOf(actionId: string, value: string, person: string) {
  const kind = actionId.startsWith('decision.vote') ? 'vote' : actionId.replace(/^decision\./, '');
  return { decision: value.split(':')[0] ?? value, person, kind, value };
}
