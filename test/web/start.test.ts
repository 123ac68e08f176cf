// `npm start` (bin/server.mjs) prints where the playground is, and the page is there.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDatabaseUrl } from '../support/db.ts';
import { ROOT } from '../support/paths.ts';

/** Starts bin/server.mjs in `cwd` and waits for its playground line; `stop` ends it. */
async function npmStart(
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; out: () => string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'server.mjs')], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', LOG_LEVEL: 'warn', SCHEDULER: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  let out = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      // A hang guard: start-up takes a few seconds on a quiet machine, minutes on a very busy one.
      const timer = setTimeout(() => reject(new Error(`no playground line within 240 s:\n${out}`)), 240_000);
      const look = (chunk: Buffer) => {
        out += chunk.toString();
        const m = /Open (http:\/\/localhost:\d+)\/ to try the bot.*\n/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', look);
      child.stderr!.on('data', look);
      child.once('close', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
    });
    return { url, out: () => out, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

describe('npm start', () => {
  it('prints "Open http://localhost:<port>/ to try the bot" and serves the playground there', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'pb-start-'));
    const db = newDatabaseUrl();
    const server = await npmStart(cwd, { HOST: '127.0.0.1', DATA_DIR: cwd, DATABASE_URL: db.url });
    try {
      const page = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('LOCAL PLAYGROUND');
    } finally {
      await server.stop();
      db.remove();
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('with no settings and no .env: SQLite under ./data, the demo partnership seeded, and the two lines the docs show', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'pb-start-'));
    const server = await npmStart(cwd, {});
    try {
      const url = server.url;
      expect(server.out()).toContain(
        `partnership-bot is running at ${url}  (health: ${url}/healthz)\n` +
          'Playground on: no Slack or Teams credential is set (PLAYGROUND=false switches it off), on this machine only. ' +
          `Open ${url}/ to try the bot with the demo partnership.\n`,
      );
      expect(existsSync(join(cwd, 'data', 'partnership-bot.db'))).toBe(true);
      const people = await fetch(`${url.replace('localhost', '127.0.0.1')}/playground/api/people`);
      expect(await people.json()).toMatchObject({
        partnership: { name: 'Northfield Big Local', slug: 'northfield' },
        people: expect.arrayContaining([expect.objectContaining({ name: 'Margaret Okafor', role: 'chair' })]),
      });
    } finally {
      await server.stop();
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
