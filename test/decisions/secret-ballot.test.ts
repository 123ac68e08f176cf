// A secret ballot forgets (docs/privacy.md, "Secret ballots"), through the real server and Slack
// (Web API faked on loopback), on SQLite and PostgreSQL. While it is open a Vote row holds the
// choice (to change it, and to count it); when it closes (by the chair, because everyone eligible
// has voted, or at its time by the scheduler's job) the database keeps the tally and who took part,
// and no row links a person to a choice. Person and decision exports, audit rows and logs never
// show a secret choice, before or after close; secret + live results is refused.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/log.ts';
import { sqlitePath } from '../../adapters/persistence/database.ts';
import { startFakeSlackApi, type FakeUser } from '../fakes/slack-api.ts';
import { startTestApp } from '../support/app.ts';
import { runCli } from '../support/cli.ts';
import { TEST_PROVIDER } from '../support/db.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { ROSTER_USERS as U, modalValues } from '../slack/decision-support.ts';
import {
  CHANNEL,
  click,
  command,
  lastResponse,
  settle,
  shown,
  slackEnv,
  submitView,
  type SlackTest,
} from '../slack/support.ts';

/** Labels found nowhere else, so any trace of a choice is visible. */
const OPTIONS = ['Plan Kestrel', 'Plan Osprey', 'Plan Heron'];
/** Voting members eligible on the youth trust grant (Priya Patel, a trustee, is recused). */
const ELIGIBLE = [U.margaret, U.david, U.tom, U.sarah, U.aisha, U.gareth, U.kwame, U.helen, U.rosa];
const GRANT = {
  title: 'Youth trust summer grant',
  kind: 'grant',
  organisations: 'Riverside Youth Trust',
  options: OPTIONS.join('; '),
  closes: 'in 3 days',
};

let t: SlackTest | undefined;
let logs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function start(): Promise<SlackTest> {
  const fake = await startFakeSlackApi(Object.values(U));
  logs = [];
  // Everything the server logs, at every level, is kept for the check that no choice is in it.
  const server = await startTestApp(slackEnv(fake), {
    clock: new FakeClock('2026-10-20T09:15:00Z'),
    logger: createLogger('info', (line) => logs.push(line)),
  });
  t = {
    fake,
    server,
    app: server.app,
    async close() {
      await server.close();
      await fake.close();
    },
  };
  await command(t, 'setup northfield', { user: U.margaret });
  await settle(t.app);
  return t;
}

async function create(t: SlackTest, values: Record<string, string>): Promise<Response> {
  const res = await submitView(
    t,
    'decision.create',
    modalValues(values),
    JSON.stringify({ c: CHANNEL, ch: CHANNEL, k: 'channel' }),
    { user: U.margaret as never },
  );
  await settle(t.app);
  return res;
}

async function startSecret(t: SlackTest, extra: Record<string, string> = {}): Promise<string> {
  const res = await create(t, { ...GRANT, ballot: 'secret', visibility: 'after-close', ...extra });
  expect(res.status).toBe(200);
  return (await t.app.database.db.decision.findFirstOrThrow({ orderBy: { number: 'desc' } })).id;
}

/** Declares no interest, then votes, from the member's DM, as Slack posts the clicks. */
async function vote(t: SlackTest, user: FakeUser, decisionId: string, option: number): Promise<void> {
  for (const [actionId, value] of [
    ['decision.declare.none', decisionId],
    ['decision.vote', `${decisionId}:${option}`],
  ] as const) {
    const c = await click(t, actionId, value, { user: user as never, channel: `D${user.id}`, messageTs: '1.1' });
    expect(c.res.status).toBe(200);
    await settle(t.app);
  }
}

/** "I have an interest" from the DM prompt, then the modal: a loyalty interest in the grantee. */
async function declareLoyalty(t: SlackTest, user: FakeUser, decisionId: string): Promise<void> {
  t.fake.clear();
  await click(t, 'decision.declare.interest', decisionId, {
    user: user as never,
    channel: `D${user.id}`,
    messageTs: '1.2',
  });
  await settle(t.app);
  const view = t.fake.callsTo('views.open')[0]!.args.view as { private_metadata: string };
  const res = await submitView(
    t,
    'decision.declare',
    {
      ...modalValues({ organisation: 'Riverside Youth Trust', detail: 'I help run the trust’s summer club' }),
      kind: { kind: { type: 'static_select', selected_option: { value: 'loyalty' } } },
      register: { register: { type: 'checkboxes', selected_options: [] } },
    },
    view.private_metadata,
    { user: user as never },
  );
  expect(res.status).toBe(200);
  await settle(t.app);
}

const idOf = async (t: SlackTest, user: FakeUser) =>
  (await t.app.database.db.person.findFirstOrThrow({ where: { name: user.name } })).id;

