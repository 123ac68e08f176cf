// Marking the review as submitted stops every review message for the year, so it is never done by
// mistake: `review submit` lists what is still open and changes nothing; the rep confirms (a button
// that holds only for the list they saw, or `review submit confirm`); whoever may submit may
// reopen it. Through the real bot core and a real SQLite database, as the rep would in chat.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText, type Reply } from '../../src/domain/chat/reply.ts';
import type { PartnershipRef } from '../../src/services/ports/index.ts';
import { createDemoDatabase, type TestDatabase } from '../support/db.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { TimedRecordingNotifier as RecordingNotifier } from '../support/timed-notifier.ts';
import { chat, demoRoster, email, type Chat } from './helpers.ts';

let db: TestDatabase & { partnership: PartnershipRef };
let clock: FakeClock;
let people: Chat;
beforeEach(async () => {
  db = await createDemoDatabase();
  clock = new FakeClock('2026-10-05T13:00:00Z');
  people = chat(db.stores, clock, new RecordingNotifier(clock));
});
afterEach(() => db.close());

const SAM = email('Sam Taylor');
const FOUR = {
  'reflects-community': 'yes',
  'followed-policies': 'yes',
  'ethos-values': 'partly',
  'coi-guidance': 'yes',
};
const buttons = (r: Reply | undefined) => (r?.blocks ?? []).flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
const button = (r: Reply | undefined, actionId: string) => buttons(r).find((b) => b.actionId === actionId);
const lists = (r: Reply | undefined) => (r?.blocks ?? []).flatMap((b) => (b.kind === 'list' ? b.items : []));
const submissions = () => db.database.db.reviewSubmission.count();
const auditOf = async (action: string) =>
  db.database.db.auditEvent.findMany({ where: { action }, orderBy: { at: 'asc' } });

async function confirmAs(name: string, choice: 'resident' | 'non-resident' | 'left') {
  const [r] = await people.click(email(name), 'review.confirm', `2026:${choice}`);
  expect(replyText(r!)).toMatch(/Thank you/);
}

/** What the issue saw: the four answered, 8 of 11 members unconfirmed, one who left still on the roster. */
async function halfDone() {
  await people.submit(SAM, 'review.answers', FOUR, '2026');
  await confirmAs('Margaret Okafor', 'resident');
  await confirmAs('David Hughes', 'resident');
  await confirmAs('Rosa Novak', 'left');
}

