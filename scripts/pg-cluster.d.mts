// Types for pg-cluster.mjs (plain JavaScript so that scripts run with bare node).
export interface PgCluster {
  port: number;
  /** postgresql://postgres@127.0.0.1:<port>/<database> (default: the maintenance database) */
  url(database?: string): string;
  /** CREATE DATABASE, optionally from a template; returns its URL */
  createDatabase(name: string, template?: string): Promise<string>;
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): void;
}
export const MISSING_POSTGRES: string;
export function postgresAvailable(): boolean;
export function runSqlSync(url: string, sql: string): void;
export function startPostgres(): Promise<PgCluster>;
