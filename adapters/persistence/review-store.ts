// The annual review in the database: confirmations, answers and submissions (each change one
// transaction with its audit event), and the ScheduledSend rows that make review-season messages
// go exactly once: the unique key is inserted before sending, claims are conditional updates.
import type { SeasonState } from '../../src/domain/review/plan.ts';
import type { Confirmation, DecisionEvidence, Submission } from '../../src/domain/review/types.ts';
import type { Relationship, RelationshipKind } from '../../src/domain/roster.ts';
import type { PartnershipRef, ReviewStore, SendOutcome, SendReservation } from '../../src/ports/index.ts';
import type { Db } from './database.ts';
import { encodeAnswer, groupBy, REVIEW_SEND_KINDS, toRecord, toSendRecord, yearStart } from './review-records.ts';
import { toPartnershipRef, toPerson } from './roster-store.ts';

/** Rows per insert and keys per `in` list: well under the database's limit on a query's parameters. */
const INSERT_CHUNK = 100;
const KEY_CHUNK = 500;

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === 'P2002';

export class PrismaReviewStore implements ReviewStore {
  constructor(private readonly db: Db) {}

  async loadRecord(partnershipId: string, year: number) {
    const [confirmations, answers, submissions, identities, sends] = await Promise.all([
      this.db.membershipConfirmation.findMany({ where: { year, person: { partnershipId } } }),
      this.db.reviewAnswer.findMany({ where: { partnershipId, year } }),
      this.db.reviewSubmission.findMany({ where: { partnershipId, year: { in: [year, year - 1] } } }),
      this.db.platformIdentity.findMany({ where: { person: { partnershipId, endedAt: null } }, select: { personId: true } }),
      this.db.scheduledSend.findMany({ where: { partnershipId, kind: 'review-confirm', status: 'failed', nextAttemptAt: null, createdAt: { gte: yearStart(year) } } }),
    ]);
    return toRecord(year, { confirmations, answers, submissions, linked: identities.map((i) => i.personId), sends: sends.map(toSendRecord) });
  }