/** What the chair sees for `/partnership decision N` (privately). */
async function record(t: SlackTest, n: number): Promise<string> {
  const c = await command(t, `decision ${n}`, { user: U.margaret });
  await settle(t.app);
  return shown(lastResponse(t, c.responsePath));
}

/** The database after close: each voter's row is there, with no choice; nothing else names a choice. */
async function expectForgotten(t: SlackTest, decisionId: string, voters: FakeUser[]): Promise<void> {
  const db = t.app.database.db;
  const rows = await db.vote.findMany({ where: { decisionId } });
  expect(rows.map((r) => r.personId).sort()).toEqual((await Promise.all(voters.map((u) => idOf(t, u)))).sort());
  expect(rows.map((r) => [r.option, r.changes])).toEqual(voters.map(() => [null, 0]));
  // the same, asked of the table in SQL: no vote row of this decision holds a choice
  const [held] = await db.$queryRawUnsafe<{ n: unknown }[]>(
    `SELECT COUNT(*) AS n FROM "Vote" WHERE "decisionId" = ${TEST_PROVIDER === 'postgres' ? '$1' : '?'} AND "option" IS NOT NULL`,
    decisionId,
  );
  expect(Number(held!.n)).toBe(0);
  await expectAuditClean(t, decisionId);
}

/** Audit rows about the decision: a vote row says who voted, never how; only the close's tally names options. */
async function expectAuditClean(t: SlackTest, decisionId: string): Promise<void> {
  const audit = await t.app.database.db.auditEvent.findMany({
    where: { OR: [{ subjectId: decisionId }, { after: { contains: decisionId } }] },
  });
  expect(audit.length).toBeGreaterThan(0);
  for (const a of audit) {
    if (a.action.startsWith('decision.vote')) {
      expect(a.before).toBeNull();
      expect(Object.keys(JSON.parse(a.after!)).sort()).toEqual(
        a.action === 'decision.vote.withdraw' ? ['personId', 'why'] : ['personId', 'secret'],
      );
    }
    const outsideTally =
      a.action === 'decision.close'
        ? JSON.stringify({ ...JSON.parse(a.after!), tally: null })
        : `${a.before} ${a.after}`;
    for (const label of OPTIONS) expect(outsideTally, a.action).not.toContain(label);
  }
}

const expectNoChoiceInLogs = () => {
  expect(logs.length).toBeGreaterThan(0);
  for (const label of OPTIONS) expect(logs.join('\n')).not.toContain(label);
};

