// Starts a TypeScript server script in its own process (so the load generator and the server
// under test do not share an event loop) and waits for the line that gives its URL: the floors
// print "LISTENING <url>"; for the real server (bin/server.mjs) pass { ready: /running at (\S+)/ }.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Child {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startChild(
  script: string,
  env: Record<string, string>,
  options: { ready?: RegExp; timeoutMs?: number } = {},
): Promise<Child> {
  const { ready = /LISTENING (\S+)/, timeoutMs = 60_000 } = options;
  // BENCH_PROFILE_DIR=/tmp/prof: each server writes a CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d) => (out += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within ${timeoutMs} ms: ${out}`));
    }, timeoutMs);
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('//localhost:', '//127.0.0.1:'));
      }
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (code ${code}) before listening: ${out.slice(-2000)}`));
    });
  });
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
