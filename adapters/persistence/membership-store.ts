// Officers' roles and signed membership forms. Each write and its audit row commit together.
import type { MembershipForm } from '../../src/domain/roster.ts';
import type { AppointmentAudit, Change, MembershipStore, RoleChange } from '../../src/services/ports/index.ts';
import type { Db } from './database.ts';
import { formFields } from './person-rows.ts';

export class PrismaMembershipStore implements MembershipStore {
  constructor(private readonly db: Db) {}

  async setRoles(change: Change, roles: readonly RoleChange[], audit: AppointmentAudit): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const ids = roles.map((r) => r.personId);
      const current = await tx.person.findMany({
        where: { id: { in: ids }, partnershipId: change.partnershipId, endedAt: null, kind: 'member' },
        select: { id: true, roles: true },
      });
      if (current.length !== new Set(ids).size) return false;
      for (const r of roles) await tx.person.update({ where: { id: r.personId }, data: { roles: r.roles.join(',') } });
      await tx.auditEvent.create({
        data: {
          partnershipId: change.partnershipId,
          actorId: change.actorId,
          at: change.at,
          action: 'roster.appoint',
          subjectType: 'person',
          subjectId: audit.personId,
          before: JSON.stringify(current.map((p) => ({ personId: p.id, roles: p.roles }))),
          after: JSON.stringify({ role: audit.role, roles, acknowledged: audit.acknowledged }),
        },
      });
      return true;
    });
  }

  async recordForm(change: Change, personId: string, form: MembershipForm): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const person = await tx.person.findFirst({
        where: { id: personId, partnershipId: change.partnershipId, endedAt: null, kind: 'member' },
        select: { membershipFormSignedOn: true, membershipFormReference: true },
      });
      if (!person) return false;
      await tx.person.update({ where: { id: personId }, data: formFields(form) });
      await tx.auditEvent.create({
        data: {
          partnershipId: change.partnershipId,
          actorId: change.actorId,
          at: change.at,
          action: 'membership-form.record',
          subjectType: 'person',
          subjectId: personId,
          before: person.membershipFormSignedOn
            ? JSON.stringify({
                signedOn: person.membershipFormSignedOn.toISOString().slice(0, 10),
                reference: person.membershipFormReference,
              })
            : null,
          after: JSON.stringify(form),
        },
      });
      return true;
    });
  }
}
