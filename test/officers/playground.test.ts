// Officer appointments and membership forms through the playground over HTTP (the real server and
// core, a real SQLite file): the new line-up is checked before it is made; a breach needs a
// confirm click, which the audit keeps; members record their signed form; the chair sees who has none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { everyText, named, people, send, type Person } from '../web/client.ts';
import type { Reply } from '../../src/domain/chat/reply.ts';

let t: TestApp;
let everyone: Person[];
beforeAll(async () => {
  t = await startTestApp({ PLAYGROUND: 'true' }, { clock: new FakeClock('2026-12-05T10:00:00Z') });
  everyone = await people(t.url);
});
afterAll(() => t.close());

const as = (name: string) => named(everyone, name);
const direct = async (name: string, inbound: Record<string, unknown>): Promise<Reply> => {
  const answer = await send(t.url, as(name), 'direct', inbound);
  expect(answer.status).toBe(200);
  return answer.body.replies.at(-1)!;
};
const say = (name: string, text: string) => direct(name, { type: 'command', text });
const buttons = (r: Reply) => r.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
const roster = async () => {
  const p = (await t.app.stores.rosters.findPartnership('northfield'))!;
  return t.app.stores.rosters.loadRoster(p.id);
};
const rolesOf = async (name: string) => (await roster()).people.find((p) => p.name === name)!.roles;
const appointments = () => t.app.database.db.auditEvent.findMany({ where: { action: 'roster.appoint' } });

describe('appointing officers in the playground', () => {
  it('a line-up that breaks nothing is made at once: the new secretary takes over from the old', async () => {
    const done = await say('Margaret Okafor', 'appoint Rosa Novak as secretary');
    expect(done.summary).toBe(
      'Done: Rosa Novak becomes secretary in place of Priya Patel. The new line-up passed the checks on related officers, workers related to officers and LTO representatives in positions of power.',
    );
    expect(await rolesOf('Rosa Novak')).toEqual(['secretary']);
    expect(await rolesOf('Priya Patel')).toEqual([]);
    const [row] = await appointments();
    expect(JSON.parse(row!.after!)).toMatchObject({ role: 'secretary', acknowledged: [] });
  });

  it('a related officer is shown with the chain, privately; cancel changes nothing, confirm is audited', async () => {
    const asked = await say('Sam Taylor', 'appoint Sarah Whitfield as vice-chair');
    const text = everyText(asked);
    expect(text).toContain('Sarah Whitfield becomes vice-chair in place of David Hughes: the new line-up would break');
    expect(text).toContain('Officers are not related');
    expect(text).toContain("Tom Whitfield is Sarah Whitfield's spouse");
    expect(asked.visibility).toBe('private');
    const [confirm, cancel] = buttons(asked);
    expect([confirm!.label, cancel!.label]).toEqual(['Appoint anyway', 'Cancel']);

    const cancelled = await direct('Sam Taylor', { type: 'action', actionId: cancel!.actionId, value: cancel!.value });
    expect(cancelled.summary).toBe('Nothing changed: the appointment was cancelled.');
    expect(await rolesOf('Sarah Whitfield')).toEqual([]);

    // a member cannot press the confirm button of someone else's message
    const forged = await direct('Rosa Novak', { type: 'action', actionId: confirm!.actionId, value: confirm!.value });
    expect(forged.summary).toBe('Only the chair or the rep can do that.');
    expect(await rolesOf('Sarah Whitfield')).toEqual([]);

    const made = await direct('Sam Taylor', { type: 'action', actionId: confirm!.actionId, value: confirm!.value });
    expect(made.summary).toContain('Done: Sarah Whitfield becomes vice-chair in place of David Hughes.');
    expect(made.summary).toContain('The audit log records that you confirmed it');
    expect(await rolesOf('Sarah Whitfield')).toEqual(['vice-chair']);
    const row = (await appointments()).at(-1)!;
    expect(JSON.parse(row.after!)).toMatchObject({ role: 'vice-chair', acknowledged: ['related-officers'] });

    // the same button again: the line-up has changed since, so it is stale and changes nothing
    const again = await direct('Sam Taylor', { type: 'action', actionId: confirm!.actionId, value: confirm!.value });
    expect(again.summary).toContain('The line-up has changed since that message');
    expect(await appointments()).toHaveLength(2);
  });

  it('an LTO representative and a worker’s relative are caught; bad input says how to fix it', async () => {
    const lto = await say('Margaret Okafor', 'appoint Linda Marsh as treasurer');
    expect(everyText(lto)).toContain('an LTO representative in a position of power is a conflict of interest');
    const worker = await say('Margaret Okafor', 'appoint Helen Brooks as treasurer');
    expect(everyText(worker)).toContain('paid worker and officer pair');
    expect(everyText(worker)).toContain("Jo Brooks is Helen Brooks's sibling");
    expect((await say('Margaret Okafor', 'appoint Rosa Novak as president')).summary).toContain(
      'Say who and which role, like `/partnership appoint Rosa Novak as treasurer`',
    );
    expect((await say('Margaret Okafor', 'appoint Jo Brooks as treasurer')).summary).toBe(
      'Jo Brooks is not a member (a paid worker): only members hold officer roles.',
    );
    expect((await say('Margaret Okafor', 'appoint Rosa Nvak as chair')).summary).toContain(
      '“Rosa Nvak” is not on the roster.',
    );
    expect((await say('Gareth Jones', 'appoint Gareth Jones as chair')).summary).toBe(
      'Only the chair or the rep can do that.',
    );
    expect(await rolesOf('Linda Marsh')).toEqual([]);
    expect(await rolesOf('Helen Brooks')).toEqual([]);
  });
});

