// The SlackInstallation table: one row per workspace (or Enterprise Grid organisation) that added
// the app through "Add to Slack". The row holds the installation already encrypted (by
// adapters/slack/token-cipher.ts): this store never sees a token in clear.
import type { Database, Db } from './database.ts';

export interface SealedInstallation {
  /** the team id ("T…") of a workspace install, the enterprise id ("E…") of an organisation-wide one */
  id: string;
  teamId: string | null;
  enterpriseId: string | null;
  isEnterprise: boolean;
  /** which encryption key sealed `data` */
  keyId: string;
  data: string;
}

export class SlackInstallationStore {
  private readonly db: Db;

  constructor(database: Pick<Database, 'db'>) {
    this.db = database.db;
  }

  async save(row: SealedInstallation): Promise<void> {
    const { id, ...rest } = row;
    await this.db.slackInstallation.upsert({ where: { id }, create: row, update: rest });
  }

  async find(id: string): Promise<SealedInstallation | null> {
    const row = await this.db.slackInstallation.findUnique({ where: { id } });
    return row ? sealed(row) : null;
  }

  /** The organisation-wide install that has served this workspace, if any. */
  async findOrganisationServing(teamId: string): Promise<SealedInstallation | null> {
    const rows = await this.db.slackInstallation.findMany({ where: { isEnterprise: true } });
    const row = rows.find((r) => (JSON.parse(r.teamIds) as string[]).includes(teamId));
    return row ? sealed(row) : null;
  }

  /** Remembers that an organisation-wide install serves this workspace (so outbound sends find it). */
  async noteTeam(enterpriseId: string, teamId: string): Promise<void> {
    const row = await this.db.slackInstallation.findUnique({ where: { id: enterpriseId } });
    if (!row) return;
    const teams = JSON.parse(row.teamIds) as string[];
    if (teams.includes(teamId)) return;
    await this.db.slackInstallation.update({
      where: { id: enterpriseId },
      data: { teamIds: JSON.stringify([...teams, teamId]) },
    });
  }

  /** Removes the installation; true when there was one. */
  async remove(id: string): Promise<boolean> {
    return (await this.db.slackInstallation.deleteMany({ where: { id } })).count > 0;
  }

  async count(): Promise<number> {
    return this.db.slackInstallation.count();
  }
}

const sealed = (row: SealedInstallation): SealedInstallation => ({
  id: row.id,
  teamId: row.teamId,
  enterpriseId: row.enterpriseId,
  isEnterprise: row.isEnterprise,
  keyId: row.keyId,
  data: row.data,
});
