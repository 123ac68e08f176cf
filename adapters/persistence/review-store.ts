// The annual review in the database: confirmations, answers and submissions (each change one
// transaction with its audit event), and the ScheduledSend rows that make review-season messages
// go exactly once: the unique key is inserted before sending, claims are conditional updates.
import { keys, type SeasonState } from '../../src/domain/review/plan.ts';
import type { Confirmation, DecisionEvidence, Submission } from '../../src/domain/review/types.ts';
import type {
  FinishedSends,
  PartnershipRef,
  PartnershipScope,
  ReviewStore,
  SendClaim,
  SendOutcome,
  SendRef,
  SendReservation,
} from '../../src/services/ports/index.ts';
import type { Db, Provider } from './database.ts';
import { encodeAnswer, toRecord, toSendRecord, yearStart } from './review-records.ts';
import type { FastSql } from './fast-sql.ts';
import { listPartnershipPage, loadSeasonPage } from './review-page.ts';
import { dialectOf, type Dialect } from './review-sql.ts';
import { claimSends, insertSends, markSends, releaseSends, type SendsDb } from './review-sends.ts';

export class PrismaReviewStore implements ReviewStore {
  private readonly sends: SendsDb;
  private readonly dialect: Dialect;

  constructor(
    private readonly db: Db,
    provider: Provider,
    private readonly sql: FastSql,
  ) {
    this.dialect = dialectOf(provider);
    this.sends = { sql, dialect: this.dialect };
  }

  async loadRecord(partnershipId: string, year: number) {
    const [confirmations, answers, submissions, identities, sends] = await Promise.all([
      this.db.membershipConfirmation.findMany({ where: { year, person: { partnershipId } } }),
      this.db.reviewAnswer.findMany({ where: { partnershipId, year } }),
      this.db.reviewSubmission.findMany({ where: { partnershipId, year: { in: [year, year - 1] } } }),
      this.db.platformIdentity.findMany({
        where: { person: { partnershipId, endedAt: null } },
        select: { personId: true },
      }),
      this.db.scheduledSend.findMany({
        where: {
          partnershipId,
          kind: 'review-confirm',
          status: 'failed',
          nextAttemptAt: null,
          createdAt: { gte: yearStart(year) },
        },
      }),
    ]);
    return toRecord(year, {
      confirmations,
      answers,
      submissions,
      linked: identities.map((i) => i.personId),
      sends: sends.map(toSendRecord),
    });
  }

  async decisionEvidence(partnershipId: string, year: number): Promise<DecisionEvidence[]> {
    const rows = await this.db.decision.findMany({
      where: {
        partnershipId,
        createdAt: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
      },
      select: {
        number: true,
        title: true,
        kind: true,
        status: true,
        createdAt: true,
        declarations: { select: { outcome: true } },
        _count: { select: { recusals: true, votes: true } },
      },
      orderBy: { number: 'asc' },
    });
    return rows.map((d) => ({
      number: d.number,
      title: d.title,
      kind: d.kind,
      status: d.status,
      createdAt: d.createdAt,
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
        data: {
          partnershipId,
          actorId: c.personId,
          action: 'review.confirm',
          subjectType: 'person',
          subjectId: c.personId,
          after: JSON.stringify({ year: c.year, member: c.member }),
          at: c.confirmedAt,
        },
      });
    });
  }

  async saveAnswers(
    partnershipId: string,
    year: number,
    answers: { question: string; choice: string | null; text: string }[],
    actorId: string,
    at: Date,
  ) {
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
        data: {
          partnershipId,
          actorId,
          action: 'review.answer',
          subjectType: 'review',
          subjectId: String(year),
          after: JSON.stringify({ questions: answers.map((a) => a.question) }),
          at,
        },
      });
    });
  }

  async saveSubmission(partnershipId: string, s: Submission, open: readonly string[] = []) {
    await this.db.$transaction(async (tx) => {
      const data = { snapshot: JSON.stringify(s.document), submittedById: s.submittedById, submittedAt: s.submittedAt };
      await tx.reviewSubmission.upsert({
        where: { partnershipId_year: { partnershipId, year: s.year } },
        create: { partnershipId, year: s.year, ...data },
        update: data,
      });
      await tx.auditEvent.create({
        data: {
          partnershipId,
          actorId: s.submittedById,
          action: 'review.submit',
          subjectType: 'review',
          subjectId: String(s.year),
          ...(open.length ? { after: JSON.stringify({ open }) } : {}),
          at: s.submittedAt,
        },
      });
    });
  }

  async reopenSubmission(partnershipId: string, year: number, actorId: string, at: Date): Promise<Date | null> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.reviewSubmission.findUnique({
        where: { partnershipId_year: { partnershipId, year } },
        select: { submittedAt: true },
      });
      if (!row) return null;
      // a conditional delete: of two reopens at once, only one removes the row and is audited
      const { count } = await tx.reviewSubmission.deleteMany({ where: { partnershipId, year } });
      if (!count) return null;
      await tx.auditEvent.create({
        data: {
          partnershipId,
          actorId,
          action: 'review.reopen',
          subjectType: 'review',
          subjectId: String(year),
          before: JSON.stringify({ submittedAt: row.submittedAt.toISOString() }),
          at,
        },
      });
      return row.submittedAt;
    });
  }

  async nudgeSlotDecided(partnershipId: string, period: string): Promise<boolean> {
    const row = await this.db.scheduledSend.findFirst({
      where: { partnershipId, kind: 'review-nudge', key: { startsWith: keys.nudge(period, '') } },
      select: { id: true },
    });
    return row !== null;
  }

  async listPartnerships(
    after: string | null,
    limit: number,
    scope: PartnershipScope = 'all',
  ): Promise<PartnershipRef[]> {
    return listPartnershipPage(this.sql, after, limit, scope);
  }

  loadSeasonStates(partnerships: readonly PartnershipRef[], year: number): Promise<SeasonState[]> {
    return loadSeasonPage(this.sql, this.dialect, partnerships, year);
  }

  reserveSends(
    sends: readonly (SendReservation & { status: 'pending' | 'skipped' })[],
    now: Date,
  ): Promise<Set<string>> {
    return insertSends(this.sends, sends, now);
  }

  claimSends(
    claims: readonly SendClaim[],
    now: Date,
    until: Date,
    finished: readonly FinishedSends[] = [],
  ): Promise<string[]> {
    return claimSends(this.sends, claims, now, until, finished);
  }

  finishSends(sends: readonly SendRef[], outcome: SendOutcome): Promise<void> {
    return markSends(this.sends, sends, outcome);
  }

  releaseSends(sends: readonly SendRef[], until: Date): Promise<number> {
    return releaseSends(this.sends, sends, until);
  }
}
