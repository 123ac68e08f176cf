// A vote or declaration Slack saw acknowledged is already on the record: decision clicks run the
// core (one transaction) before the ack. Checked by reading the database the moment the HTTP
// response to the click arrives, before waiting for any work left running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHANNEL,
  TEAM,
  USERS,
  bind,
  click,
  lastResponse,
  settle,
  shown,
  startSlack,
  type SlackTest,
} from './support.ts';

let t: SlackTest;
let decisionId: string;
let rosaId: string;
const db = () => t.app.database.db;

beforeAll(async () => {
  t = await startSlack();
  await bind(t);
  const before = new Set((await db().decision.findMany({ select: { id: true } })).map((d) => d.id));
  await t.app.bot.handle({
    conversation: { platform: 'slack', workspaceId: TEAM, channelId: CHANNEL, kind: 'channel' },
    speaker: { userId: USERS.chair.id, workspaceId: TEAM, email: USERS.chair.email },
    inbound: {
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Fund the summer playscheme', closes: 'Friday 5pm' },
    },
  });
  await settle(t.app);
  decisionId = (await db().decision.findMany({ select: { id: true } })).map((d) => d.id).find((id) => !before.has(id))!;
  rosaId = (await db().person.findFirstOrThrow({ where: { email: USERS.member.email } })).id;
});
afterAll(() => t.close());

describe('decision clicks are recorded before Slack gets the ack', () => {
  it('the declaration row exists when the response to the click arrives', async () => {
    expect(decisionId).toBeTruthy();
    const { res } = await click(t, 'decision.declare.none', decisionId, { user: USERS.member, ephemeral: true });
    expect(res.status).toBe(200);
    expect(
      await db().declaration.findMany({ where: { decisionId, personId: rosaId }, select: { outcome: true } }),
    ).toEqual([{ outcome: 'none' }]);
    await settle(t.app);
  });

  it('the vote row exists when the response to the click arrives, and a change too; the reply still goes out', async () => {
    const first = await click(t, 'decision.vote', `${decisionId}:0`, { user: USERS.member, ephemeral: true });
    expect(first.res.status).toBe(200);
    expect(
      await db().vote.findMany({ where: { decisionId, personId: rosaId }, select: { option: true, changes: true } }),
    ).toEqual([{ option: 'For', changes: 0 }]);
    await settle(t.app);
    expect(shown(lastResponse(t, first.responsePath))).toContain('is recorded: For');

    const change = await click(t, 'decision.vote~2', `${decisionId}:1`, { user: USERS.member, ephemeral: true });
    expect(change.res.status).toBe(200);
    expect(
      await db().vote.findMany({ where: { decisionId, personId: rosaId }, select: { option: true, changes: true } }),
    ).toEqual([{ option: 'Against', changes: 1 }]);
    await settle(t.app);
    expect(shown(lastResponse(t, change.responsePath))).toContain('changed from For to Against');
  });
});