describe('review submit', () => {
  it('lists what is still open and changes nothing until the rep confirms', async () => {
    await halfDone();
    const [prompt] = await people.say(SAM, 'review submit');
    expect(prompt?.summary).toBe(
      'Before you mark the 2026 review of Northfield Big Local as submitted: 2 things are still open.',
    );
    expect(lists(prompt)).toEqual([
      '8 members have not confirmed their membership yet: Priya Patel, Tom Whitfield, Sarah Whitfield, Aisha Rahman, Gareth Jones, Linda Marsh, Kwame Mensah and Helen Brooks.',
      'Rosa Novak says they are no longer a member: update the roster.',
    ]);
    expect(replyText(prompt!)).toContain(
      'stops every review message for 2026: no more nudges to the rep and no more reminders to members. `/partnership review reopen` undoes it.',
    );
    expect(button(prompt, 'review.submit.confirm')).toMatchObject({
      label: 'Mark as submitted anyway',
      value: expect.stringMatching(/^2026:[0-9a-f]{16}$/),
    });
    // asking again, and the status's own button, show the same list; nothing is recorded
    const [again] = await people.click(SAM, 'review.submit', '2026');
    expect(button(again, 'review.submit.confirm')?.value).toBe(button(prompt, 'review.submit.confirm')?.value);
    expect(await submissions()).toBe(0);
    expect(await auditOf('review.submit')).toEqual([]);
    const [status] = await people.say(SAM, 'review');
    expect(status?.summary).toContain('things outstanding');

    const [done] = await people.click(SAM, 'review.submit.confirm', button(prompt, 'review.submit.confirm')!.value);
    expect(done?.summary).toBe(
      'Recorded: the 2026 review of Northfield Big Local was submitted to Local Trust on Mon 5 Oct 2026.',
    );
    expect(replyText(done!)).toContain(
      'No more review messages will be sent for 2026: no nudges to the rep, no reminders to members.',
    );
    expect(replyText(done!)).toContain('Still open when it was marked (2 things):');
    expect(lists(done)).toEqual(lists(prompt));
    expect(button(done, 'review.reopen')).toMatchObject({ label: 'Reopen the review', value: '2026' });
    expect(await submissions()).toBe(1);
    const [audit] = await auditOf('review.submit');
    expect(audit).toMatchObject({ actorId: expect.any(String), subjectId: '2026' });
    expect(JSON.parse(audit!.after!)).toEqual({ open: ['unconfirmed', 'leaving'] });
  });

  it('lists criteria checks that fail, once the plan and timeline are given', async () => {
    await db.stores.rosters.importRoster(
      'northfield',
      demoRoster({ without: ['Gareth Jones', 'Kwame Mensah', 'Rosa Novak', 'Aisha Rahman'] }),
    );
    await people.submit(
      SAM,
      'review.answers',
      { ...FOUR, plan: 'Recruiting at the summer fair.', timeline: 'By March 2027.' },
      '2026',
    );
    const [prompt] = await people.say(SAM, 'review submit');
    expect(lists(prompt).filter((l) => l.startsWith('A criteria check needs action'))).toEqual([
      expect.stringMatching(/^A criteria check needs action: At least eight members\. .*7 members/),
    ]);
  });

  it('holds only for the list the rep saw: a change in between shows the list again', async () => {
    await halfDone();
    const [prompt] = await people.say(SAM, 'review submit');
    await confirmAs('Priya Patel', 'resident');
    const [changed] = await people.click(SAM, 'review.submit.confirm', button(prompt, 'review.submit.confirm')!.value);
    expect(changed?.summary).toBe(
      'What is still open for the 2026 review has changed since that message. Here it is now: 2 things.',
    );
    expect(lists(changed)[0]).toMatch(/^7 members have not confirmed/);
    expect(await submissions()).toBe(0);
    const [done] = await people.click(SAM, 'review.submit.confirm', button(changed, 'review.submit.confirm')!.value);
    expect(done?.summary).toContain('was submitted to Local Trust on Mon 5 Oct 2026');
    expect(await submissions()).toBe(1);
  });

  it('with nothing outstanding it still asks, once', async () => {
    await people.submit(SAM, 'review.answers', FOUR, '2026');
    for (const name of [
      'Margaret Okafor',
      'David Hughes',
      'Priya Patel',
      'Sarah Whitfield',
      'Aisha Rahman',
      'Gareth Jones',
      'Kwame Mensah',
      'Rosa Novak',
    ])
      await confirmAs(name, 'resident');
    for (const name of ['Tom Whitfield', 'Linda Marsh', 'Helen Brooks']) await confirmAs(name, 'non-resident');
    const [prompt] = await people.say(SAM, 'review submit');
    expect(prompt?.summary).toBe(
      'Nothing is outstanding for the 2026 review of Northfield Big Local. Mark it as submitted to Local Trust?',
    );
    expect(lists(prompt)).toEqual([]);
    expect(button(prompt, 'review.submit.confirm')).toMatchObject({
      label: 'Yes, mark as submitted',
      style: 'primary',
    });
    expect(await submissions()).toBe(0);
    const [done] = await people.click(SAM, 'review.submit.confirm', button(prompt, 'review.submit.confirm')!.value);
    expect(done?.summary).toContain('was submitted to Local Trust');
    expect(replyText(done!)).not.toContain('Still open');
    expect(JSON.parse((await auditOf('review.submit'))[0]!.after ?? 'null')).toBeNull();
  });

  it('`review submit confirm` submits at once and says what was still open', async () => {
    await halfDone();
    const [done] = await people.say(SAM, 'review submit confirm');
    expect(done?.summary).toContain('was submitted to Local Trust on Mon 5 Oct 2026');
    expect(replyText(done!)).toContain('Still open when it was marked (2 things):');
    expect(await submissions()).toBe(1);
  });

  it('is refused while questions are unanswered, with everything else that is open', async () => {
    await confirmAs('Rosa Novak', 'left');
    const [r] = await people.say(SAM, 'review submit');
    expect(r?.summary).toBe(
      [
        'Not yet: before the review is marked as submitted, 4 of 4 review questions are unanswered: ' +
          'Does the partnership currently reflect the community? Has the partnership followed its own policies and procedures? ' +
          'Has the partnership behaved in line with the ethos and values of Big Local? Does the partnership conform to Big Local’s conflicts of interest guidance? ' +
          'Type `/partnership review answer`.',
        'Also still open:',
        '10 members have not confirmed their membership yet: Margaret Okafor, David Hughes, Priya Patel, Tom Whitfield, Sarah Whitfield, Aisha Rahman, Gareth Jones, Linda Marsh, Kwame Mensah and Helen Brooks.',
        'Rosa Novak says they are no longer a member: update the roster.',
      ].join('\n'),
    );
    const [typed] = await people.say(SAM, 'review submit confirm');
    expect(typed?.summary).toMatch(/^Not yet: /);
    expect(await submissions()).toBe(0);
  });

  it('refuses a second submission, a forged confirmation and last year’s button', async () => {
    await halfDone();
    await people.say(SAM, 'review submit confirm');
    const [twice] = await people.say(SAM, 'review submit');
    expect(twice?.summary).toBe(
      'The 2026 review was already marked as submitted on Mon 5 Oct 2026. If it was marked by mistake, `/partnership review reopen` undoes it.',
    );
    await people.say(SAM, 'review reopen');
    const [forged] = await people.click(SAM, 'review.submit.confirm', '2026:everything');
    expect(forged?.summary).toContain('older message');
    const [old] = await people.click(SAM, 'review.submit.confirm', '2025:0123456789abcdef');
    expect(old?.summary).toBe(
      'That button was for the 2025 review; the current review is 2026. Type `/partnership review` to see where it stands.',
    );
    expect(await submissions()).toBe(0);
  });
});

