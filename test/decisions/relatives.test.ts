// Issue 18 on a real decision path: a member whose spouse, who is not on the roster, directs the
// bidder is recused when the decision opens and told why in private; a relative further along a
// chain is not (one step, 001's "close relative or friend"), and the channel sees only counts.
import { afterEach, describe, expect, it } from 'vitest';
import type { Roster } from '../../src/domain/roster.ts';
import { formatProblems } from '../../src/domain/result.ts';
import { locateInJson, parseRosterDocument } from '../../src/services/roster-file/document.ts';
import { replyText } from '../../src/domain/chat/reply.ts';
import { many, resident } from '../support/rosters.ts';
import { createWorld, type World } from './world.ts';

function roster(): Roster {
  const parsed = parseRosterDocument(
    {
      partnership: { name: 'Relatives Big Local' },
      people: [
        resident('Chris Chair', { roles: ['chair'] }),
        resident('Sarah Whitfield'),
        resident('Sid Whitfield'),
        ...many(7, 'Resident'),
      ],
      relationships: [{ between: ['Sid Whitfield', 'Sarah Whitfield'], kind: 'sibling' }],
      relatives: [
        {
          name: 'Tom Whitfield',
          links: [{ kind: 'spouse', of: 'Sarah Whitfield' }],
          interests: [{ organisation: 'Whitfield Accounts Ltd', kind: 'director', detail: 'founder' }],
        },
      ],
    },
    locateInJson('test roster'),
  );
  if (!parsed.ok) throw new Error(formatProblems(parsed.error));
  return parsed.value.roster;
}

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('a relative who is not on the roster, on a decision', () => {
  it('recuses the member whose spouse directs the bidder, privately and on the record; her sibling, two steps from the director, votes', async () => {
    world = await createWorld({ roster: roster(), slug: 'relatives' });
    const id = await world.start({
      title: 'Bookkeeping contract',
      kind: 'procurement',
      organisations: 'Whitfield Accounts Limited',
      ballot: 'open',
      visibility: 'live',
    });
    const told = world.notifier.textsTo(world.id('Sarah Whitfield')).join('\n');
    expect(told).toMatch(/You must not take part in Decision 1/);
    expect(told).toMatch(
      /indirect financial interest .*Their relative Tom Whitfield, who is not on the roster, would benefit\. Sarah Whitfield is Tom Whitfield's spouse\./,
    );
    const prompted = world.notifier.toPeople
      .filter((m) =>
        m.reply.blocks.some(
          (b) => b.kind === 'actions' && b.buttons.some((x) => x.actionId === 'decision.declare.none'),
        ),
      )
      .map((m) => m.personId);
    expect(prompted).toContain(world.id('Sid Whitfield'));
    expect(prompted).not.toContain(world.id('Sarah Whitfield'));

    const recusals = await world.db.database.db.recusal.findMany({ where: { decisionId: id } });
    expect(recusals.map((r) => r.personId)).toEqual([world.id('Sarah Whitfield')]);
    const [posted] = world.notifier.posted;
    const card = replyText(posted!.reply);
    expect(card).toMatch(/Recused: 1 member recused/);
    expect(card).not.toMatch(/Sarah|Sid|Tom|spouse|director|founder/);
  });

  it('shows relatives not on the roster privately: all to the chair, their own to the member, none to others', async () => {
    world = await createWorld({ roster: roster(), slug: 'relatives' });
    const text = async (name: string) => {
      const replies = await world!.command(name, 'relationships');
      for (const r of replies) expect(r.visibility).toBe('private');
      return replies.map(replyText).join('\n');
    };
    expect(await text('Chris Chair')).toContain(
      'Tom Whitfield (not on the roster) is Sarah Whitfield’s spouse; director of Whitfield Accounts Ltd.',
    );
    expect(await text('Sarah Whitfield')).toContain(
      'Tom Whitfield (not on the roster) is your spouse; director of Whitfield Accounts Ltd.',
    );
    expect(await text('Sid Whitfield')).not.toContain('Tom Whitfield');
  });
});
