// Which chat channel belongs to which partnership, and which chat account is which person.
import type { Platform } from '../../src/domain/chat/inbound.ts';
import type { AuditEntry, AuditLog, Binding, DirectoryStore, LinkedPerson } from '../../src/services/ports/index.ts';
import type { Db } from './database.ts';
import type { FastSql } from './fast-sql.ts';
import { LIVE_PLATFORMS } from './scope.ts';

// The lookups every request makes run as prepared statements (fast-sql.ts); writes stay on Prisma.
export class PrismaDirectoryStore implements DirectoryStore {
  constructor(
    private readonly db: Db,
    private readonly sql: FastSql,
  ) {}

  async findBinding(platform: Platform, workspaceId: string, channelId: string): Promise<Binding | null> {
    const [row] = await this.sql.all<{ partnershipId: string }>(
      'SELECT "partnershipId" FROM "ChannelBinding" WHERE "platform" = $1 AND "workspaceId" = $2 AND "channelId" = $3',
      [platform, workspaceId, channelId],
    );
    return row ? { partnershipId: row.partnershipId, platform, workspaceId, channelId } : null;
  }

  /** Binding a Slack or Teams channel makes a sandbox partnership real: the playground leaves it alone from then on. */
  async bindChannel(binding: Binding, _actorId: string, audit?: AuditEntry): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.channelBinding.create({ data: binding });
      if (LIVE_PLATFORMS.includes(binding.platform)) {
        await tx.partnership.updateMany({
          where: { id: binding.partnershipId, sandbox: true },
          data: { sandbox: false },
        });
      }
      if (audit) await tx.auditEvent.create({ data: auditRow(audit) });
    });
  }

  async boundWorkspaces(partnershipId: string, platform: Platform): Promise<string[]> {
    const rows = await this.sql.all<{ workspaceId: string }>(
      'SELECT DISTINCT "workspaceId" FROM "ChannelBinding" WHERE "partnershipId" = $1 AND "platform" = $2',
      [partnershipId, platform],
    );
    return rows.map((r) => r.workspaceId);
  }

  async findIdentity(platform: Platform, workspaceId: string, userId: string): Promise<LinkedPerson | null> {
    const [row] = await this.sql.all<{ id: string; partnershipId: string }>(
      'SELECT p."id", p."partnershipId" FROM "PlatformIdentity" i JOIN "Person" p ON p."id" = i."personId" ' +
        'WHERE i."platform" = $1 AND i."workspaceId" = $2 AND i."userId" = $3 AND p."endedAt" IS NULL',
      [platform, workspaceId, userId],
    );
    return row ? { personId: row.id, partnershipId: row.partnershipId } : null;
  }

  async findByEmail(email: string): Promise<LinkedPerson[]> {
    const rows = await this.db.person.findMany({
      where: { email: email.trim().toLowerCase(), endedAt: null, erasedAt: null },
      select: { id: true, partnershipId: true },
    });
    return rows.map((r) => ({ personId: r.id, partnershipId: r.partnershipId }));
  }

  async linkIdentity(
    personId: string,
    platform: Platform,
    workspaceId: string,
    userId: string,
    audit?: AuditEntry,
  ): Promise<void> {
    const link = {
      where: { platform_workspaceId_userId: { platform, workspaceId, userId } },
      create: { personId, platform, workspaceId, userId },
      update: { personId },
    };
    if (!audit) {
      await this.db.platformIdentity.upsert(link);
      return;
    }
    await this.db.$transaction(async (tx) => {
      await tx.platformIdentity.upsert(link);
      await tx.auditEvent.create({ data: auditRow(audit) });
    });
  }

  async identitiesOf(personId: string) {
    const rows = await this.db.platformIdentity.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => ({ platform: r.platform as Platform, workspaceId: r.workspaceId, userId: r.userId }));
  }
}

export class PrismaAuditLog implements AuditLog {
  constructor(private readonly db: Db) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.auditEvent.create({ data: auditRow(entry) });
  }
}

const auditRow = (entry: AuditEntry) => ({
  partnershipId: entry.partnershipId,
  actorId: entry.actorId,
  action: entry.action,
  subjectType: entry.subjectType,
  subjectId: entry.subjectId ?? null,
  before: entry.before === undefined ? null : JSON.stringify(entry.before),
  after: entry.after === undefined ? null : JSON.stringify(entry.after),
});
