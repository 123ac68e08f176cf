// A real server process (`node bin/server.mjs`, exactly what `npm start` runs) for the
// several-processes tests: started with its own environment, stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TMP_DIR } from '../support/paths.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** The exit code, once the process has ended and its output has been read to the end. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/**
 * Stops the server inside a wrapper (strace): the server first, so that the wrapper sees it end and
 * exits by itself, its output written to the end (killed together, strace could lose the last of
 * its trace); the whole process group where the server cannot be found.
 */
function stopWrapped(wrapperPid: number): void {
  let children: string[] = [];
  try {
    children = readFileSync(`/proc/${wrapperPid}/task/${wrapperPid}/children`, 'utf8').trim().split(/\s+/);
  } catch {
    // not Linux, or the wrapper has gone: the group below
  }
  const server = children.map(Number).filter((pid) => pid > 0);
  if (server.length) for (const pid of server) process.kill(pid, 'SIGTERM');
  else process.kill(-wrapperPid, 'SIGTERM');
}

/**
 * `wrap`: a command the server runs under (`['strace', '-f', …]`); stop() then signals the
 * wrapper's whole process group, the server in it.
 */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 240_000,
  wrap: readonly string[] = [],
): Promise<ServerProcess> {
  const cwd = mkdtempSync(join(TMP_DIR, 'server-')); // its own folder: no developer .env is loaded
  const command = [...wrap, process.execPath, join(ROOT, 'bin', 'server.mjs')];
  const child = spawn(command[0]!, command.slice(1), {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      PLAYGROUND: 'false',
      DATA_DIR: cwd,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // wrapped: a process group of its own, so stop() reaches the server and not only the wrapper
    detached: wrap.length > 0,
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  // 'close', not 'exit': 'exit' can come before the last of stdout and stderr has been read
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start within ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const look = () => {
      const m = /running at (http:\/\/\S+?)\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (code ${code}) before listening:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        if (wrap.length) stopWrapped(child.pid!);
        else child.kill('SIGTERM');
      }
      const code = await exited;
      rmSync(cwd, { recursive: true, force: true });
      return code;
    },
  };
}
