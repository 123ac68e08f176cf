// UK GDPR: subject access (everything held on a person, as JSON) and erasure (personal data
// removed; decision records kept with the person pseudonymised, so tallies stay true).
import type { Db } from './database.ts';
import { safeJson } from './person-rows.ts';
import { linksText, rowInterests, rowLinks } from './relative-rows.ts';
import { forgetConflictEvidence } from './erasure-evidence.ts';
import { pseudonymiseReviews } from './erasure-reviews.ts';
import { forgetInSettings } from './erasure-settings.ts';

export interface PersonLookup {
  partnershipId: string;
  name: string;
}

/** By id (the retention job), or by the name as typed: exactly as on the roster first, else ignoring case. */
async function findPerson(db: Db, lookup: PersonLookup | { partnershipId: string; id: string }) {
  const where = { partnershipId: lookup.partnershipId, erasedAt: null };
  if ('id' in lookup) return db.person.findFirst({ where: { ...where, id: lookup.id } });
  const people = await db.person.findMany({ where });
  const typed = lookup.name.trim();
  const wanted = typed.toLowerCase();
  return people.find((p) => p.name === typed) ?? people.find((p) => p.name.toLowerCase() === wanted) ?? null;
}

/** Everything held on one person. Null when nobody of that name is on the partnership. */
export async function exportPerson(db: Db, lookup: PersonLookup): Promise<Record<string, unknown> | null> {
  const person = await findPerson(db, lookup);
  if (!person) return null;
  const [
    partnership,
    interests,
    relFrom,
    relTo,
    identities,
    confirmations,
    declarations,
    votes,
    recusals,
    sends,
    audit,
    relatives,
    concernsRaised,
    concernsAbout,
  ] = await Promise.all([
    db.partnership.findUniqueOrThrow({ where: { id: person.partnershipId }, select: { slug: true, name: true } }),
    db.interest.findMany({ where: { personId: person.id } }),
    db.relationship.findMany({ where: { fromId: person.id }, include: { to: { select: { name: true } } } }),
    db.relationship.findMany({ where: { toId: person.id }, include: { from: { select: { name: true } } } }),
    db.platformIdentity.findMany({ where: { personId: person.id } }),
    db.membershipConfirmation.findMany({ where: { personId: person.id } }),
    db.declaration.findMany({
      where: { personId: person.id },
      include: { decision: { select: { number: true, title: true } } },
    }),
    db.vote.findMany({
      where: { personId: person.id },
      include: { decision: { select: { number: true, title: true, ballot: true } } },
    }),
    db.recusal.findMany({
      where: { personId: person.id },
      include: { decision: { select: { number: true, title: true } } },
    }),
    db.scheduledSend.findMany({ where: { recipientId: person.id } }),
    db.auditEvent.findMany({
      where: { OR: [{ actorId: person.id }, { subjectId: person.id }] },
      orderBy: { at: 'asc' },
    }),
    db.relative.findMany({ where: { partnershipId: person.partnershipId } }),
    db.concern.findMany({ where: { raisedById: person.id }, orderBy: { number: 'asc' } }),
    db.concern.findMany({ where: { aboutId: person.id }, orderBy: { number: 'asc' } }),
  ]);
  // relatives not on the roster linked to this person: what is recorded about them through this person
  const myRelatives = relatives.flatMap((r) => {
    const links = rowLinks(r.links).filter((l) => l.personId === person.id);
    return links.length ? [{ r, links }] : [];
  });
  return {
    exportedAt: new Date().toISOString(),
    partnership,
    person: {
      name: person.name,
      kind: person.kind,
      resident: person.resident,
      voting: person.voting,
      roles: person.roles ? person.roles.split(',') : [],
      ltoRepresentative: person.ltoRepresentative,
      councillor: person.councillor,
      email: person.email,
      membershipFormSigned: person.membershipFormSignedOn?.toISOString().slice(0, 10) ?? null,
      membershipFormReference: person.membershipFormReference,
      membershipEnded: person.endedAt,
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
    },
    interests: interests.map((i) => ({
      organisation: i.organisation,
      kind: i.kind,
      detail: i.detail,
      recorded: i.createdAt,
    })),
    relationships: [
      ...relFrom.map((r) => ({ statement: `${person.name} is ${r.to.name}'s ${r.kind}`, recorded: r.createdAt })),
      ...relTo.map((r) => ({ statement: `${r.from.name} is ${person.name}'s ${r.kind}`, recorded: r.createdAt })),
      ...myRelatives.flatMap(({ r, links }) =>
        links.map((l) => ({
          statement: `${r.name} (not on the roster) is ${person.name}'s ${l.kind}`,
          recorded: r.createdAt,
        })),
      ),
    ],
    relativesNotOnRoster: myRelatives.map(({ r }) => ({ name: r.name, interests: rowInterests(r.interests) })),
    chatAccounts: identities.map((i) => ({
      platform: i.platform,
      workspace: i.workspaceId,
      user: i.userId,
      linked: i.createdAt,
    })),
    membershipConfirmations: confirmations.map((c) => ({
      year: c.year,
      resident: c.resident,
      confirmedAt: c.confirmedAt,
    })),
    declarations: declarations.map((d) => ({
      decision: `${d.decision.number}: ${d.decision.title}`,
      outcome: d.outcome,
      kind: d.kind,
      detail: d.detail,
      at: d.updatedAt,
    })),
    // A secret ballot's choice is never exported, not even to the voter (docs/privacy.md): an
    // export is a file that travels. Only that they voted; the choice is erased at close anyway.
    votes: votes.map((v) =>
      v.decision.ballot === 'secret'
        ? {
            decision: `${v.decision.number}: ${v.decision.title}`,
            ballot: 'secret',
            option: null,
            note: 'secret ballot: the choice is not shown, and is erased when voting closes',
            at: v.createdAt,
          }
        : {
            decision: `${v.decision.number}: ${v.decision.title}`,
            ballot: 'open',
            option: v.option,
            reason: v.reason,
            changes: v.changes,
            at: v.updatedAt,
          },
    ),
    recusals: recusals.map((r) => ({
      decision: `${r.decision.number}: ${r.decision.title}`,
      reasons: safeJson(r.reasons),
      at: r.createdAt,
    })),
    // Their own concerns, in their own words; the outcome is theirs too (they were told it).
    concernsRaised: concernsRaised.map((c) => ({
      number: c.number,
      kind: c.kind,
      text: c.text,
      status: c.status,
      outcome: c.outcome,
      raisedAt: c.createdAt,
      closedAt: c.closedAt,
    })),
    // Concerns about them: that one was recorded, its kind and status, never who raised it or its
    // words (third-party data: UK GDPR, DPA 2018 Sch. 2 para 16; docs/privacy.md says what else the
    // controller must weigh on a request).
    concernsAboutThisPerson: concernsAbout.map((c) => ({
      kind: c.kind,
      status: c.status,
      raisedOn: c.createdAt.toISOString().slice(0, 10),
      closedOn: c.closedAt ? c.closedAt.toISOString().slice(0, 10) : null,
    })),
    messagesSent: sends.map((s) => ({ kind: s.kind, status: s.status, sentAt: s.sentAt })),
    auditTrail: audit.map((a) => ({ action: a.action, byThisPerson: a.actorId === person.id, at: a.at })),
  };
}

