import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TMP_DIR = join(ROOT, 'test', '.tmp');
export const TEMPLATE_DB = join(TMP_DIR, 'template.db');
export const DEMO_ROSTER = join(ROOT, 'prisma', 'seed', 'demo-partnership.json');
export const BIN = join(ROOT, 'bin', 'partnership-bot.mjs');