async function cli(t: SlackTest, args: string[]): Promise<string> {
  const run = await runCli(args, { DATABASE_URL: t.app.database.url });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

/** Person export (subject access) and the decision's exports: counts and, after close, the tally; never a name with a choice. */
async function expectExportsClean(t: SlackTest, n: number, voters: FakeUser[], closed: boolean): Promise<void> {
  for (const user of voters.slice(0, 2)) {
    const data = JSON.parse(
      await cli(t, ['person', 'export', '--partnership', 'northfield', '--name', user.name!]),
    ) as { votes: Record<string, unknown>[] };
    expect(data.votes).toEqual([
      expect.objectContaining({ decision: `${n}: ${GRANT.title}`, ballot: 'secret', option: null }),
    ]);
    for (const label of OPTIONS) expect(JSON.stringify(data)).not.toContain(label);
  }
  const md = await cli(t, ['decision', 'export', String(n), '--partnership', 'northfield', '--format', 'md']);
  const csv = await cli(t, ['decision', 'export', String(n), '--partnership', 'northfield', '--format', 'csv']);
  expect(md).toContain(
    `${voters.length} members voted. This was a secret ballot: no names are recorded against votes.`,
  );
  expect(csv).toContain(`vote,secret ballot,${voters.length},,`);
  for (const line of [...md.split('\n'), ...csv.split('\n')]) {
    if (voters.some((u) => line.includes(u.name!))) for (const label of OPTIONS) expect(line).not.toContain(label);
  }
  if (closed) {
    expect(md).toContain('Plan Kestrel 2, Plan Osprey 1, Plan Heron 0.');
    expect(csv).toContain('tally,Plan Kestrel,2,,');
  } else {
    for (const label of OPTIONS.slice(0, 2)) expect(csv).not.toContain(`tally,${label}`);
    expect(csv).toContain('tally,hidden until close');
  }
}

/**
 * Searches the SQLite database file and its write-ahead log for the bytes of a stored vote: the
 * person's id directly followed by the choice. Read by a child process: opening and closing the
 * file in this one would drop the server's POSIX locks on it (SQLite's documented hazard).
 */
function fileHolds(t: SlackTest, personId: string, option: string): boolean {
  const file = sqlitePath(t.app.database.url);
  const search =
    'const fs = require("node:fs"); const [needle, ...files] = process.argv.slice(1);' +
    'process.stdout.write(String(files.some((f) => fs.existsSync(f) && fs.readFileSync(f).includes(Buffer.from(needle, "utf8")))));';
  return (
    execFileSync(process.execPath, ['-e', search, personId + option, file, `${file}-wal`], { encoding: 'utf8' }) ===
    'true'
  );
}

describe('a secret ballot forgets who chose what when it closes', () => {
  it('closed by the chair: the tally and who took part remain, no row links a person to a choice, before or after close nothing shows one', async () => {
    const t = await start();
    const id = await startSecret(t);
    const voters = [U.rosa, U.kwame, U.helen];
    for (const [i, user] of voters.entries()) await vote(t, user, id, [0, 1, 0][i]!);
    // Aisha votes, then declares a loyalty interest: she is recused and her vote set aside (its row deleted)
    await vote(t, U.aisha, id, 2);
    await declareLoyalty(t, U.aisha, id);
    expect(await t.app.database.db.recusal.count({ where: { decisionId: id, personId: await idOf(t, U.aisha) } })).toBe(
      1,
    );
    // open: the choice is held (to change it and to count it), and shown nowhere
    expect((await t.app.database.db.vote.findMany({ where: { decisionId: id } })).map((v) => v.option).sort()).toEqual([
      'Plan Kestrel',
      'Plan Kestrel',
      'Plan Osprey',
    ]);
    const rosa = await idOf(t, U.rosa);
    if (TEST_PROVIDER === 'sqlite') expect(fileHolds(t, rosa, 'Plan Kestrel')).toBe(true); // the probe finds a stored vote
    await expectAuditClean(t, id);
    await expectExportsClean(t, 1, voters, false);
    expect(await record(t, 1)).toContain('Results are hidden until the decision closes.');
    // open: the voter alone sees her choice, in a private reply; the channel's card shows no choice
    const mine = await command(t, 'decision 1', { user: U.rosa });
    await settle(t.app);
    const reply = lastResponse(t, mine.responsePath)!;
    expect(reply.args.response_type).not.toBe('in_channel');
    expect(shown(reply)).toContain('You voted Plan Kestrel.');
    const channelSaw = t.fake.calls.filter((c) => c.args.channel === CHANNEL).map(shown);
    expect(channelSaw.length).toBeGreaterThan(0);
    for (const label of OPTIONS) expect(channelSaw.join('\n')).not.toContain(label);

    const confirm = await click(t, 'decision.close.confirm', id, { user: U.margaret as never, channel: CHANNEL });
    expect(confirm.res.status).toBe(200);
    await settle(t.app);
    const closed = await t.app.database.db.decision.findUniqueOrThrow({ where: { id } });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'chair' });
    expect(JSON.parse(closed.outcome!)).toMatchObject({
      voted: 3,
      tally: [
        { option: 'Plan Kestrel', count: 2 },
        { option: 'Plan Osprey', count: 1 },
        { option: 'Plan Heron', count: 0 },
      ],
    });
    await expectForgotten(t, id, voters);
    // the record, from the snapshot: the tally and how many took part
    const shownRecord = await record(t, 1);
    expect(shownRecord).toMatch(/Plan Kestrel 2, Plan Osprey 1, Plan Heron 0\. Most votes: Plan Kestrel \(2\)\./);
    expect(shownRecord).toContain('3 members voted. This was a secret ballot: no names are recorded against votes.');
    await expectExportsClean(t, 1, voters, true);
    // the voter's own view no longer has the choice either
    const own = await command(t, 'decision 1', { user: U.rosa });
    await settle(t.app);
    expect(shown(lastResponse(t, own.responsePath))).toContain(
      'You voted (secret ballot: choices are not kept once it closes).',
    );
    // SQLite with secure_delete: the erased choice is not left in the file's free space or its WAL
    if (TEST_PROVIDER === 'sqlite') {
      for (const user of [...voters, U.aisha])
        for (const label of OPTIONS) expect(fileHolds(t, await idOf(t, user), label), user.name).toBe(false);
    }
    expectNoChoiceInLogs();
  }, 540_000); // a hang guard: eight CLI processes, a minute each on a busy machine (cliTestTimeout)

  it('closed because everyone eligible voted (a change of vote on the way): the choices go in the same transaction', async () => {
    const t = await start();
    const id = await startSecret(t);
    await vote(t, U.margaret, id, 0);
    await vote(t, U.margaret, id, 2); // she changes her mind
    for (const [i, user] of ELIGIBLE.entries()) if (i > 0) await vote(t, user, id, i < 6 ? 0 : 1);
    const closed = await t.app.database.db.decision.findUniqueOrThrow({ where: { id } });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'all-voted' });
    expect(JSON.parse(closed.outcome!)).toMatchObject({
      eligible: 9,
      voted: 9,
      tally: [
        { option: 'Plan Kestrel', count: 5 },
        { option: 'Plan Osprey', count: 3 },
        { option: 'Plan Heron', count: 1 },
      ],
    });
    await expectForgotten(t, id, ELIGIBLE);
    expect(await record(t, 1)).toMatch(
      /Plan Kestrel 5, Plan Osprey 3, Plan Heron 1\.[\s\S]*9 members voted\. This was a secret ballot/,
    );
    expectNoChoiceInLogs();
  });

  it('closed at its time by the scheduler’s job; a change of vote while open is kept only as the latest choice', async () => {
    const t = await start();
    const id = await startSecret(t);
    await vote(t, U.rosa, id, 0);
    await vote(t, U.rosa, id, 2); // changed: the row holds only the latest choice
    await vote(t, U.gareth, id, 1);
    const rows = await t.app.database.db.vote.findMany({ where: { decisionId: id } });
    expect(Object.fromEntries(rows.map((v) => [v.personId, [v.option, v.changes]]))).toEqual({
      [await idOf(t, U.rosa)]: ['Plan Heron', 1],
      [await idOf(t, U.gareth)]: ['Plan Osprey', 0],
    });
    const job = t.app.scheduler.jobs.find((j) => j.name === 'decisions')!;
    const { closesAt } = await t.app.database.db.decision.findUniqueOrThrow({ where: { id } });
    expect(await t.app.scheduler.tick(job, new Date(closesAt.getTime() + 60_000))).toBe(true);
    const closed = await t.app.database.db.decision.findUniqueOrThrow({ where: { id } });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'time', closedAt: closesAt });
    expect(JSON.parse(closed.outcome!)).toMatchObject({
      voted: 2,
      tally: [
        { option: 'Plan Kestrel', count: 0 },
        { option: 'Plan Osprey', count: 1 },
        { option: 'Plan Heron', count: 1 },
      ],
    });
    await expectForgotten(t, id, [U.rosa, U.gareth]);
    expect(await record(t, 1)).toMatch(/Plan Kestrel 0, Plan Osprey 1, Plan Heron 1\./);
    expectNoChoiceInLogs();
  });
});

