// Issue 18: changes to the roster during an open decision, in the real server with its decisions
// job. A roster import adds a voting member, gives the non-voting member a vote and ends the
// membership of someone who had voted: the newcomers are prompted once, the leaver's vote stands,
// the quorum base stays as it was when the decision opened, and the record says what changed.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { replyText } from '../../src/domain/chat/reply.ts';
import type { Inbound } from '../../src/domain/chat/inbound.ts';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { DEMO_ROSTER } from '../support/paths.ts';
import { RecordingNotifier } from '../support/recording-notifier.ts';
import { CHANNEL, TestClock, TUESDAY, userIdOf } from './world.ts';

let t: TestApp;
afterEach(async () => t?.close());

/** The demo roster as a new import would give it: Rosa Novak gone, Omar Ali joined, Linda Marsh given a vote. */
function changedRoster() {
  const demo = JSON.parse(readFileSync(DEMO_ROSTER, 'utf8'));
  demo.people = demo.people.filter((p: { name: string }) => p.name !== 'Rosa Novak');
  demo.people.find((p: { name: string }) => p.name === 'Linda Marsh').voting = true;
  demo.people.push({ name: 'Omar Ali', kind: 'member', resident: true, voting: true, roles: [], interests: [] });
  const parsed = parseRosterJson(JSON.stringify(demo), 'changed.json');
  if (!parsed.ok) throw new Error('test roster invalid');
  return parsed.value.roster;
}

describe('joins and departures during an open decision', () => {
  it('prompts who joined, keeps the leaver’s vote, fixes the quorum base and says what changed', async () => {
    const clock = new TestClock(new Date(TUESDAY));
    t = await startTestApp({ SEED_DEMO: 'true' }, { clock });
    const { app } = t;
    const recorder = new RecordingNotifier();
    app.notifier.register('web', recorder);
    const partnership = (await app.stores.rosters.findPartnership('northfield'))!;
    const link = async () => {
      for (const p of (await app.stores.rosters.loadRoster(partnership.id)).people)
        await app.stores.directory.linkIdentity(p.id, 'web', 'local', userIdOf(p.name));
    };
    const chair = (await app.stores.rosters.loadRoster(partnership.id)).people.find((p) => p.roles.includes('chair'))!;
    await app.stores.directory.bindChannel(
      { partnershipId: partnership.id, platform: 'web', workspaceId: 'local', channelId: CHANNEL.channelId },
      chair.id,
    );
    await link();
    const send = (name: string, inbound: Inbound, where: 'channel' | 'direct' = 'channel') =>
      app.bot.handle({
        conversation:
          where === 'channel'
            ? CHANNEL
            : { platform: 'web', workspaceId: 'local', channelId: `D-${userIdOf(name)}`, kind: 'direct' },
        speaker: { userId: userIdOf(name), workspaceId: 'local' },
        inbound,
      });
    const sentTo = (name: string) =>
      recorder.toUsers.filter((m) => m.userId === userIdOf(name)).map((m) => replyText(m.reply));
    const job = app.scheduler.jobs.find((j) => j.name === 'decisions')!;

    await send('Margaret Okafor', {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Fun day budget', closes: 'Friday 5pm' },
    });
    const decision = (await app.stores.decisions.list(partnership.id))[0]!;
    // Rosa declares and votes, then her membership ends
    await send('Rosa Novak', { type: 'action', actionId: 'decision.declare.none', value: decision.id });
    await send('Rosa Novak', { type: 'action', actionId: 'decision.vote', value: `${decision.id}:0` });
    // Linda, without a vote yet, declares no interest (anyone may)
    await send('Linda Marsh', { type: 'action', actionId: 'decision.declare.none', value: decision.id });

    await app.stores.rosters.importRoster('northfield', changedRoster());
    await link();
    await app.scheduler.tick(job, new Date('2026-10-20T10:00:00Z'));

    // Omar is asked to declare; Linda, who declared already, gets her ballot
    const omar = sentTo('Omar Ali');
    expect(omar).toHaveLength(1);
    expect(omar[0]).toMatch(/A vote is open that you can now take part in\. Before you vote: do you have an interest/);
    expect(sentTo('Linda Marsh').at(-1)).toMatch(/Your vote: Decision 1/);
    // a second run finds nothing new: nobody is prompted twice
    await app.scheduler.tick(job, new Date('2026-10-20T10:01:00Z'));
    expect(sentTo('Omar Ali')).toHaveLength(1);

    // Omar declares and votes; the leaver's vote still counts
    await send('Omar Ali', { type: 'action', actionId: 'decision.declare.none', value: decision.id });
    expect(
      replyText((await send('Omar Ali', { type: 'action', actionId: 'decision.vote', value: `${decision.id}:1` }))[0]!),
    ).toMatch(/recorded: Against/);

    const changes =
      'Joined during the vote: 2; left during the vote: 1; quorum base fixed at opening: 10 voting members.';
    // the channel card: counts only (redrawn after the vote's answer)
    await app.background.settled();
    const card = replyText(recorder.current(recorder.posted[0]!.ref.messageId)!);
    expect(card).toContain(`Roster changes: ${changes}`);
    expect(card).not.toMatch(/Omar|Rosa/);
    expect(card).toMatch(/For: 1\nAgainst: 1/);

    // the record, privately: names, the rule for the leaver's vote, the fixed base
    const record = (await send('Margaret Okafor', { type: 'command', text: 'decision 1' }, 'direct'))
      .map(replyText)
      .join('\n');
    expect(record).toContain(changes);
    expect(record).toMatch(
      /Joined \(or were given a vote\): Linda Marsh and Omar Ali|Joined \(or were given a vote\): Omar Ali and Linda Marsh/,
    );
    expect(record).toContain('Left (or lost their vote): Rosa Novak.');
    expect(record).toContain(
      '1 vote cast before the voter left stands: a vote cast while they were a voting member counts.',
    );
    expect(record).toMatch(/Quorum: at least 50% of voting members \(5 of 10\)/);
    expect(record).toMatch(/Rosa Novak: For/);

    // closing keeps it all: the frozen figures count the leaver's vote
    await app.scheduler.tick(job, new Date('2026-10-23T16:00:00Z'));
    const closed = (await app.stores.decisions.find({ id: decision.id }))!;
    expect(closed.decision.status).toBe('closed');
    expect(closed.decision.outcome).toMatchObject({ votingMembers: 10, voted: 2, votesOfLeavers: 1 });
    expect(closed.decision.outcome!.tally).toEqual([
      { option: 'For', count: 1 },
      { option: 'Against', count: 1 },
      { option: 'Abstain', count: 0 },
    ]);
    const audit = await app.database.db.auditEvent.findMany({ where: { action: 'decision.roster-changes' } });
    expect(audit).toHaveLength(1);
  });
});
