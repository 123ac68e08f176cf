// Whether an error means the database could not be reached: an outage (answered 503, "try again
// in a minute"), not a bug (500). Prisma wraps the driver's error, so the whole cause chain is read.
const CODES = new Set([
  // the network, from pg or Node
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  // PostgreSQL: shut down, crashed, starting, too many connections, not accepting connections
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '55000',
  // Prisma: cannot reach, timed out, connection closed, pool timeout
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
  // SQLite: another process holds the file past the busy timeout
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);
const MESSAGES =
  /connection terminated|connection (?:is )?closed|not currently accepting connections|can't reach database|timeout exceeded when trying to connect|database is locked/i;
const NESTED = ['cause', 'meta', 'driverAdapterError', 'originalError'] as const;

export function isDatabaseOutage(error: unknown, depth = 0): boolean {
  if (depth > 6 || error === null || typeof error !== 'object') return false;
  const e = error as Record<string, unknown>;
  for (const key of ['code', 'originalCode', 'errorCode']) {
    const value = e[key];
    if ((typeof value === 'string' || typeof value === 'number') && CODES.has(String(value))) return true;
  }
  for (const key of ['message', 'originalMessage']) {
    const value = e[key];
    if (typeof value === 'string' && MESSAGES.test(value)) return true;
  }
  return NESTED.some((key) => isDatabaseOutage(e[key], depth + 1));
}
