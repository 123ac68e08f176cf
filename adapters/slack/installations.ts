// Bolt's installation store (@slack/oauth's InstallationStore) over the SlackInstallation table,
// every installation sealed with AES-256-GCM (token-cipher.ts) before it is written. Also what the
// notifier needs for messages nobody asked for (reminders, cards): a workspace's bot token.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { SlackInstallationStore } from '../persistence/slack-installations.ts';
import type { TokenCipher } from './token-cipher.ts';

/** Slack's own words for "no such installation", so Bolt refuses the request as unauthorised. */
const notInstalled = (what: string) =>
  Object.assign(new Error(`The app is not installed in ${what} (or was uninstalled).`), {
    code: 'slack_not_installed',
  });

export class SealedInstallations implements InstallationStore {
  constructor(
    private readonly rows: SlackInstallationStore,
    private readonly cipher: TokenCipher,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const isEnterprise = !!installation.isEnterpriseInstall;
    const id = isEnterprise ? installation.enterprise?.id : installation.team?.id;
    if (!id) throw new Error('An installation without a team or enterprise id cannot be stored.');
    const { keyId, data } = this.cipher.seal(JSON.stringify(installation));
    await this.rows.save({
      id,
      teamId: installation.team?.id ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      isEnterprise,
      keyId,
      data,
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    if (query.isEnterpriseInstall && query.enterpriseId) {
      const org = await this.open(query.enterpriseId);
      if (!org) throw notInstalled(`the organisation ${query.enterpriseId}`);
      if (query.teamId) await this.rows.noteTeam(query.enterpriseId, query.teamId);
      return org;
    }
    const team = query.teamId ? await this.open(query.teamId) : null;
    if (!team) throw notInstalled(`the workspace ${query.teamId ?? '(none)'}`);
    return team;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const id = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
    if (id) await this.rows.remove(id);
  }

  /**
   * The bot token that reaches a workspace: its own install, else the organisation-wide install
   * that has served it. Null when the app is not (or no longer) installed there.
   */
  async botTokenFor(teamId: string): Promise<string | null> {
    const own = await this.open(teamId);
    if (own?.bot?.token) return own.bot.token;
    const org = await this.rows.findOrganisationServing(teamId);
    return org ? ((JSON.parse(this.cipher.open(org)) as Installation).bot?.token ?? null) : null;
  }

  private async open(id: string): Promise<Installation | null> {
    const row = await this.rows.find(id);
    return row ? (JSON.parse(this.cipher.open(row)) as Installation) : null;
  }
}
