// `npm run manifest:teams`: redraws the icons in manifest/teams/, fills in MICROSOFT_APP_ID,
// checks the manifest against the official Teams schema (offline, bundled with
// @microsoft/app-manifest) and writes dist/teams-app.zip to upload to Teams.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_DIR, PackageError, buildTeamsPackage } from '../adapters/teams/package/build.ts';
import { colorIcon, outlineIcon } from '../adapters/teams/package/icons.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

async function validate(manifest: object): Promise<string[] | null> {
  try {
    const { AppManifestUtils } = await import('@microsoft/app-manifest');
    return await AppManifestUtils.validateAgainstSchema(manifest as never);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return null; // a production install without dev tools
    throw error;
  }
}

try {
  writeFileSync(join(MANIFEST_DIR, 'color.png'), colorIcon());
  writeFileSync(join(MANIFEST_DIR, 'outline.png'), outlineIcon());
  const pkg = buildTeamsPackage({ appId: process.env.MICROSOFT_APP_ID, publicUrl: process.env.PUBLIC_URL });
  const problems = await validate(pkg.manifest);
  if (problems === null)
    process.stdout.write(
      '(Schema check skipped: @microsoft/app-manifest is not installed; run `npm install` with dev dependencies to check.)\n',
    );
  else if (problems.length)
    throw new PackageError(`The manifest does not match the Teams schema:\n  ${problems.join('\n  ')}`);
  mkdirSync(join(root, 'dist'), { recursive: true });
  const out = join(root, 'dist', 'teams-app.zip');
  writeFileSync(out, pkg.zip);
  for (const w of pkg.warnings) process.stdout.write(`Note: ${w}\n`);
  process.stdout.write(
    `Wrote ${out} (${pkg.files.map((f) => f.name).join(', ')}; app id ${pkg.manifest.id}).\nUpload it in Teams: Apps > Manage your apps > Upload an app (docs/teams.md).\n`,
  );
} catch (error) {
  if (error instanceof PackageError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
