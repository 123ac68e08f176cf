// Which chat channel belongs to which partnership, and which chat account is which person.
import type { Platform } from '../../src/bot/inbound.ts';
import type { AuditEntry, AuditLog, Binding, DirectoryStore, LinkedPerson } from '../../src/ports/index.ts';
import type { Db } from './database.ts';

export class PrismaDirectoryStore implements DirectoryStore {
  constructor(private readonly db: Db) {}

  async findBinding(platform: Platform, workspaceId: string, channelId: string): Promise<Binding | null> {
    const row = await this.db.channelBinding.findUnique({ where: { platform_workspaceId_channelId: { platform, workspaceId, channelId } } });
    return row ? { partnershipId: row.partnershipId, platform: row.platform as Platform, workspaceId: row.workspaceId, channelId: row.channelId } : null;
  }

  async bindChannel(binding: Binding): Promise<void> {
    await this.db.channelBinding.create({ data: binding });
  }

  async boundWorkspaces(partnershipId: string, platform: Platform): Promise<string[]> {
    const rows = await this.db.channelBinding.findMany({ where: { partnershipId, platform }, select: { workspaceId: true }, distinct: ['workspaceId'] });
    return rows.map((r) => r.workspaceId);
  }

  async findIdentity(platform: Platform, workspaceId: string, userId: string): Promise<LinkedPerson | null> {
    const row = await this.db.platformIdentity.findUnique({
      where: { platform_workspaceId_userId: { platform, workspaceId, userId } },
      select: { person: { select: { id: true, partnershipId: true, endedAt: true } } },
    });
    if (!row || row.person.endedAt) return null;
    return { personId: row.person.id, partnershipId: row.person.partnershipId };
  }

  async findByEmail(email: string): Promise<LinkedPerson[]> {
    const rows = await this.db.person.findMany({
      where: { email: email.trim().toLowerCase(), endedAt: null, erasedAt: null },
      select: { id: true, partnershipId: true },
    });
    return rows.map((r) => ({ personId: r.id, partnershipId: r.partnershipId }));
  }

  async linkIdentity(personId: string, platform: Platform, workspaceId: string, userId: string): Promise<void> {
    await this.db.platformIdentity.upsert({
      where: { platform_workspaceId_userId: { platform, workspaceId, userId } },
      create: { personId, platform, workspaceId, userId },
      update: { personId },
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
    await this.db.auditEvent.create({
      data: {
        partnershipId: entry.partnershipId,
        actorId: entry.actorId,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId ?? null,
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
      },
    });
  }
}
