// manifest/slack/manifest.json: type-checked against @slack/web-api's manifest type (no npm package
// ships Slack's JSON schema), and compared with what the adapter actually does: the events it
// listens to, the request URL it serves, and the scopes of the API methods its code calls.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../adapters/slack/index.ts';
import { BOT_SCOPES, SLACK_REDIRECT_PATH } from '../../adapters/slack/oauth.ts';
import { ROOT, TMP_DIR } from '../support/paths.ts';

const FILE = join(ROOT, 'manifest', 'slack', 'manifest.json');
const text = readFileSync(FILE, 'utf8');
const manifest = JSON.parse(text) as {
  features: {
    app_home: Record<string, boolean>;
    slash_commands: { command: string; url: string; should_escape: boolean }[];
  };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    org_deploy_enabled: boolean;
  };
};

/** Type errors of each JSON text as a value of AppsManifestValidateArguments['manifest'] (one compile). */
function typeErrors(...jsons: string[]): string[][] {
  const file = join(TMP_DIR, `manifest-check-${process.pid}.ts`);
  const decls = jsons.map((j, i) => `export const m${i}: AppsManifestValidateArguments['manifest'] = ${j};`);
  writeFileSync(file, `import type { AppsManifestValidateArguments } from '@slack/web-api';\n${decls.join('\n')}\n`);
  try {
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
    });
    const errors: string[][] = jsons.map(() => []);
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const at = d.file && d.start !== undefined ? d.file.text.slice(0, d.start) : '';
      const which = (at.match(/export const m(\d+)/g) ?? []).length - 1;
      errors[Math.max(which, 0)]!.push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    }
    return errors;
  } finally {
    rmSync(file, { force: true });
  }
}

/** Bot scopes each Web API method the adapter calls needs (https://docs.slack.dev/reference/methods). */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'conversations.open': ['im:write'],
  'files.uploadV2': ['files:write'],
  // the email is what links a Slack account to the roster
  'users.info': ['users:read', 'users:read.email'],
  'users.lookupByEmail': ['users:read.email'],
  'views.open': [],
  'views.publish': [],
};
const EVENT_SCOPES: Record<string, string> = {
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
  app_home_opened: '',
  // many workspaces (docs/slack.md): an uninstall removes the installation
  app_uninstalled: '',
  tokens_revoked: '',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? sources(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : [],
  );
}
const code = sources(join(ROOT, 'adapters', 'slack'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('Slack app manifest', () => {
  it('type-checks as a Slack manifest, and the check catches a misspelled key', () => {
    const [ok, misspelledKey, unknownScope] = typeErrors(
      text,
      text.replace('"bot_events"', '"bot_event"'),
      text.replace('"chat:write"', '"chat:writes"'),
    );
    expect(ok).toEqual([]);
    expect(misspelledKey!.join('\n')).toMatch(/bot_event/);
    expect(unknownScope!.join('\n')).toMatch(/chat:writes/);
  });

  it('points events, the slash command and interactivity at the one endpoint', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(url).toBe(`https://YOUR-HOST${SLACK_EVENTS_PATH}`);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('has the /partnership command, escaping mentions so `link @someone` receives a user id', () => {
    expect(manifest.features.slash_commands.map((c) => [c.command, c.should_escape])).toEqual([['/partnership', true]]);
  });

  it('subscribes to exactly the events the adapter listens to', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'message.im',
      'tokens_revoked',
    ]);
    expect(code).toContain("bolt.event('app_mention'");
    expect(code).toContain("bolt.event('app_home_opened'");
    expect(code).toContain("bolt.event('app_uninstalled'");
    expect(code).toContain("bolt.event('tokens_revoked'");
    expect(code).toMatch(/channel_type !== 'im'/);
  });

  it('enables the Home tab and the Messages tab', () => {
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it('asks for exactly the scopes the code needs', () => {
    const called = [...new Set([...code.matchAll(/\bapi\.([a-zA-Z]+\.[a-zA-Z0-9]+)\(/g)].map((m) => m[1]!))];
    const unknown = called.filter((m) => !(m in METHOD_SCOPES));
    expect(unknown, 'add the scopes of these methods to METHOD_SCOPES').toEqual([]);
    const needed = new Set([
      'commands',
      ...called.flatMap((m) => METHOD_SCOPES[m]!),
      ...manifest.settings.event_subscriptions.bot_events.map((e) => EVENT_SCOPES[e]!),
    ]);
    needed.delete('');
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
    // "Add to Slack" asks for the same scopes
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('carries the OAuth redirect URL for many workspaces, and allows an organisation-wide install', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual([`https://YOUR-HOST${SLACK_REDIRECT_PATH}`]);
    expect(manifest.settings.org_deploy_enabled).toBe(true);
  });
});