describe('a secret ballot never has live results', () => {
  it('the form refuses secret + live, saying what to choose instead; nothing is saved', async () => {
    const t = await start();
    const res = await create(t, { ...GRANT, ballot: 'secret', visibility: 'live' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_action: string; view: { blocks: unknown[] } };
    expect(body.response_action).toBe('update');
    expect(JSON.stringify(body.view.blocks)).toContain(
      ':warning: *A secret ballot’s results can only be shown after voting closes: live counts would show how someone voted when the count drops after they are recused or leave. Choose “After close” for Results, or an open ballot if the counts should be live.',
    );
    expect(await t.app.database.db.decision.count()).toBe(0);
    // and /partnership privacy tells members what is kept
    const notice = await command(t, 'privacy', { user: U.rosa });
    await settle(t.app);
    expect(shown(lastResponse(t, notice.responsePath))).toContain(
      'Secret-ballot votes: only you, privately, while voting is open; when it closes your choice is erased and only the tally and who voted are kept.',
    );
  });

  it('an open decision with live results cannot be made secret unless its results move to after close', async () => {
    const t = await start();
    const res = await create(t, { ...GRANT, ballot: 'open', visibility: 'live' });
    expect(res.status).toBe(200);
    const { id } = await t.app.database.db.decision.findFirstOrThrow();
    const amend = async (values: Record<string, string>) => {
      t.fake.clear();
      const r = await submitView(
        t,
        'decision.amend',
        modalValues(values),
        JSON.stringify({ c: id, ch: CHANNEL, k: 'channel' }),
        { user: U.margaret as never },
      );
      expect(r.status).toBe(200);
      await settle(t.app);
      return JSON.stringify(t.fake.calls.map((c) => c.args));
    };
    expect(await amend({ ballot: 'secret', visibility: 'live' })).toContain(
      'Nothing was changed. A secret ballot can’t have live results: the counts would show how someone voted when they drop after a member is recused or leaves. To make it secret, choose “After close” for Results as well.',
    );
    expect(await t.app.database.db.decision.findUniqueOrThrow({ where: { id } })).toMatchObject({
      ballot: 'open',
      visibility: 'live',
    });
    expect(await amend({ ballot: 'secret', visibility: 'after-close' })).toContain(
      'Decision 1 changed: the ballot is now secret; results are now shown only after it closes.',
    );
    expect(await t.app.database.db.decision.findUniqueOrThrow({ where: { id } })).toMatchObject({
      ballot: 'secret',
      visibility: 'after-close',
    });
  });
});
