// `npm start` (bin/server.mjs) prints where the playground is, and the page is there.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDatabaseUrl } from '../support/db.ts';
import { ROOT } from '../support/paths.ts';

describe('npm start', () => {
  it('prints "Open http://localhost:<port>/ to try the bot" and serves the playground there', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'pb-start-'));
    const db = newDatabaseUrl();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: cwd,
      DATABASE_URL: db.url,
      LOG_LEVEL: 'warn',
      SCHEDULER: 'false',
    };
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'server.mjs')], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        // A hang guard: start-up takes a few seconds on a quiet machine, minutes on a very busy one.
        const timer = setTimeout(() => reject(new Error(`no playground line within 240 s:\n${out}`)), 240_000);
        const look = (chunk: Buffer) => {
          out += chunk.toString();
          const m = /Open (http:\/\/localhost:\d+\/) to try the bot/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        };
        child.stdout.on('data', look);
        child.stderr.on('data', look);
        child.once('close', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
      });
      const page = await fetch(url.replace('localhost', '127.0.0.1'));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('LOCAL PLAYGROUND');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      db.remove();
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
