// Many workspaces: each workspace is reached with its own installation's bot token. Clients are
// kept per token (a WebClient is cheap but keeps its own queue); the token itself is looked up
// (and decrypted) again after a minute, so an uninstall seen by another process takes effect.
import type { Logger } from '../../src/services/ports/index.ts';
import { createSlackApi, type ApiFor, type SlackApi } from './api.ts';
import type { SealedInstallations } from './installations.ts';

const TOKEN_TTL_MS = 60_000;
const MAX_CLIENTS = 1_000;

export class WorkspaceClients {
  private readonly tokens = new Map<string, { token: string; at: number }>();
  private readonly clients = new Map<string, SlackApi>();

  constructor(
    private readonly installations: Pick<SealedInstallations, 'botTokenFor'>,
    private readonly apiUrl: string | undefined,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The client for a workspace; throws (code slack_not_installed) when the app is not installed there. */
  readonly apiFor: ApiFor = async (workspaceId) => {
    const token = await this.tokenFor(workspaceId);
    let client = this.clients.get(token);
    if (!client) {
      if (this.clients.size >= MAX_CLIENTS) this.clients.clear();
      client = createSlackApi(token, this.apiUrl, this.logger);
      this.clients.set(token, client);
    }
    return client;
  };

  /** An uninstalled workspace is never reached again with its old token. */
  forget(workspaceId: string): void {
    this.tokens.delete(workspaceId);
  }

  private async tokenFor(workspaceId: string): Promise<string> {
    const known = this.tokens.get(workspaceId);
    if (known && this.now() - known.at < TOKEN_TTL_MS) return known.token;
    const token = await this.installations.botTokenFor(workspaceId);
    if (!token) {
      this.tokens.delete(workspaceId);
      throw Object.assign(new Error('The Slack app is not installed in this workspace.'), {
        code: 'slack_not_installed',
      });
    }
    this.tokens.set(workspaceId, { token, at: this.now() });
    return token;
  }
}
