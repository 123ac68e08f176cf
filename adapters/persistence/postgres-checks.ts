// Before the pool: DATABASE_URL parses, and one connection with a time limit proves the server
// answers, accepts the user and has the database. Without the limit a firewalled address would
// keep start-up waiting for the operating system's TCP timeout (minutes), twice.
import { errorCode, StartupProblem } from '../startup-problem.ts';

/** How long one connection attempt may take: start-up must answer within seconds, not minutes. */
export const CONNECT_TIMEOUT_MS = 5_000;

interface Where {
  host: string;
  port: number;
  database: string;
  user: string;
}

const URL_FIX =
  'Write it as postgresql://USER:PASSWORD@HOST:5432/DATABASE, with characters such as @ : / # ? [ % in the password percent-encoded (@ as %40)';

/** The connection settings pg reads from the URL; a StartupProblem (never echoing the URL) when it cannot. */
export async function postgresTarget(url: string): Promise<Where> {
  const { default: pg } = await import('pg');
  try {
    const client = new pg.Client({ connectionString: url });
    return { host: client.host, port: client.port, database: client.database ?? '', user: client.user ?? '' };
  } catch (error) {
    throw new StartupProblem(
      'E_PG_URL_INVALID',
      'DATABASE_URL',
      `is not a valid PostgreSQL URL (${errorCode(error) ?? 'unreadable'})`,
      URL_FIX,
    );
  }
}

const place = (w: Where) => `${w.host}:${w.port}`;

/** A failed connection to PostgreSQL as a StartupProblem naming the setting to change. */
export function postgresProblem(error: unknown, w: Where): StartupProblem {
  const code = errorCode(error) ?? '';
  const message = error instanceof Error ? error.message : String(error);
  const problem = (c: ConstructorParameters<typeof StartupProblem>[0], text: string, fix: string) =>
    new StartupProblem(c, 'DATABASE_URL', text, fix);
  if (code === 'ECONNREFUSED')
    return problem(
      'E_PG_REFUSED',
      `nothing accepts connections at ${place(w)}`,
      'Start PostgreSQL there, or correct the host and port in DATABASE_URL',
    );
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return problem(
      'E_PG_HOST_UNKNOWN',
      `the host name ${w.host} cannot be resolved`,
      'Correct the host in DATABASE_URL',
    );
  if (/timeout/i.test(message) || ['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)) {
    return problem(
      'E_PG_TIMEOUT',
      `PostgreSQL at ${place(w)} did not answer within ${CONNECT_TIMEOUT_MS / 1000} seconds`,
      'Check the host and port in DATABASE_URL, that the server is running and that a firewall lets this machine reach it',
    );
  }
  if (code === '28P01' || code === '28000' || /password|SASL|SCRAM/i.test(message)) {
    return problem(
      'E_PG_AUTH',
      `PostgreSQL at ${place(w)} refused the user "${w.user}" (${code || 'authentication failed'})`,
      'Check the user and password in DATABASE_URL (percent-encode special characters) and that the server lets this user connect from here',
    );
  }
  if (code === '3D000') {
    return problem(
      'E_PG_NO_DATABASE',
      `the database "${w.database}" does not exist at ${place(w)}`,
      `Create it (createdb ${w.database || 'NAME'}) or correct its name in DATABASE_URL; the bot creates its own tables`,
    );
  }
  if (code === '42501')
    return problem(
      'E_PG_AUTH',
      `the user "${w.user}" may not connect to the database "${w.database}"`,
      'Grant it CONNECT on the database, or use another user in DATABASE_URL',
    );
  if (code === '53300') {
    return new StartupProblem(
      'E_PG_TOO_MANY_CLIENTS',
      'DATABASE_POOL_SIZE',
      `PostgreSQL at ${place(w)} has no free connections (too many clients)`,
      "Lower DATABASE_POOL_SIZE (it applies to each of the bot's processes) or raise max_connections on the server",
    );
  }
  if (/SSL|TLS|certificate|CERT/i.test(message + code) || code === 'EPROTO') {
    return problem(
      'E_PG_TLS',
      `the TLS connection to ${place(w)} failed (${code || message.slice(0, 80)})`,
      'Set sslmode in DATABASE_URL to what the server offers (for example ?sslmode=require), or leave it out for a server without TLS',
    );
  }
  if (/terminated|ECONNRESET/i.test(message + code)) {
    return problem(
      'E_PG_UNUSABLE',
      `${place(w)} closed the connection before PostgreSQL answered`,
      'Check that DATABASE_URL names the port of a PostgreSQL server',
    );
  }
  return problem(
    'E_PG_UNUSABLE',
    `PostgreSQL at ${place(w)} could not be used (${code || 'no error code'})`,
    'Check DATABASE_URL; run with LOG_LEVEL=debug for details',
  );
}

/** One connection and `SELECT 1`, each step bounded by CONNECT_TIMEOUT_MS. */
export async function probePostgres(url: string): Promise<void> {
  const where = await postgresTarget(url);
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: CONNECT_TIMEOUT_MS,
  });
  client.on('error', () => undefined); // reported through connect() or query()
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw postgresProblem(error, where);
  } finally {
    await client.end().catch(() => undefined);
  }
}