  async decisionEvidence(partnershipId: string, year: number): Promise<DecisionEvidence[]> {
    const rows = await this.db.decision.findMany({
      where: { partnershipId, createdAt: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
      select: {
        number: true, title: true, kind: true, status: true, createdAt: true,
        declarations: { select: { outcome: true } },
        _count: { select: { recusals: true, votes: true } },
      },
      orderBy: { number: 'asc' },
    });
    return rows.map((d) => ({
      number: d.number, title: d.title, kind: d.kind, status: d.status, createdAt: d.createdAt,
      declarations: d.declarations.length,
      interestsDeclared: d.declarations.filter((x) => x.outcome === 'interest').length,
      recusals: d._count.recusals,
      votes: d._count.votes,
    }));
  }

  async confirmMembership(partnershipId: string, c: Confirmation) {
    await this.db.$transaction(async (tx) => {
      const data = { resident: c.resident, member: c.member, confirmedAt: c.confirmedAt };
      await tx.membershipConfirmation.upsert({
        where: { personId_year: { personId: c.personId, year: c.year } },
        create: { personId: c.personId, year: c.year, ...data },
        update: data,
      });
      // The audit says that the person answered, not where they live (the row itself holds that).
      await tx.auditEvent.create({
        data: { partnershipId, actorId: c.personId, action: 'review.confirm', subjectType: 'person', subjectId: c.personId, after: JSON.stringify({ year: c.year, member: c.member }), at: c.confirmedAt },
      });
    });
  }

  async saveAnswers(partnershipId: string, year: number, answers: { question: string; choice: string | null; text: string }[], actorId: string, at: Date) {
    await this.db.$transaction(async (tx) => {
      for (const a of answers) {
        const data = { answer: encodeAnswer(a.choice, a.text), answeredById: actorId, updatedAt: at };
        await tx.reviewAnswer.upsert({
          where: { partnershipId_year_question: { partnershipId, year, question: a.question } },
          create: { partnershipId, year, question: a.question, ...data },
          update: data,
        });
      }
      await tx.auditEvent.create({
        data: { partnershipId, actorId, action: 'review.answer', subjectType: 'review', subjectId: String(year), after: JSON.stringify({ questions: answers.map((a) => a.question) }), at },
      });
    });
  }

  async saveSubmission(partnershipId: string, s: Submission) {
    await this.db.$transaction(async (tx) => {
      const data = { snapshot: JSON.stringify(s.document), submittedById: s.submittedById, submittedAt: s.submittedAt };
      await tx.reviewSubmission.upsert({
        where: { partnershipId_year: { partnershipId, year: s.year } },
        create: { partnershipId, year: s.year, ...data },
        update: data,
      });
      await tx.auditEvent.create({
        data: { partnershipId, actorId: s.submittedById, action: 'review.submit', subjectType: 'review', subjectId: String(s.year), at: s.submittedAt },
      });
    });
  }

  async listPartnerships(after: string | null, limit: number): Promise<PartnershipRef[]> {
    const rows = await this.db.partnership.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: 'asc' },
      take: limit,
      select: { id: true, slug: true, name: true, settings: true },
    });
    return rows.map(toPartnershipRef);
  }

  async loadSeasonStates(partnerships: readonly PartnershipRef[], year: number): Promise<SeasonState[]> {
    const ids = partnerships.map((p) => p.id);
    if (!ids.length) return [];
    // Plain queries, no relation filters or includes: this runs every hour for every partnership.
    // Interests are not loaded: nothing in the review uses them.
    const [people, relationships, answers, submissions, sends] = await Promise.all([
      this.db.person.findMany({ where: { partnershipId: { in: ids }, endedAt: null }, orderBy: { createdAt: 'asc' } }),
      this.db.relationship.findMany({ where: { partnershipId: { in: ids } }, orderBy: { createdAt: 'asc' } }),
      this.db.reviewAnswer.findMany({ where: { partnershipId: { in: ids }, year } }),
      this.db.reviewSubmission.findMany({ where: { partnershipId: { in: ids }, year: { in: [year, year - 1] } } }),
      this.db.scheduledSend.findMany({ where: { partnershipId: { in: ids }, kind: { in: REVIEW_SEND_KINDS }, createdAt: { gte: yearStart(year) } } }),
    ]);
    // By partnership (a short list), not by person: person ids would pass the database's limit on parameters.
    const ofPage = { person: { partnershipId: { in: ids } } };
    const [confirmations, identities] = await Promise.all([
      this.db.membershipConfirmation.findMany({ where: { year, ...ofPage } }),
      this.db.platformIdentity.findMany({ where: ofPage, select: { personId: true } }),
    ]);
    const partnershipOf = new Map(people.map((p) => [p.id, p.partnershipId]));
    const current = (id: string) => partnershipOf.has(id);
    const by = {
      people: groupBy(people, (p) => p.partnershipId),
      relationships: groupBy(relationships.filter((r) => current(r.fromId) && current(r.toId)), (r) => r.partnershipId),
      confirmations: groupBy(confirmations.filter((c) => current(c.personId)), (c) => partnershipOf.get(c.personId)!),
      answers: groupBy(answers, (a) => a.partnershipId),
      submissions: groupBy(submissions, (s) => s.partnershipId),
      identities: groupBy(identities.filter((i) => current(i.personId)), (i) => partnershipOf.get(i.personId)!),
      sends: groupBy(sends, (s) => s.partnershipId),
    };
    return partnerships.map((p): SeasonState => {
      const sendRecords = (by.sends.get(p.id) ?? []).map(toSendRecord);
      return {
        roster: {
          partnership: { id: p.id, slug: p.slug, name: p.name, settings: p.settings },
          people: (by.people.get(p.id) ?? []).map((row) => toPerson({ ...row, interests: [] })),
          relationships: (by.relationships.get(p.id) ?? []).map((r): Relationship => ({ fromId: r.fromId, toId: r.toId, kind: r.kind as RelationshipKind })),
        },
        record: toRecord(year, {
          confirmations: by.confirmations.get(p.id) ?? [],
          answers: by.answers.get(p.id) ?? [],
          submissions: by.submissions.get(p.id) ?? [],
          linked: (by.identities.get(p.id) ?? []).map((i) => i.personId),
          sends: sendRecords,
        }),
        sends: sendRecords,
      };
    });
  }

  async reserveSends(sends: readonly (SendReservation & { status: 'pending' | 'skipped' })[], now: Date): Promise<Set<string>> {
    const mine = new Set<string>();
    const rows = sends.map((send) => ({ ...send, attempts: 0, createdAt: now }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      try {
        await this.db.scheduledSend.createMany({ data: chunk });
        for (const r of chunk) mine.add(r.key);
        continue;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // Another process recorded some of these keys first: find out which, one by one.
      for (const row of chunk) {
        try {
          await this.db.scheduledSend.create({ data: row });
          mine.add(row.key);
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
    }
    return mine;
  }

  async claimReserved(keys: readonly string[], now: Date): Promise<string[]> {
    const claimed: string[] = [];
    for (let i = 0; i < keys.length; i += KEY_CHUNK) {
      const chunk = keys.slice(i, i + KEY_CHUNK);
      const { count } = await this.db.scheduledSend.updateMany({
        where: { key: { in: chunk }, status: 'pending', attempts: 0 },
        data: { attempts: 1, lastAttemptAt: now },
      });
      if (count === chunk.length) {
        claimed.push(...chunk);
        continue;
      }
      // Some were taken over by another process (as stale, so at a later time): ours carry our time.
      const rows = await this.db.scheduledSend.findMany({ where: { key: { in: chunk }, attempts: 1, lastAttemptAt: now }, select: { key: true } });
      claimed.push(...rows.map((r) => r.key));
    }
    return claimed;
  }

  async claimSend(key: string, expected: { status: 'pending' | 'failed'; attempts: number }, now: Date, staleBefore?: Date): Promise<boolean> {
    const claimed = await this.db.scheduledSend.updateMany({
      where: {
        key, status: expected.status, attempts: expected.attempts,
        ...(staleBefore ? { createdAt: { lte: staleBefore } } : {}),
        ...(expected.status === 'failed' ? { nextAttemptAt: { lte: now } } : {}),
      },
      data: { status: 'pending', attempts: expected.attempts + 1, lastAttemptAt: now, nextAttemptAt: null },
    });
    return claimed.count === 1;
  }

  async finishSends(keys: readonly string[], outcome: SendOutcome): Promise<void> {
    for (let i = 0; i < keys.length; i += KEY_CHUNK) {
      await this.db.scheduledSend.updateMany({
        where: { key: { in: keys.slice(i, i + KEY_CHUNK) }, status: 'pending' },
        data: outcome.status === 'sent'
          ? { status: 'sent', sentAt: outcome.at, nextAttemptAt: null }
          : { status: 'failed', nextAttemptAt: outcome.nextAttemptAt },
      });
    }
  }
}