describe('review reopen', () => {
  it('undoes a submission, audited, and the review can be worked on again', async () => {
    await halfDone();
    await people.say(SAM, 'review submit confirm');
    const [status] = await people.say(SAM, 'review');
    expect(button(status, 'review.reopen')).toMatchObject({ label: 'Reopen the review', value: '2026' });
    expect(button(status, 'review.submit')).toBeUndefined();

    clock.set('2026-10-06T09:00:00Z');
    const [r] = await people.click(email('Margaret Okafor'), 'review.reopen', '2026');
    expect(r?.summary).toBe(
      'The 2026 review of Northfield Big Local is open again: it is no longer marked as submitted (it was on Mon 5 Oct 2026).',
    );
    expect(await submissions()).toBe(0);
    const [audit] = await auditOf('review.reopen');
    expect(audit).toMatchObject({ subjectId: '2026', actorId: expect.any(String) });
    expect(JSON.parse(audit!.before!)).toEqual({ submittedAt: '2026-10-05T13:00:00.000Z' });

    // members confirm again, the answers can change, and it can be submitted again
    await confirmAs('Priya Patel', 'resident');
    const [saved] = await people.submit(SAM, 'review.answers', { 'ethos-values': 'yes' }, '2026');
    expect(saved?.summary).toBe('Saved 1 answer for the 2026 review.');
    const [prompt] = await people.say(SAM, 'review submit');
    expect(lists(prompt)[0]).toMatch(/^7 members have not confirmed/);
  });

  it('says so when there is nothing to reopen, and refuses last year’s button', async () => {
    const [r] = await people.say(SAM, 'review reopen');
    expect(r?.summary).toBe(
      'The 2026 review is not marked as submitted, so there is nothing to reopen. Type `/partnership review` to see where it stands.',
    );
    const [old] = await people.click(SAM, 'review.reopen', '2025');
    expect(old?.summary).toContain('That button was for the 2025 review');
    expect(await auditOf('review.reopen')).toEqual([]);
  });
});

describe('who may submit and reopen', () => {
  it('only the chair and the rep; a refused click is audited and changes nothing', async () => {
    await halfDone();
    const [prompt] = await people.say(SAM, 'review submit');
    const value = button(prompt, 'review.submit.confirm')!.value;
    for (const name of ['Gareth Jones', 'David Hughes', 'Jo Brooks']) {
      for (const text of ['review submit', 'review submit confirm', 'review reopen']) {
        const [r] = await people.say(email(name), text);
        expect(r?.summary, `${name}: ${text}`).toBe('Only the chair or the rep can do that.');
      }
      const [click] = await people.click(email(name), 'review.submit.confirm', value);
      expect(click?.summary).toBe('Only the chair or the rep can do that.');
    }
    expect(await submissions()).toBe(0);

    await people.say(SAM, 'review submit confirm');
    const [reopen] = await people.click(email('Gareth Jones'), 'review.reopen', '2026');
    expect(reopen?.summary).toBe('Only the chair or the rep can do that.');
    expect(await submissions()).toBe(1);
    const refused = await auditOf('security.refused');
    expect(refused.map((a) => [a.subjectId, JSON.parse(a.after!).permission])).toEqual([
      ['review.submit.confirm', 'review.submit'],
      ['review.submit.confirm', 'review.submit'],
      ['review.submit.confirm', 'review.submit'],
      ['review.reopen', 'review.submit'],
    ]);
    const [chair] = await people.say(email('Margaret Okafor'), 'review reopen');
    expect(chair?.summary).toContain('is open again');
  });
});

describe('help', () => {
  it('lists submit, reopen, pause and resume', async () => {
    const [help] = await people.say(SAM, 'help');
    expect(replyText(help!)).toContain(
      '/partnership review [answer|pause|resume|export md|export csv|submit|reopen|settings]: The annual partnership review: status, the four questions, pause or resume the nudges, export, submit (after confirming what is still open) or reopen.',
    );
    const [unknown] = await people.say(SAM, 'review undo');
    expect(unknown?.summary).toContain('`review submit`, `review reopen` or `review settings`');
  });
});