describe('membership forms in the playground', () => {
  it('a member records their own; the chair sees who has none and records for another', async () => {
    const own = await say('Gareth Jones', 'forms');
    expect(own.summary).toContain('Your signed membership form: none recorded yet.');
    const [open] = buttons(own);
    const opened = await direct('Gareth Jones', { type: 'action', actionId: open!.actionId, value: open!.value });
    const form = opened.blocks.find((b) => b.kind === 'form');
    expect(form?.kind === 'form' && form.form.id).toBe('membership-form.record');
    const context = form?.kind === 'form' ? form.form.context : undefined;

    const future = await direct('Gareth Jones', {
      type: 'form',
      formId: 'membership-form.record',
      values: { signedOn: '2027-01-02', reference: '' },
      context,
    });
    expect(future.summary).toContain('date signed: 2027-01-02 is in the future');
    const bad = await direct('Gareth Jones', {
      type: 'form',
      formId: 'membership-form.record',
      values: { signedOn: '31/02/2026' },
      context,
    });
    expect(bad.summary).toContain('is not a date: write it as YYYY-MM-DD (2026-09-14) or DD/MM/YYYY (14/09/2026)');

    const saved = await direct('Gareth Jones', {
      type: 'form',
      formId: 'membership-form.record',
      values: { signedOn: '14/09/2026', reference: 'Shared drive: Forms/2026/gareth.pdf' },
      context,
    });
    expect(saved.summary).toBe(
      'Recorded: your membership form, signed 2026-09-14 (kept at Shared drive: Forms/2026/gareth.pdf).',
    );

    const list = await direct('Margaret Okafor', { type: 'text', text: 'has everyone signed their membership form?' });
    expect(list.summary).toBe('10 of 11 members have no signed membership form recorded.');
    expect(everyText(list)).not.toContain('Gareth Jones');
    const forRosa = buttons(list).find((b) => b.label === 'Record for Rosa Novak')!;
    const chairForm = await direct('Margaret Okafor', {
      type: 'action',
      actionId: forRosa.actionId,
      value: forRosa.value,
    });
    expect(everyText(chairForm)).toContain('Signed membership form');
    const recorded = await direct('Margaret Okafor', {
      type: 'form',
      formId: 'membership-form.record',
      values: { signedOn: '2026-10-01' },
      context: forRosa.value,
    });
    expect(recorded.summary).toBe('Recorded: Rosa Novak’s membership form, signed 2026-10-01.');

    // a member may not record someone else's; a paid worker signs none
    const other = await direct('Gareth Jones', {
      type: 'form',
      formId: 'membership-form.record',
      values: { signedOn: '2026-10-01' },
      context: named(everyone, 'Helen Brooks').id,
    });
    expect(other.summary).toBe('Only the chair or the rep can do that.');
    expect((await say('Jo Brooks', 'forms')).summary).toMatch(/^Only /);
    const audits = await t.app.database.db.auditEvent.findMany({ where: { action: 'membership-form.record' } });
    expect(audits).toHaveLength(2);
  });
});
