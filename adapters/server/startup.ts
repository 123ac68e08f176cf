// The network side of start-up: HOST resolved with a time limit, and listen()'s refusals as
// StartupProblems naming PORT or HOST. Plus the deadline that turns any other hang into one line.
import { lookup } from 'node:dns/promises';
import { createServer, isIP } from 'node:net';
import { errorCode, StartupProblem, type StartupVariable } from '../startup-problem.ts';

export const RESOLVE_TIMEOUT_MS = 5_000;

const HOST_FIX =
  'Set HOST to an address of this machine: 127.0.0.1 (this machine only) or 0.0.0.0 (every network interface, behind a reverse proxy)';

/** Rejects after `ms` with `problem()`; the timer never keeps the process alive. */
export function within<T>(work: Promise<T>, ms: number, problem: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(problem()), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The address to listen on. A name is looked up here, bounded: the resolver's own retries can
 * take half a minute, and listen() would report an unknown name only as a bare ENOTFOUND.
 */
export async function resolveHost(host: string): Promise<string> {
  if (isIP(host)) return host;
  try {
    const found = await within(lookup(host), RESOLVE_TIMEOUT_MS, () =>
      Object.assign(new Error('lookup timed out'), { code: 'ETIMEOUT' }),
    );
    return found.address;
  } catch (error) {
    const code = errorCode(error);
    const problem =
      code === 'ETIMEOUT'
        ? `the name ${host} could not be looked up within ${RESOLVE_TIMEOUT_MS / 1000} seconds`
        : `${host} is neither an IP address nor a name that resolves (${code ?? 'lookup failed'})`;
    throw new StartupProblem('E_HOST_UNKNOWN', 'HOST', problem, HOST_FIX);
  }
}

/** listen()'s refusal as a StartupProblem; anything else comes back unchanged. */
export function listenProblem(error: unknown, port: number, host: string): unknown {
  const code = errorCode(error);
  if (code === 'EADDRINUSE') {
    return new StartupProblem(
      'E_PORT_IN_USE',
      'PORT',
      `port ${port} on ${host} is already in use`,
      'Stop the other program or set PORT to a free port (for example PORT=3001)',
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    const why =
      port > 0 && port < 1024
        ? `ports below 1024 need administrator rights`
        : `the system does not allow this user to listen there`;
    return new StartupProblem(
      'E_PORT_NOT_ALLOWED',
      'PORT',
      `port ${port} cannot be used (${why})`,
      'Set PORT to 1024 or above (for example PORT=3000) and put a reverse proxy in front for ports 80 and 443',
    );
  }
  if (code === 'EADDRNOTAVAIL')
    return new StartupProblem('E_HOST_NOT_HERE', 'HOST', `${host} is not an address of this machine`, HOST_FIX);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new StartupProblem(
      'E_HOST_UNKNOWN',
      'HOST',
      `${host} is neither an IP address nor a name that resolves`,
      HOST_FIX,
    );
  if (code === 'EAFNOSUPPORT' || code === 'EINVAL') {
    return new StartupProblem(
      'E_HOST_UNUSABLE',
      'HOST',
      `${host} cannot be listened on here (${code}${host.includes(':') ? ': IPv6 may be switched off' : ''})`,
      HOST_FIX,
    );
  }
  return error;
}

/**
 * Binds and lets go at once, before the slow part of start-up, so PORT and HOST are judged in a
 * second. The real listen() comes later and maps its own errors the same way (a port taken in
 * between is still reported). PORT=0 needs no check of the port, only of the address.
 */
export async function checkListen(port: number, address: string, host: string): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenProblem(error, port, host)));
    server.listen(port, address, () => server.close(() => resolve()));
  });
}

/** What start-up is doing, so a start-up that stops moving can say where it stopped. */
export interface StartupStage {
  doing: string;
  variable: StartupVariable;
}
