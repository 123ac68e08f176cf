// Every per-partnership setting in chat, through the real bot core and a real database: any
// member reads them all with what each means and its default; the chair or the rep changes them
// in a form or typed, checked whole before the one write; every change is audited with the
// values before and after, and shown as the last change.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import { SETTING_KEYS } from '../../src/domain/settings-text.ts';
import type { PartnershipRef } from '../../src/services/ports/index.ts';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { TimedRecordingNotifier as RecordingNotifier } from '../support/timed-notifier.ts';
import { chat, email, type Chat } from '../review/helpers.ts';

let db: TestDatabase & { partnership: PartnershipRef };
let people: Chat;
beforeEach(async () => {
  db = await createDemoDatabase();
  const clock = new FakeClock('2026-12-05T10:00:00Z');
  people = chat(db.stores, clock, new RecordingNotifier(clock));
});
afterEach(() => db.close());

const CHAIR = email('Margaret Okafor');
const REP = email('Sam Taylor');
const form = (r: Reply | undefined) => (r?.blocks ?? []).flatMap((b) => (b.kind === 'form' ? [b.form] : []))[0];
const buttons = (r: Reply | undefined) => (r?.blocks ?? []).flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
const stored = async () => (await db.stores.rosters.getPartnership(db.partnership.id))!.settings;
const audits = () =>
  db.database.db.auditEvent.findMany({ where: { action: 'settings.update' }, orderBy: { at: 'asc' } });

describe('reading the settings', () => {
  it('any member sees every setting with its meaning and default; only the chair and rep get the button', async () => {
    const [member] = await people.say(email('Gareth Jones'), 'settings');
    const text = replyText(member!);
    expect(text).toContain('Settings of Northfield Big Local');
    for (const key of SETTING_KEYS) expect(text).toContain(`(\`${key}\`)`);
    expect(text).toContain('Quorum (`quorum`): at least 50% of voting members (the default).');
    expect(text).toContain('LTO organisation (`ltoOrganisation`): not set (the default).');
    expect(text).toContain('The chair or the rep can change them.');
    expect(buttons(member)).toEqual([]);

    const [worker] = await people.bot.handle({
      conversation: { platform: 'web', workspaceId: 'local', channelId: 'dm-jo', kind: 'direct' },
      speaker: { userId: 'u-jo', workspaceId: 'local', email: email('Jo Brooks') },
      inbound: { type: 'text', text: 'what are our settings?' },
    });
    expect(replyText(worker!)).toContain('Settings of Northfield Big Local');

    const [chair] = await people.say(CHAIR, 'settings');
    expect(buttons(chair).map((b) => b.actionId)).toEqual(['settings.change']);

    const [stranger] = await people.say('pat.passer-by@example.com', 'settings');
    expect(stranger?.summary).toMatch(/^I don’t know who you are yet./);
    expect(replyText(stranger!)).not.toContain('Settings of');
  });
});

