// Issue 19 through the playground's HTTP API on the real server: a reason with a vote (and its
// refusal on a secret ballot), the chair's reminder arriving only in the inboxes of those who
// haven't answered, the plain-text minutes as a file, and `/partnership decisions` searching titles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { everyText, inbox, named, people, send, type Person } from './client.ts';

let t: TestApp;
let everyone: Person[];
let chair: Person;
let rosa: Person;
let openId = '';
let secretId = '';

const act = (p: Person, actionId: string, value: string) =>
  send(t.url, p, 'direct', { type: 'action', actionId, value });
const texts = (a: { body: { replies: { blocks: unknown[]; summary: string }[] } }) =>
  a.body.replies.map((r) => everyText(r as never)).join('\n');

async function start(title: string, ballot: string): Promise<string> {
  const answer = await send(t.url, chair, 'channel', {
    type: 'form',
    formId: 'decision.create',
    values: {
      title,
      kind: 'general',
      closes: 'in 3 days',
      ballot,
      visibility: ballot === 'open' ? 'live' : 'after-close',
    },
  });
  const id = /"decision\.view","label":"[^"]*","value":"([0-9a-f-]{36})"|"value":"([0-9a-f-]{36})"/.exec(texts(answer));
  expect(id, texts(answer)).not.toBeNull();
  return (id![1] ?? id![2])!;
}

beforeAll(async () => {
  t = await startTestApp({ PLAYGROUND: 'true' });
  everyone = await people(t.url);
  chair = named(everyone, 'Margaret Okafor');
  rosa = named(everyone, 'Rosa Novak');
  openId = await start('Playground bench repair', 'open');
  secretId = await start('Playground secret vote', 'secret');
  for (const id of [openId, secretId]) {
    await act(rosa, 'decision.declare.none', id);
    await act(rosa, 'decision.vote', `${id}:0`);
  }
});
afterAll(() => t.close());

describe('minutes, reasons and reminders in the playground', () => {
  it('a voter gives a reason on an open ballot; a secret ballot refuses it', async () => {
    const form = await act(rosa, 'decision.reason', openId);
    expect(texts(form)).toContain('"id":"decision.reason"');
    const saved = await send(t.url, rosa, 'direct', {
      type: 'form',
      formId: 'decision.reason',
      values: { reason: 'The old one is unsafe.' },
      context: openId,
    });
    expect(texts(saved)).toContain('is saved, and the record shows it with your vote');
    const refused = await send(t.url, rosa, 'direct', {
      type: 'form',
      formId: 'decision.reason',
      values: { reason: 'Mine' },
      context: secretId,
    });
    expect(texts(refused)).toContain('is a secret ballot, so it takes no reasons');
  });

  it('the chair’s reminder reaches only those who have not answered', async () => {
    const kwame = named(everyone, 'Kwame Mensah');
    const kwameBefore = (await inbox(t.url, kwame)).cursor;
    const rosaBefore = (await inbox(t.url, rosa)).cursor;
    const sent = await act(chair, 'decision.remind', openId);
    expect(texts(sent)).toMatch(/I reminded \d+ members privately/);
    expect(JSON.stringify((await inbox(t.url, kwame, kwameBefore)).messages)).toContain('Reminder: Decision 1');
    expect(JSON.stringify((await inbox(t.url, rosa, rosaBefore)).messages)).not.toContain('Reminder');
    expect(texts(await act(chair, 'decision.remind', openId))).toContain('less than 12 hours ago');
  });

  it('the plain-text minutes come back as a file, with the reason in them', async () => {
    const file = await act(chair, 'decision.minutes.text', openId);
    const attachment = (file.body.replies[0] as { attachment?: { filename: string; content: string } }).attachment;
    expect(attachment?.filename).toBe('decision-1.txt');
    expect(attachment?.content).toMatch(/^Decision 1: Playground bench repair\n=+/);
    expect(attachment?.content).toContain('Reason: “The old one is unsafe.”');
  });

  it('/partnership decisions bench finds it', async () => {
    const found = await send(t.url, rosa, 'direct', { type: 'command', text: 'decisions bench' });
    expect(texts(found)).toContain('Decision 1: Playground bench repair');
    expect(texts(found)).not.toContain('Playground secret vote');
  });
});