/**
 * Erase a person's personal data. Kept, pseudonymised: the person row (so votes, declarations
 * and recusals still count in decision records) under a name like "Former member 3f2a".
 */
export async function erasePerson(
  db: Db,
  lookup: PersonLookup | { partnershipId: string; id: string },
  actorId: string | null,
  now = new Date(),
): Promise<{ pseudonym: string } | null> {
  const person = await findPerson(db, lookup);
  if (!person) return null;
  const pseudonym = `Former ${person.kind === 'member' ? 'member' : person.kind === 'rep' ? 'rep' : 'worker'} ${person.id.slice(0, 6)}`;
  await db.$transaction(async (tx) => {
    await tx.interest.deleteMany({ where: { personId: person.id } });
    await tx.relationship.deleteMany({ where: { OR: [{ fromId: person.id }, { toId: person.id }] } });
    // Relatives not on the roster lose their links to this person; one linked to nobody else was
    // recorded only because of them, and goes too (docs/privacy.md).
    for (const r of await tx.relative.findMany({ where: { partnershipId: person.partnershipId } })) {
      const links = rowLinks(r.links);
      const kept = links.filter((l) => l.personId !== person.id);
      if (kept.length === links.length) continue;
      if (kept.length === 0) await tx.relative.delete({ where: { id: r.id } });
      else await tx.relative.update({ where: { id: r.id }, data: { links: linksText(kept) } });
    }
    await tx.platformIdentity.deleteMany({ where: { personId: person.id } });
    // where their decision prompts landed names their chat accounts
    await tx.decisionPrompt.deleteMany({ where: { personId: person.id } });
    // Concerns stay with their reviewer as a record; the erased person is no longer named in them.
    await tx.concern.updateMany({ where: { raisedById: person.id }, data: { raisedById: null } });
    await tx.concern.updateMany({ where: { aboutId: person.id }, data: { aboutId: null } });
    await tx.membershipConfirmation.deleteMany({ where: { personId: person.id } });
    await tx.declaration.updateMany({ where: { personId: person.id }, data: { detail: null } });
    // a reason given with a vote is their own words, like a declaration's detail
    await tx.vote.updateMany({ where: { personId: person.id }, data: { reason: null } });
    // Recusal reasons and a meeting's flagged conflicts quote register entries and relationship
    // chains: theirs, and others' chains through them, keep only their kinds.
    await forgetConflictEvidence(tx, person);
    // a submitted review, kept as sent, names them: their pseudonym instead
    await pseudonymiseReviews(tx, person, pseudonym);
    // as the concern reviewer they are named in the settings, and in their changes' audit rows
    await forgetInSettings(tx, person, pseudonym);
    await tx.auditEvent.updateMany({ where: { subjectId: person.id }, data: { before: null, after: null } });
    await tx.person.update({
      where: { id: person.id },
      data: {
        name: pseudonym,
        email: null,
        membershipFormSignedOn: null,
        membershipFormReference: null,
        resident: false,
        councillor: false,
        ltoRepresentative: false,
        roles: '',
        erasedAt: now,
        endedAt: person.endedAt ?? now,
      },
    });
    await tx.auditEvent.create({
      data: {
        partnershipId: person.partnershipId,
        actorId,
        action: 'person.erase',
        subjectType: 'person',
        subjectId: person.id,
      },
    });
  });
  return { pseudonym };
}

/** Erase everyone whose membership ended more than the partnership's retention period ago. */
export async function eraseExpired(db: Db, partnershipId: string, retentionMonths: number, now: Date): Promise<number> {
  if (retentionMonths <= 0) return 0;
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - retentionMonths);
  const expired = await db.person.findMany({
    where: { partnershipId, erasedAt: null, endedAt: { lt: cutoff } },
    select: { id: true },
  });
  // by id: a name can be shared, and the job must never erase anyone but the one whose time is up
  for (const p of expired) await erasePerson(db, { partnershipId, id: p.id }, null, now);
  return expired.length;
}