describe('changing the settings', () => {
  it('every setting has a field in the settings form or the review season’s form, none in neither', async () => {
    const [opened] = await people.click(CHAIR, 'settings.change', 'form');
    const [season] = await people.say(CHAIR, 'review settings');
    const fields = (r: Reply | undefined) => form(r)!.fields.map((f) => f.id);
    const inForms = new Set([...fields(opened), ...fields(season)]);
    expect(SETTING_KEYS.filter((key) => !inForms.has(key.replace(/^review\./, '')))).toEqual([]);
    // the quiet hours are in both; the season's dates and nudges only in its own form
    expect(fields(opened)).toEqual(expect.arrayContaining(['quietFrom', 'quietTo', 'quietDays']));
    expect(fields(opened)).not.toContain('opensOn');
  });

  it('the chair changes them in the form: checked whole, saved once, audited with before and after', async () => {
    const [opened] = await people.click(CHAIR, 'settings.change', 'form');
    const f = form(opened)!;
    expect(f.id).toBe('settings.change');
    expect(Object.fromEntries(f.fields.map((x) => [x.id, x.initial]))).toMatchObject({
      residentThreshold: '0.51',
      quorum: '0.5',
      loyaltyConflicts: 'withdraw',
      councillorsVoteOnKeyDecisions: 'yes',
      countLtoRepresentatives: 'yes',
      ltoOrganisation: '',
      quietFrom: '20:00',
      quietDays: 'sunday',
    });

    const [bad] = await people.submit(CHAIR, 'settings.change', {
      quorum: 'half',
      residentThreshold: '1.5',
      timeZone: 'Mars/Olympus',
      quietFrom: '8pm',
      ltoOrganisation: 'Northfield Community Trust',
    });
    expect(bad?.summary).toBe(
      [
        'Nothing was saved:',
        'Resident threshold: residentThreshold must be a fraction more than 0 and at most 1, e.g. 0.51 (or a percentage, e.g. 51%)',
        'Quorum: quorum must be a fraction between 0 and 1, e.g. 0.5, or a whole number of members, e.g. 6',
        'Time zone: timeZone must be a time zone name such as Europe/London',
        'Quiet from: review.quietFrom must be a 24-hour time HH:MM, e.g. 09:00',
      ].join('\n'),
    );
    // the form itself comes back: each problem beside its setting, what was typed kept
    const again = form(bad)!;
    expect(again.id).toBe('settings.change');
    const field = (id: string) => again.fields.find((x) => x.id === id)!;
    expect(field('quorum').error).toBe(
      'Must be a fraction between 0 and 1, e.g. 0.5, or a whole number of members, e.g. 6',
    );
    expect(field('quorum').initial).toBe('half');
    expect(field('quietFrom').error).toBe('Must be a 24-hour time HH:MM, e.g. 09:00');
    expect(field('quietFrom').initial).toBe('8pm');
    expect(field('timeZone').error).toBe('Must be a time zone name such as Europe/London');
    expect(field('ltoOrganisation').error).toBeUndefined();
    expect(field('ltoOrganisation').initial).toBe('Northfield Community Trust');
    expect(field('loyaltyConflicts').initial).toBe('withdraw');
    expect(again.problems).toBeUndefined();
    expect(buttons(bad)).toEqual([]);
    expect((await stored()).ltoOrganisation).toBeUndefined();
    expect(await audits()).toHaveLength(0);

    const [ok] = await people.submit(CHAIR, 'settings.change', {
      ...Object.fromEntries(f.fields.map((x) => [x.id, x.initial ?? ''])),
      quietDays: ['sunday', 'saturday'],
      quorum: '6',
      ltoOrganisation: 'Northfield Community Trust',
      councillorsVoteOnKeyDecisions: 'no',
    });
    expect(ok?.summary).toBe(
      [
        'Saved, and recorded with who changed what:',
        'Quorum: at least 50% of voting members → at least 6 eligible voting members',
        'Councillors vote on key decisions: yes → no: councillors do not vote on them',
        'LTO organisation: not set → Northfield Community Trust',
        'Quiet all day on: sunday → sunday, saturday',
      ].join('\n'),
    );
    const after = await stored();
    expect(after).toMatchObject({
      quorum: { type: 'count', value: 6 },
      ltoOrganisation: 'Northfield Community Trust',
      councillorsVoteOnKeyDecisions: false,
      residentThreshold: 0.51,
      review: { quietDays: ['sunday', 'saturday'], deadline: '12-31' },
    });
    const [row, ...more] = await audits();
    expect(more).toEqual([]);
    const chair = (await db.stores.rosters.loadRoster(db.partnership.id)).people.find(
      (p) => p.name === 'Margaret Okafor',
    )!;
    expect(row!.actorId).toBe(chair.id);
    expect(JSON.parse(row!.before!)).toMatchObject({ quorum: { type: 'fraction', value: 0.5 } });
    expect(JSON.parse(row!.before!).ltoOrganisation).toBeUndefined();
    expect(JSON.parse(row!.after!)).toMatchObject({
      quorum: { type: 'count', value: 6 },
      ltoOrganisation: 'Northfield Community Trust',
    });

    // the same values again change nothing and write nothing
    const [same] = await people.submit(CHAIR, 'settings.change', { quorum: '6' });
    expect(same?.summary).toBe('Nothing changed: those are the settings already.');
    expect(await audits()).toHaveLength(1);

    // the change is shown to members, as the last one
    const [view] = await people.say(email('Gareth Jones'), 'settings');
    const text = replyText(view!);
    expect(text).toContain(
      'Quorum (`quorum`): at least 6 eligible voting members (default: at least 50% of voting members).',
    );
    // the audit row keeps the real time of the change, so the day shown is the day it was made
    const t = DateTime.fromJSDate(row!.at, { zone: 'Europe/London' });
    const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][t.weekday - 1];
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][t.month - 1];
    const day = `${weekday} ${t.day} ${month} ${t.year}`;
    expect(text).toContain(
      `Last changed on ${day} by Margaret Okafor: \`quorum\`, \`councillorsVoteOnKeyDecisions\`, \`ltoOrganisation\`, \`review.quietDays\`.`,
    );
  });

  it('the rep sets them typed; an unknown name is refused with nothing saved', async () => {
    const [bad] = await people.say(REP, 'settings set quorm=6 loyaltyConflicts=stay');
    expect(bad?.summary).toBe('Nothing was saved:\nquorm is not a setting');
    const [worse] = await people.say(REP, 'settings set loyaltyConflicts=stay');
    expect(worse?.summary).toContain(
      'Loyalty conflicts: loyaltyConflicts must be withdraw (members whose only conflict is loyalty step back) or declare-and-stay',
    );
    const [ok] = await people.say(
      REP,
      'settings set loyaltyConflicts=declare-and-stay ltoOrganisation="Northfield Trust"',
    );
    expect(ok?.summary).toContain('LTO organisation: not set → Northfield Trust');
    expect(await stored()).toMatchObject({ loyaltyConflicts: 'declare-and-stay', ltoOrganisation: 'Northfield Trust' });
    const [cleared] = await people.say(REP, 'settings set ltoOrganisation=');
    expect(cleared?.summary).toContain('LTO organisation: Northfield Trust → not set');
    expect((await stored()).ltoOrganisation).toBeUndefined();
    expect(await audits()).toHaveLength(2);
  });

  it('anyone else is refused, in the table’s words, and a refused form is audited', async () => {
    const [typed] = await people.say(email('David Hughes'), 'settings change');
    expect(typed?.summary).toBe('Only the chair or the rep can do that.');
    const [set] = await people.say(email('Gareth Jones'), 'settings set quorum=1');
    expect(set?.summary).toBe('Only the chair or the rep can do that.');
    const [submitted] = await people.submit(email('Jo Brooks'), 'settings.change', { quorum: '1' });
    expect(submitted?.summary).toBe('Only the chair or the rep can do that.');
    expect((await stored()).quorum).toEqual({ type: 'fraction', value: 0.5 });
    expect(await audits()).toHaveLength(0);
    const refusals = await db.database.db.auditEvent.findMany({ where: { action: 'security.refused' } });
    expect(refusals.length).toBeGreaterThanOrEqual(1);
  });
});
