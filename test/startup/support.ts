// Runs `node bin/server.mjs` (what `npm start` runs) as a separate process with a given
// environment, until it exits, and two stand-ins for a PostgreSQL server on loopback: one that
// accepts connections and never answers (a firewalled or hung server), one that answers the
// start-up message with a PostgreSQL error (wrong password, unknown database).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { ROOT, TMP_DIR } from '../support/paths.ts';

export interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Only a hang guard: the tests assert no timing. A start-up that fails takes a few seconds on a
 * quiet machine, and has taken over 100 s with two cores shared by dozens of busy processes
 * (docs/testing.md).
 */
export const SERVER_RUN_LIMIT_MS = 240_000;
/** A test's own bound: one server run, with room to spare (the runs of a describe.concurrent overlap). */
export const SERVER_RUN_TEST = { timeout: SERVER_RUN_LIMIT_MS + 60_000 };

/** uid and gid of `nobody`: the server run as a user without root's exemptions */
export const NOBODY = { uid: 65534, gid: 65534 };

export interface RunOptions {
  /** run as `nobody` (only possible when the tests run as root) */
  asNobody?: boolean;
  /** prepare the working folder (files the server should find there) */
  prepare?: (cwd: string) => void;
  /** bound on the wait: a server still running by then is killed and reported as hanging */
  limitMs?: number;
}

/**
 * Starts the server and waits for it to exit. Nothing of the server runs in the test process.
 * Its own folder is the working folder and DATA_DIR, so no developer .env is loaded.
 */
export async function runServerUntilExit(env: Record<string, string>, options: RunOptions = {}): Promise<Exited> {
  const cwd = mkdtempSync(join(TMP_DIR, 'startup-'));
  if (options.asNobody) chmodSync(cwd, 0o777);
  options.prepare?.(cwd);
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'server.mjs')], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      PLAYGROUND: 'false',
      SCHEDULER: 'false',
      SEED_DEMO: 'false',
      DATA_DIR: cwd,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.asNobody ? NOBODY : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  const limit = options.limitMs ?? SERVER_RUN_LIMIT_MS;
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(
            `The server was still running after ${limit} ms (it should have stopped).\nstdout: ${stdout}\nstderr: ${stderr}`,
          ),
        );
      }, limit);
      // 'close', not 'exit': 'exit' can come before the last of stderr has been read
      child.once('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    return { code, stdout, stderr, ms: Math.round(performance.now() - started) };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Loopback {
  port: number;
  close(): Promise<void>;
}

async function serve(onConnection: (socket: Socket) => void): Promise<Loopback> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Accepts connections and never says a word. */
export const silentServer = (): Promise<Loopback> => serve(() => undefined);

/** PostgreSQL's ErrorResponse message: severity, SQLSTATE code and text. */
function errorResponse(sqlState: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${sqlState}\0M${message}\0\0`, 'utf8');
  const head = Buffer.alloc(5);
  head.write('E', 0, 'latin1');
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

/** Answers the client's start-up message with the given PostgreSQL error, as a real server does. */
export const refusingPostgres = (sqlState: string, message: string): Promise<Loopback> =>
  serve((socket) => {
    let seen = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      if (seen.length < 8) return;
      const length = seen.readInt32BE(0);
      if (seen.length < length) return;
      if (seen.readInt32BE(4) === 80877103) {
        // SSLRequest: "no TLS here", then the real start-up message follows
        seen = seen.subarray(length);
        socket.write('N');
        return;
      }
      socket.end(errorResponse(sqlState, message));
    });
  });
