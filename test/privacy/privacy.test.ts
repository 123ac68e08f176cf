import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { erasePerson, eraseExpired, exportPerson } from '../../adapters/persistence/privacy.ts';
import { createBot } from '../../src/bot/bot.ts';
import { replyText } from '../../src/domain/chat/reply.ts';
import { silentLogger } from '../../adapters/log.ts';
import { systemClock } from '../../src/services/ports/index.ts';
import { createDemoDatabase, newDatabaseUrl } from '../support/db.ts';
import { cliTestTimeout } from '../support/cli.ts';
import { BIN, ROOT } from '../support/paths.ts';

const run = promisify(execFile);

describe('subject access and erasure', () => {
  let db: Awaited<ReturnType<typeof createDemoDatabase>>;
  beforeEach(async () => {
    db = await createDemoDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  async function personId(name: string) {
    return (await db.database.db.person.findFirstOrThrow({ where: { name } })).id;
  }

  /** A closed decision Sarah voted on and Tom was recused from, as the decisions feature records it. */
  async function decisionWithRecords() {
    const sarah = await personId('Sarah Whitfield');
    const tom = await personId('Tom Whitfield');
    const decision = await db.database.db.decision.create({
      data: {
        partnershipId: db.partnership.id,
        number: 1,
        title: 'Café refit grant',
        kind: 'grant',
        options: '["For","Against","Abstain"]',
        ballot: 'open',
        visibility: 'live',
        rules: '{}',
        closesAt: new Date(),
        createdById: sarah,
        votes: { create: [{ personId: sarah, option: 'For' }] },
        declarations: {
          create: [
            { personId: tom, outcome: 'interest', kind: 'indirect-financial', detail: 'my wife manages the café' },
          ],
        },
        recusals: {
          create: [
            {
              personId: tom,
              reasons: JSON.stringify([
                { kind: 'indirect-financial', detail: 'Tom Whitfield is Sarah Whitfield’s spouse' },
              ]),
            },
          ],
        },
      },
    });
    return { decision, sarah, tom };
  }

  it('exports everything held on a person', async () => {
    await decisionWithRecords();
    await db.stores.directory.linkIdentity(await personId('Sarah Whitfield'), 'slack', 'T1', 'U1');
    const data = await exportPerson(db.database.db, { partnershipId: db.partnership.id, name: 'sarah whitfield' });
    expect(data).toMatchObject({
      partnership: { slug: 'northfield' },
      person: { name: 'Sarah Whitfield', kind: 'member', resident: true, email: 'sarah.whitfield@example.org' },
      interests: [{ organisation: 'Northfield Community Café Ltd', kind: 'employee', detail: 'café manager' }],
      relationships: [{ statement: "Tom Whitfield is Sarah Whitfield's spouse" }],
      chatAccounts: [{ platform: 'slack', workspace: 'T1', user: 'U1' }],
      votes: [{ decision: '1: Café refit grant', option: 'For' }],
    });
    expect(await exportPerson(db.database.db, { partnershipId: db.partnership.id, name: 'Nobody Here' })).toBeNull();
  });

  it('exports every kind of record the privacy page lists', async () => {
    const { tom, sarah } = await decisionWithRecords();
    const p = db.database.db;
    const partnershipId = db.partnership.id;
    await p.membershipConfirmation.create({ data: { personId: tom, year: 2026, resident: false } });
    await p.scheduledSend.create({
      data: { partnershipId, key: `review-open:2026:${tom}`, kind: 'review-open', recipientId: tom, status: 'sent' },
    });
    const change = { partnershipId, actorId: tom, at: new Date() };
    await db.stores.register.addInterest(change, tom, { organisation: 'Acme Ltd', kind: 'owner', detail: 'half' });
    await p.concern.create({
      data: { partnershipId, number: 1, kind: 'other', raisedById: tom, aboutId: sarah, text: 'my own words' },
    });
    const of = async (name: string) => (await exportPerson(p, { partnershipId, name }))!;
    const data = await of('Tom Whitfield');
    expect(data).toMatchObject({
      person: { name: 'Tom Whitfield', resident: false, email: 'tom.whitfield@example.org' },
      // the relationship from him (and, in Sarah's export below, to her)
      relationships: [{ statement: "Tom Whitfield is Sarah Whitfield's spouse" }],
      membershipConfirmations: [{ year: 2026, resident: false }],
      declarations: [{ decision: '1: Café refit grant', outcome: 'interest', detail: 'my wife manages the café' }],
      recusals: [{ decision: '1: Café refit grant', reasons: [{ kind: 'indirect-financial' }] }],
      messagesSent: [{ kind: 'review-open', status: 'sent' }],
      concernsRaised: [{ number: 1, kind: 'other', text: 'my own words', status: 'open' }],
      concernsAboutThisPerson: [],
    });
    expect((data.auditTrail as { action: string; byThisPerson: boolean }[]).map((a) => a.action)).toContain(
      'interest.add',
    );
    const hers = await of('Sarah Whitfield');
    expect(hers.relationships).toEqual([
      expect.objectContaining({ statement: "Tom Whitfield is Sarah Whitfield's spouse" }),
    ]);
    // the concern about her: its kind and status, never who raised it or its words
    expect(hers.concernsAboutThisPerson).toEqual([
      { kind: 'other', status: 'open', raisedOn: expect.any(String), closedOn: null },
    ]);
    expect(JSON.stringify(hers)).not.toContain('my own words');
    expect(JSON.stringify(hers)).not.toContain(tom);
  });

  it('erases personal data but keeps decision records true, pseudonymised', async () => {
    const { decision, tom } = await decisionWithRecords();
    await db.stores.directory.linkIdentity(tom, 'slack', 'T1', 'U9');
    const prompt = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'DU9', messageId: '1.2' };
    await db.stores.decisions.rememberPrompts(decision.id, [{ personId: tom, message: prompt }]);
    const result = await erasePerson(db.database.db, { partnershipId: db.partnership.id, name: 'Tom Whitfield' }, null);
    expect(result?.pseudonym).toMatch(/^Former member [0-9a-f-]{6}$/);

    const row = await db.database.db.person.findUniqueOrThrow({ where: { id: tom } });
    expect(row).toMatchObject({ name: result!.pseudonym, email: null, roles: '' });
    expect(row.erasedAt).not.toBeNull();
    expect(await db.database.db.interest.count({ where: { personId: tom } })).toBe(0);
    expect(await db.database.db.relationship.count({ where: { OR: [{ fromId: tom }, { toId: tom }] } })).toBe(0);
    expect(await db.stores.directory.findIdentity('slack', 'T1', 'U9')).toBeNull();
    expect(await db.stores.decisions.promptsOf(decision.id)).toEqual([]); // where their prompt landed
    // The decision record still counts the declaration and the recusal, without the free text.
    const declaration = await db.database.db.declaration.findFirstOrThrow({
      where: { decisionId: decision.id, personId: tom },
    });
    expect(declaration).toMatchObject({ outcome: 'interest', kind: 'indirect-financial', detail: null });
    const recusal = await db.database.db.recusal.findFirstOrThrow({
      where: { decisionId: decision.id, personId: tom },
    });
    expect(JSON.parse(recusal.reasons)).toEqual([{ kind: 'indirect-financial' }]);
    expect(await db.database.db.vote.count({ where: { decisionId: decision.id } })).toBe(1);
    // Gone from the roster, and the roster still passes: 10 members now.
    const roster = await db.stores.rosters.loadRoster(db.partnership.id);
    expect(roster.people.map((p) => p.name)).not.toContain('Tom Whitfield');
    expect(await db.database.db.auditEvent.count({ where: { action: 'person.erase', subjectId: tom } })).toBe(1);
  });

  it('erases every other personal field the privacy page lists', async () => {
    const sarah = await personId('Sarah Whitfield');
    const rosa = await personId('Rosa Novak');
    const gareth = await personId('Gareth Jones');
    const p = db.database.db;
    await p.person.update({
      where: { id: sarah },
      data: { membershipFormSignedOn: new Date('2025-03-01T00:00:00Z'), membershipFormReference: 'Box file 3' },
    });
    await p.membershipConfirmation.create({ data: { personId: sarah, year: 2026, resident: true } });
    // a register change about her is audited with before and after snapshots of her data
    const change = { partnershipId: db.partnership.id, actorId: sarah, at: new Date() };
    await db.stores.register.addInterest(change, sarah, { organisation: 'Acme Ltd', kind: 'owner', detail: 'half' });
    const concern = (kind: string, raisedById: string, aboutId: string, number: number) =>
      p.concern.create({
        data: { partnershipId: db.partnership.id, number, kind, raisedById, aboutId, text: 'words', reviewerId: rosa },
      });
    const raised = await concern('other', sarah, gareth, 1);
    const about = await concern('code-of-conduct', gareth, sarah, 2);

    await erasePerson(p, { partnershipId: db.partnership.id, name: 'Sarah Whitfield' }, null);
    expect(await p.person.findUniqueOrThrow({ where: { id: sarah } })).toMatchObject({
      resident: false,
      membershipFormSignedOn: null,
      membershipFormReference: null,
    });
    expect(await p.membershipConfirmation.count({ where: { personId: sarah } })).toBe(0);
    const snapshots = await p.auditEvent.findMany({ where: { subjectId: sarah } });
    expect(snapshots.map((a) => a.action)).toContain('interest.add');
    for (const a of snapshots) expect(a, a.action).toMatchObject({ before: null, after: null });
    // the concerns stay with their reviewer, no longer naming her
    expect(await p.concern.findUniqueOrThrow({ where: { id: raised.id } })).toMatchObject({
      raisedById: null,
      aboutId: gareth,
      reviewerId: rosa,
    });
    expect(await p.concern.findUniqueOrThrow({ where: { id: about.id } })).toMatchObject({
      raisedById: gareth,
      aboutId: null,
    });
  });

  it('erases ended memberships only after the retention period', async () => {
    const helen = await personId('Helen Brooks');
    const gareth = await personId('Gareth Jones');
    const now = new Date('2026-11-22T12:00:00Z');
    await db.database.db.person.update({ where: { id: helen }, data: { endedAt: new Date('2024-10-01T00:00:00Z') } });
    await db.database.db.person.update({ where: { id: gareth }, data: { endedAt: new Date('2025-06-01T00:00:00Z') } });
    expect(await eraseExpired(db.database.db, db.partnership.id, 24, now)).toBe(1);
    expect((await db.database.db.person.findUniqueOrThrow({ where: { id: helen } })).erasedAt).not.toBeNull();
    expect((await db.database.db.person.findUniqueOrThrow({ where: { id: gareth } })).erasedAt).toBeNull();
    // Repeat-safe, and 0 months means keep until erased by hand.
    expect(await eraseExpired(db.database.db, db.partnership.id, 24, now)).toBe(0);
    expect(await eraseExpired(db.database.db, db.partnership.id, 0, now)).toBe(0);
  });

  it('shows a privacy notice to anyone', async () => {
    const bot = createBot({ stores: db.stores, clock: systemClock, logger: silentLogger });
    const [r] = await bot.handle({
      conversation: { platform: 'web', workspaceId: 'local', channelId: 'dm', kind: 'direct' },
      speaker: { userId: 'stranger', workspaceId: 'local' },
      inbound: { type: 'command', text: 'privacy' },
    });
    expect(replyText(r!)).toMatch(/Who sees it[\s\S]*never in a channel/);
    expect(replyText(r!)).toContain('person export');
  });
});

describe('person commands on the CLI', () => {
  // Spawns the CLI six times: generous under a loaded machine.
  it('exports, refuses to erase without --yes, then erases', { timeout: cliTestTimeout(6) }, async () => {
    const { url, remove } = newDatabaseUrl();
    const env = { ...process.env, DATABASE_URL: url };
    const cli = (...args: string[]) =>
      run(process.execPath, [BIN, ...args], { cwd: ROOT, env }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    try {
      expect(
        (await cli('roster', 'import', 'prisma/seed/demo-partnership.json', '--partnership', 'northfield')).code,
      ).toBe(0);
      const exported = await cli('person', 'export', '--partnership', 'northfield', '--name', 'Rosa Novak');
      expect(exported.code).toBe(0);
      expect(JSON.parse(exported.stdout).interests).toEqual([
        expect.objectContaining({ organisation: 'Northfield Food Bank', kind: 'volunteer' }),
      ]);

      const refused = await cli('person', 'erase', '--partnership', 'northfield', '--name', 'Rosa Novak');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--yes');
      const erased = await cli('person', 'erase', '--partnership', 'northfield', '--name', 'Rosa Novak', '--yes');
      expect(erased.code).toBe(0);
      expect(erased.stdout).toMatch(/Former member/);
      const again = await cli('person', 'export', '--partnership', 'northfield', '--name', 'Rosa Novak');
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('Nobody called "Rosa Novak"');
      const missing = await cli('person', 'export', '--partnership', 'northfield');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('--name');
    } finally {
      remove();
    }
  });
});
