// The Teams app package: the manifest validates against the official Teams schema bundled with
// @microsoft/app-manifest (offline), the icons have the sizes Teams requires, and
// `npm run manifest:teams` writes a zip holding the three files with the app id filled in.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync, inflateSync, crc32 } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import {
  MANIFEST_DIR,
  PackageError,
  buildTeamsPackage,
  readManifestTemplate,
} from '../../adapters/teams/package/build.ts';
import { colorIcon, outlineIcon } from '../../adapters/teams/package/icons.ts';
import { pngInfo } from '../../adapters/teams/package/png.ts';
import { COMMANDS } from '../../src/bot/commands/index.ts';
import { ROOT } from '../support/paths.ts';

const APP_ID = '3f9d2c4e-1b2a-4c5d-8e7f-0123456789ab';
const schemasDir = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')),
  'json-schemas',
  'teams',
);

/** Validate with the schema file the package bundles; fail loudly rather than fetch it. */
async function validateOffline(manifest: Record<string, unknown>): Promise<string[]> {
  const version = String(manifest.manifestVersion);
  expect(existsSync(join(schemasDir, `v${version}`, 'MicrosoftTeams.schema.json'))).toBe(true);
  return AppManifestUtils.validateAgainstSchema(manifest as never);
}

/** The entries of a zip, read from its central directory, each checked against its CRC. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(dataAt, dataAt + packedSize);
    const data = method === 8 ? inflateRawSync(packed) : Buffer.from(packed);
    expect(crc32(data) >>> 0).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength + extra;
  }
  return files;
}

/** RGBA pixels of a PNG written with filter 0 (what png.ts writes). */
function pixels(png: Buffer): { width: number; height: number; rgba: Buffer } {
  const info = pngInfo(png)!;
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(parts));
  const rows: Buffer[] = [];
  for (let y = 0; y < info.height; y++) {
    const start = y * (info.width * 4 + 1);
    expect(raw[start]).toBe(0);
    rows.push(raw.subarray(start + 1, start + 1 + info.width * 4));
  }
  return { width: info.width, height: info.height, rgba: Buffer.concat(rows) };
}

describe('manifest/teams/manifest.json', () => {
  const manifest = readManifestTemplate() as unknown as Record<string, any>;

  it('validates against the official Teams schema it declares, offline', async () => {
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(await validateOffline(manifest)).toEqual([]);
  });

  it('is also valid as v1.19, for tenants whose Teams lags behind', async () => {
    const older = {
      ...manifest,
      manifestVersion: '1.19',
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json',
    };
    expect(await validateOffline(older)).toEqual([]);
  });

  it('the validator is not a rubber stamp', async () => {
    const broken = { ...manifest, bots: [{ ...manifest.bots[0], botId: 'not-a-guid', scopes: ['everywhere'] }] };
    expect((await validateOffline(broken)).length).toBeGreaterThan(0);
  });

  it('has a bot in personal, team and group chat scopes, with a command list per scope', () => {
    const [bot] = manifest.bots;
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const byScope = Object.fromEntries(
      bot.commandLists.map((l: any) => [l.scopes.join(), l.commands.map((c: any) => c.title)]),
    );
    expect(byScope.team).toEqual(['criteria', 'roster', 'coi', 'setup', 'link', 'help']);
    expect(byScope.groupChat).toEqual(byScope.team);
    // setup and link act on a shared conversation and its members: not offered in a personal chat.
    expect(byScope.personal).toEqual(['criteria', 'roster', 'coi', 'help']);
  });

  it('lists only commands the core has, and every core command of this issue', () => {
    const names = new Set(COMMANDS.map((c) => c.name));
    const titles = manifest.bots[0].commandLists.flatMap((l: any) => l.commands.map((c: any) => c.title));
    expect(titles.filter((t: string) => !names.has(t))).toEqual([]);
    for (const name of ['criteria', 'roster', 'coi', 'help', 'setup', 'link']) expect(titles).toContain(name);
  });
});

describe('icons', () => {
  it('color.png is 192x192 and opaque; the committed file is what the generator draws', () => {
    const committed = readFileSync(join(MANIFEST_DIR, 'color.png'));
    expect(committed.equals(colorIcon())).toBe(true);
    const { width, height, rgba } = pixels(committed);
    expect([width, height]).toEqual([192, 192]);
    let seeThrough = 0;
    for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) seeThrough++;
    expect(seeThrough).toBe(0);
  });

  it('outline.png is 32x32, white on a transparent background', () => {
    const committed = readFileSync(join(MANIFEST_DIR, 'outline.png'));
    expect(committed.equals(outlineIcon())).toBe(true);
    const { width, height, rgba } = pixels(committed);
    expect([width, height]).toEqual([32, 32]);
    expect(rgba[3]).toBe(0); // the corner is transparent
    let inked = 0;
    let notWhite = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3]! === 0) continue;
      inked++;
      if (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255) notWhite++;
    }
    expect(inked).toBeGreaterThan(100);
    expect(notWhite).toBe(0);
  });
});

describe('the app package', () => {
  it('needs MICROSOFT_APP_ID, and a GUID at that', () => {
    expect(() => buildTeamsPackage({ appId: undefined })).toThrow(PackageError);
    expect(() => buildTeamsPackage({ appId: '' })).toThrow(/MICROSOFT_APP_ID is not set/);
    expect(() => buildTeamsPackage({ appId: 'my-bot' })).toThrow(/must be the bot's Microsoft App ID, a GUID/);
  });

  it('zips the manifest with the app id filled in, and the two icons', async () => {
    const pkg = buildTeamsPackage({ appId: APP_ID, publicUrl: 'https://bot.example.net' });
    const files = unzip(pkg.zip);
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['bot.example.net']);
    expect(manifest.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(await validateOffline(manifest)).toEqual([]);
    expect(pngInfo(files.get('color.png')!)).toMatchObject({ width: 192, height: 192 });
    expect(pngInfo(files.get('outline.png')!)).toMatchObject({ width: 32, height: 32 });
  });

  it('`npm run manifest:teams` says clearly when MICROSOFT_APP_ID is missing, and writes dist/teams-app.zip when set', async () => {
    const run = promisify(execFile);
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const script = join(ROOT, 'scripts', 'teams-manifest.ts');
    const failed = await run(tsx, [script], { cwd: ROOT, env: { ...process.env, MICROSOFT_APP_ID: '' } }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('MICROSOFT_APP_ID is not set');

    const ok = await run(tsx, [script], {
      cwd: ROOT,
      env: { ...process.env, MICROSOFT_APP_ID: APP_ID, PUBLIC_URL: '' },
    });
    expect(ok.stdout).toContain('teams-app.zip');
    // docs/teams.md: the build reminds you of the placeholder developer links
    expect(ok.stdout).toContain(
      'The developer links in manifest/teams/manifest.json are still the example.org placeholders',
    );
    const files = unzip(readFileSync(join(ROOT, 'dist', 'teams-app.zip')));
    expect(JSON.parse(files.get('manifest.json')!.toString('utf8')).id).toBe(APP_ID);
  });
});
