// Which product features are on this branch, so that a row whose feature is missing says
// "not measured yet: needs …" and a row whose feature exists but has no benchmark module yet says
// that instead. Never a number that was not measured.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './child.ts';

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === 'generated' ? [] : files(path)) : [path];
  });
}

const sourceFiles = () => [...files(join(ROOT, 'src')), ...files(join(ROOT, 'adapters'))];

export async function features() {
  const { COMMANDS, ACTIONS } = await import('../../src/bot/commands/index.ts');
  const names = [...COMMANDS.map((c) => c.name), ...Object.keys(ACTIONS)];
  return {
    slack: existsSync(join(ROOT, 'adapters', 'slack')),
    teams: existsSync(join(ROOT, 'adapters', 'teams')),
    votes: names.some((n) => /vote|decision/i.test(n)),
    reviewSweep: sourceFiles().some((f) => /review/i.test(f.slice(ROOT.length))),
  };
}

export type Features = Awaited<ReturnType<typeof features>>;
