// Minutes you can paste: one outcome sentence first (carried, not carried, tied, no decision for
// want of a quorum, with what happens next), who did not respond, kinds of interest that read
// correctly, the loyalty policy explained, and the plain text for email from the chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRecord } from '../../src/domain/decisions/record.ts';
import { recordMarkdown } from '../../src/bot/views/decision-minutes.ts';
import { recordText } from '../../src/bot/views/decision-plain-text.ts';
import type { Reply } from '../../src/domain/chat/reply.ts';
import { createWorld, type World } from './world.ts';

let world: World;
const VOTERS = ['Margaret Okafor', 'David Hughes', 'Kwame Mensah', 'Rosa Novak', 'Helen Brooks', 'Tom Whitfield'];

async function voteAs(name: string, id: string, option: number) {
  await world.click(name, 'decision.declare.none', id);
  await world.click(name, 'decision.vote', `${id}:${option}`);
}
const recordOf = async (id: string) => {
  const state = (await world.db.stores.decisions.find({ id }))!;
  return buildRecord(state, await world.db.stores.rosters.loadRoster(state.decision.partnershipId));
};
const closeNow = (id: string) => world.click('Margaret Okafor', 'decision.close.confirm', id);
const firstLine = async (id: string) => recordMarkdown(await recordOf(id)).split('\n')[2];
const shown = (replies: Reply[]) =>
  replies
    .map((r) => [r.summary, ...r.blocks.map((b) => ('text' in b ? b.text : JSON.stringify(b)))].join('\n'))
    .join('\n');

beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => world?.close());

describe('the outcome sentence that starts every record', () => {
  it('says not carried when Against has more votes, and what happens next', async () => {
    const id = await world.start({ title: 'Move the office' });
    for (const [i, name] of VOTERS.entries()) await voteAs(name, id, i < 2 ? 0 : 1);
    await closeNow(id);
    expect(await firstLine(id)).toBe(
      'Not carried (For 2, Against 4, Abstain 0). Next: nothing is done on it; it may be put again if circumstances change.',
    );
  });

  it('says tied when For and Against are level, and sends it to a meeting', async () => {
    const id = await world.start({ title: 'New logo' });
    for (const [i, name] of VOTERS.entries()) await voteAs(name, id, i < 3 ? 0 : 1);
    await closeNow(id);
    expect(await firstLine(id)).toBe(
      'Tied (For 3, Against 3, Abstain 0), so not carried. Next: the chair takes it to a partnership meeting, where it can be discussed and decided.',
    );
  });

  it('says no decision when the quorum was not met, with how many voted and were needed', async () => {
    const id = await world.start({ title: 'Summer fair budget' });
    await voteAs('Rosa Novak', id, 0);
    await voteAs('Kwame Mensah', id, 0);
    await closeNow(id);
    expect(await firstLine(id)).toBe(
      'No decision: the quorum was not met (2 voted; 5 needed), so nothing was decided. Next: the chair takes it to a partnership meeting, or puts it again.',
    );
  });

  it('names the chosen option of a decision with its own options, and says when an open one closes', async () => {
    const id = await world.start({ title: 'Banner colour', options: 'Blue; Green' });
    expect(await firstLine(id)).toBe(
      'Open: voting closes Fri 23 Oct 2026, 5pm; 0 of 10 eligible members have voted so far.',
    );
    for (const [i, name] of VOTERS.entries()) await voteAs(name, id, i < 4 ? 0 : 1);
    await closeNow(id);
    expect(await firstLine(id)).toBe(
      'Carried: Blue, with the most votes (Blue 4, Green 2). Next: the partnership acts on it; the chair records it in the minutes.',
    );
  });
});

describe('the rest of the minutes', () => {
  let grant: string;
  beforeAll(async () => {
    grant = await world.start({ title: 'Youth trust grant', kind: 'grant', organisations: 'Riverside Youth Trust' });
    await world.submit(
      'Helen Brooks',
      'decision.declare',
      { kind: 'indirect-financial', detail: 'my nephew is paid by the trust' },
      grant,
    );
    await voteAs('Rosa Novak', grant, 0);
  });

  it('lists who neither declared nor voted, by name', async () => {
    const r = await recordOf(grant);
    const md = recordMarkdown(r);
    expect(r.notResponded).not.toContain('Rosa Novak');
    expect(r.notResponded).not.toContain('Helen Brooks');
    expect(r.notResponded).toContain('Aisha Rahman');
    expect(md).toContain(
      `${r.notResponded.length} eligible members have not yet declared or voted: ${r.notResponded.slice(0, -1).join(', ')} and ${r.notResponded.at(-1)}.`,
    );
  });

  it('reads correctly: "an indirect financial interest"', async () => {
    const md = recordMarkdown(await recordOf(grant));
    expect(md).toContain(
      'Helen Brooks: declared an indirect financial interest in Riverside Youth Trust: my nephew is paid by the trust',
    );
    expect(md).toContain('Helen Brooks declared an indirect financial interest for this decision');
    expect(md).not.toMatch(/\ba (indirect|an)\b/);
  });

  it('explains the loyalty policy it quotes', async () => {
    const md = recordMarkdown(await recordOf(grant));
    expect(md).toContain(
      'Loyalty interests (being a member or trustee of, or having links with, an organisation involved): under this partnership’s policy, a member with one steps back and does not vote on the decision, as with a financial interest.',
    );
    expect(md).not.toContain('Loyalty policy:');
  });

  it('gives the chair the minutes as plain text for email, from the record’s button', async () => {
    const record = await world.command('Margaret Okafor', 'decision 5', 'direct');
    expect(shown(record)).toMatch(/^Decision 5: Youth trust grant$/m);
    const button = record[0]!.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
    expect(button.map((b) => b.label)).toContain('Minutes as plain text (for email)');
    const [file] = await world.click('Margaret Okafor', 'decision.minutes.text', grant, 'direct');
    expect(file!.visibility).toBe('private');
    expect(file!.attachment).toMatchObject({ filename: 'decision-5.txt', mimeType: 'text/plain' });
    expect(file!.attachment!.content).toBe(recordText(await recordOf(grant)));
    expect(file!.attachment!.content).toMatch(/^Decision 5: Youth trust grant\n=+\n\nOpen: voting closes/);
  });

  it('refuses the plain text to a member who does not see the conflicts log, and shows them counts only', async () => {
    const record = await world.command('Aisha Rahman', 'decision 5', 'direct');
    expect(shown(record)).toMatch(/\d+ eligible members have not yet declared or voted\./);
    expect(shown(record)).not.toContain('Minutes as plain text');
    const refused = await world.click('Aisha Rahman', 'decision.minutes.text', grant, 'direct');
    expect(shown(refused)).not.toContain('Decision 5: Youth trust grant\n=');
    expect(refused.every((r) => !r.attachment)).toBe(true);
  });
});
