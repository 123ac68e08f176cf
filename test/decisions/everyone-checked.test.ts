// Issue 18: everyone on the roster is checked for conflicts on every decision, not only the
// members with a vote. On a roster built for it: a non-voting member employed by the bidder, a paid
// worker who directs it, and the LTO's non-voting representative on a decision about the LTO. Each
// is told privately, recorded as not taking part, and listed in the record and the minutes; the
// channel sees counts only. Anyone on the roster may declare.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { parseRosterJson } from '../../src/services/roster-file/document.ts';
import { DEMO_ROSTER } from '../support/paths.ts';
import { createWorld, type World } from './world.ts';

const text = (replies: Reply[]) => replies.map(replyText).join('\n');
const card = (w: World) => replyText(w.notifier.current(w.notifier.posted.at(-1)!.ref.messageId)!);

/** The demo roster plus Nina Shah, a non-voting member who works for Acme Catering; the paid worker Jo Brooks directs it. */
function everyoneRoster() {
  const demo = JSON.parse(readFileSync(DEMO_ROSTER, 'utf8'));
  demo.people.push({
    name: 'Nina Shah',
    kind: 'member',
    resident: true,
    voting: false,
    roles: [],
    interests: [{ organisation: 'Acme Catering Ltd', kind: 'employee', detail: 'cook' }],
  });
  const jo = demo.people.find((p: { name: string }) => p.name === 'Jo Brooks');
  jo.interests = [{ organisation: 'Acme Catering Ltd', kind: 'director' }];
  const parsed = parseRosterJson(JSON.stringify(demo), 'everyone.json');
  if (!parsed.ok) throw new Error('test roster invalid');
  return parsed.value.roster;
}

let world: World;
afterEach(async () => world?.close());

describe('everyone on the roster is checked on every decision', () => {
  it('a non-voting member and a paid worker with an interest in the bidder are told, recorded and listed', async () => {
    world = await createWorld({ roster: everyoneRoster() });
    const id = await world.start({
      title: 'Catering contract',
      kind: 'procurement',
      organisations: 'Acme Catering Ltd',
    });

    // told privately, in words for someone without a vote
    for (const name of ['Nina Shah', 'Jo Brooks']) {
      const told = world.notifier.textsTo(world.id(name)).join('\n');
      expect(told).toMatch(/You must not take part in Decision 1 .*stay out of its discussion \(you don’t vote on it/);
      expect(told).toMatch(/direct financial interest \(Acme Catering Ltd\)/);
    }
    // the channel: counts only. One voting member is recused (Helen Brooks, the paid worker's
    // sibling: an indirect interest, as before); two people without a vote are out
    const shown = card(world);
    expect(shown).toMatch(/Recused: 1 member recused/);
    expect(shown).toMatch(/Not taking part: 2 people without a vote/);
    expect(shown).not.toMatch(/Nina|Jo Brooks|Helen/);
    // the quorum and the eligible are the voting members' as before
    expect(shown).toMatch(/Voted: 0 of 9 eligible/);

    // the record (chair, privately) lists them; it no longer says nobody was recused
    const record = text(await world.command('Margaret Okafor', 'decision 1', 'direct'));
    expect(record).toMatch(
      /Nina Shah \(member, non-voting; no vote, not taking part\): direct financial interest \(Acme Catering Ltd\): Register of interests: Nina Shah: employee of Acme Catering Ltd/,
    );
    expect(record).toMatch(/Jo Brooks \(paid worker; no vote, not taking part\): direct financial interest/);
    expect(record).toMatch(/Helen Brooks: indirect financial interest \(Acme Catering Ltd\)/);
    expect(record).not.toMatch(/Nobody was recused/);
    // the minutes (the record's Markdown) too
    const replies = await world.command('Margaret Okafor', 'decision 1', 'direct');
    const minutes = replies.find((r) => r.attachment)!.attachment!.content;
    expect(minutes).toMatch(/## Recusals[\s\S]*- Nina Shah \(member, non-voting; no vote, not taking part\)/);
    // a member who is not an officer sees counts only
    expect(text(await world.command('Rosa Novak', 'decision 1', 'direct'))).toMatch(
      /0 declared; 1 member recused\. 2 people without a vote are not taking part either\./,
    );
    // the shared conflicts log: names and kinds, as for recused voters
    await world.click('Margaret Okafor', 'decision.share', id, 'direct');
    expect(world.notifier.channelText()).toMatch(/Nina Shah: direct financial interest; no vote, not taking part/);

    // they still cannot vote, and pressing Declare says why they are out
    expect(text(await world.click('Nina Shah', 'decision.declare', id))).toMatch(
      /^You must not take part in Decision 1/,
    );
    expect(text(await world.click('Nina Shah', 'decision.ballot', id))).toMatch(/non-voting member/);
  });

  it('the LTO’s non-voting representative is out of a decision about the LTO (ltoOrganisation)', async () => {
    world = await createWorld({
      roster: everyoneRoster(),
      settings: { ltoOrganisation: 'Northfield Community Association' },
    });
    await world.start({ title: 'LTO admin grant', kind: 'grant', organisations: 'Northfield Community Association' });
    expect(world.notifier.textsTo(world.id('Linda Marsh')).join('\n')).toMatch(
      /You must not take part in Decision 1 .*you don’t vote on it in any case.*direct financial interest \(Northfield Community Association\)/,
    );
    expect(card(world)).toMatch(/Not taking part: 1 person without a vote/);
    const record = text(await world.command('Margaret Okafor', 'decision 1', 'direct'));
    expect(record).toMatch(
      /Linda Marsh \(member, non-voting, LTO representative; no vote, not taking part\): direct financial interest \(Northfield Community Association\):[^\n]*Linda Marsh represents the locally trusted organisation/,
    );
  });

  it('non-voting members, paid workers and the rep can declare an interest; it takes them out', async () => {
    world = await createWorld({ roster: everyoneRoster() });
    const id = await world.start({ title: 'Youth trust grant', kind: 'grant', organisations: 'Riverside Youth Trust' });
    // Linda (non-voting) is asked whether she has an interest, not to vote
    expect(text(await world.click('Linda Marsh', 'decision.declare', id))).toMatch(
      /^You don’t vote on this decision, but do you have an interest to declare\?/,
    );
    expect(text(await world.click('Linda Marsh', 'decision.declare.none', id))).toMatch(
      /Thank you: you declared no interest in Decision 1\. You don’t vote on it/,
    );
    // the rep declares a loyalty interest and is out
    const rep = await world.submit(
      'Sam Taylor',
      'decision.declare',
      { kind: 'loyalty', detail: 'I chair its board', organisation: 'Riverside Youth Trust' },
      id,
    );
    expect(text(rep)).toMatch(/your declaration is on the record\. You must not take part in Decision 1 .*stay out/);
    const record = text(await world.command('Margaret Okafor', 'decision 1', 'direct'));
    expect(record).toMatch(/Sam Taylor: declared a loyalty interest in Riverside Youth Trust: I chair its board/);
    expect(record).toMatch(/Linda Marsh: no interest/);
    expect(record).toMatch(/Sam Taylor \(Big Local rep; no vote, not taking part\): loyalty interest/);
    // the voting members' count on the card is unchanged by non-voters' declarations
    expect(card(world)).toMatch(/Declared: 0 of \d+/);
    expect(card(world)).toMatch(/Not taking part: 1 person without a vote/);
    // and nobody without a vote can vote
    expect(text(await world.click('Linda Marsh', 'decision.vote', `${id}:0`))).toMatch(/non-voting member/);
  });
});
