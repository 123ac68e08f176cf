// The Teams app package (the zip uploaded to Teams): manifest.json with this deployment's app
// id filled in, and the two icons. `npm run manifest:teams` writes it to dist/teams-app.zip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../project-root.ts';
import { colorIcon, outlineIcon } from './icons.ts';
import { writeZip, type ZipEntry } from './zip.ts';

export const MANIFEST_DIR = `${join(projectRoot, 'manifest', 'teams')}/`;
export const MANIFEST_FILE = `${MANIFEST_DIR}manifest.json`;
const PACKAGE_JSON = join(projectRoot, 'package.json');

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';

export class PackageError extends Error {
  readonly code = 'E_TEAMS_PACKAGE';
}

export interface TeamsManifest {
  id: string;
  version: string;
  developer: { websiteUrl: string; privacyUrl: string; termsOfUseUrl: string; [key: string]: unknown };
  bots: { botId: string; [key: string]: unknown }[];
  validDomains?: string[];
  [key: string]: unknown;
}

export interface PackageOptions {
  /** MICROSOFT_APP_ID: the Azure Bot's Microsoft App ID */
  appId: string | undefined;
  /** PUBLIC_URL: this server's https address; its host goes into validDomains */
  publicUrl?: string | undefined;
}

export interface TeamsPackage {
  manifest: TeamsManifest;
  files: ZipEntry[];
  zip: Buffer;
  /** things a deployer should know but that do not stop the upload */
  warnings: string[];
}

export function readManifestTemplate(): TeamsManifest {
  return JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as TeamsManifest;
}

export function buildTeamsPackage({ appId, publicUrl }: PackageOptions): TeamsPackage {
  const id = appId?.trim();
  if (!id) {
    throw new PackageError(
      'MICROSOFT_APP_ID is not set. Set it to the Microsoft App ID of your Azure Bot (Azure portal > your Azure Bot > Configuration), for example in .env, then run `npm run manifest:teams` again.',
    );
  }
  if (!GUID.test(id) || id === PLACEHOLDER_ID) {
    throw new PackageError(
      `MICROSOFT_APP_ID must be the bot's Microsoft App ID, a GUID such as 3f9d2c4e-1b2a-4c5d-8e7f-0123456789ab (got "${id.slice(0, 60)}").`,
    );
  }
  const warnings: string[] = [];
  const manifest = readManifestTemplate();
  manifest.id = id;
  for (const bot of manifest.bots) bot.botId = id;
  manifest.version = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
  if (publicUrl) {
    const host = new URL(publicUrl).host;
    manifest.validDomains = [...new Set([...(manifest.validDomains ?? []), host])];
  } else {
    warnings.push(
      "PUBLIC_URL is not set, so validDomains stays empty. A bot-only app works without it; set PUBLIC_URL to list this server's domain.",
    );
  }
  const links = [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl];
  if (links.some((l) => l.includes('.example.org'))) {
    warnings.push(
      'The developer links in manifest/teams/manifest.json are still the example.org placeholders. Teams accepts them for an upload to your own organisation; put your website, privacy and terms pages there before publishing more widely.',
    );
  }
  const files: ZipEntry[] = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: 'color.png', data: colorIcon() },
    { name: 'outline.png', data: outlineIcon() },
  ];
  return { manifest, files, zip: writeZip(files), warnings };
}
