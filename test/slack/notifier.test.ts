// The Slack notifier (registered with the app's NotifierRegistry) and the delivery mechanisms the
// conversation replies do not exercise yet: modals from a trigger, in-place updates, files, 429s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackOf } from '../../adapters/slack/index.ts';
import type { Origin } from '../../adapters/slack/deliver.ts';
import type { Conversation } from '../../src/domain/chat/inbound.ts';
import { textReply, type Reply } from '../../src/domain/chat/reply.ts';
import { CHANNEL, TEAM, USERS, bind, settle, shown, startSlack, type SlackTest } from './support.ts';
import { respondTo } from '../../adapters/slack/respond.ts';

let t: SlackTest;
let rosaId: string;
beforeAll(async () => {
  t = await startSlack();
  await bind(t); // links the roster's Slack accounts by email
  rosaId = (await t.app.stores.directory.findByEmail(USERS.member.email))[0]!.personId;
});
afterAll(() => t.close());

const channel: Conversation = { platform: 'slack', workspaceId: TEAM, channelId: CHANNEL, kind: 'channel' };
const file = {
  filename: 'decision-7.md',
  mimeType: 'text/markdown',
  content: '# Decision 7\nCarried, 6 for, 1 against.',
};

describe('notifier', () => {
  it('sends a private message to a person through their DM channel, opened once', async () => {
    t.fake.clear();
    expect(await t.app.notifier.sendToPerson(rosaId, textReply('Voting on decision 7 closes tomorrow.'))).toBe(true);
    expect(await t.app.notifier.sendToPerson(rosaId, textReply('Voting on decision 7 has closed.'))).toBe(true);
    expect(t.fake.callsTo('conversations.open')).toHaveLength(1);
    const posts = t.fake.callsTo('chat.postMessage');
    expect(posts.map((p) => p.args.channel)).toEqual([`D${USERS.member.id}`, `D${USERS.member.id}`]);
    expect(shown(posts[0])).toContain('closes tomorrow');
  });

  it('posts to a channel, returns where the message lives, and updates it in place', async () => {
    t.fake.clear();
    const ref = await t.app.notifier.sendToConversation(channel, textReply('Decision 7: 3 votes so far.', 'channel'));
    expect(ref).toMatchObject({ platform: 'slack', workspaceId: TEAM, channelId: CHANNEL });
    expect(ref!.messageId).toMatch(/^\d+\.\d+$/); // the ts Slack answered with
    expect(await t.app.notifier.updateMessage(ref!, textReply('Decision 7: 5 votes so far.', 'channel'))).toBe(true);
    const [update] = t.fake.callsTo('chat.update');
    expect(update!.args).toMatchObject({ channel: CHANNEL, ts: ref!.messageId });
    expect(shown(update)).toContain('5 votes so far');
  });

  it('waits out a 429 (Retry-After) and then delivers', async () => {
    t.fake.clear();
    t.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const ref = await t.app.notifier.sendToConversation(channel, textReply('Reminder: meeting tonight.', 'channel'));
    expect(ref).not.toBeNull();
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('never posts a private reply to a shared conversation', async () => {
    t.fake.clear();
    expect(await t.app.notifier.sendToConversation(channel, textReply('Your interests: trustee of X.'))).toBeNull();
    expect(t.fake.calls).toEqual([]);
  });

  it('reports Slack errors as not delivered', async () => {
    t.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    expect(await t.app.notifier.sendToConversation(channel, textReply('Hello', 'channel'))).toBeNull();
    t.fake.failNext('chat.update', { error: 'message_not_found' });
    expect(
      await t.app.notifier.updateMessage(
        { platform: 'slack', workspaceId: TEAM, channelId: CHANNEL, messageId: '1.2' },
        textReply('x', 'channel'),
      ),
    ).toBe(false);
    const nobody = (await t.app.stores.directory.findByEmail('helen.brooks@example.org'))[0]!.personId;
    await t.app.stores.directory.linkIdentity(nobody, 'slack', TEAM, 'UGONE');
    t.fake.failNext('conversations.open', { error: 'user_not_found' });
    expect(await t.app.notifier.sendToPerson(nobody, textReply('Hello'))).toBe(false);
  });

  it('uploads an attachment with files.uploadV2', async () => {
    t.fake.clear();
    const reply: Reply = { ...textReply('The record of decision 7.'), attachment: file };
    expect(await t.app.notifier.sendToPerson(rosaId, reply)).toBe(true);
    expect(t.fake.callsTo('files.getUploadURLExternal')[0]!.args.filename).toBe('decision-7.md');
    expect(t.fake.callsTo('upload')[0]!.args.content).toBe(file.content);
    expect(t.fake.callsTo('files.completeUploadExternal')[0]!.args.channel_id).toBe(`D${USERS.member.id}`);
  });
});

describe('delivery', () => {
  const origin = (o: Partial<Origin> = {}): Origin => ({
    conversation: channel,
    userId: USERS.chair.id,
    privateChannel: false,
    ...o,
  });
  const formReply: Reply = {
    summary: 'New poll',
    visibility: 'private',
    blocks: [
      { kind: 'text', text: 'Fill this in:' },
      {
        kind: 'form',
        form: {
          id: 'poll.create',
          title: 'New poll',
          submitLabel: 'Create',
          fields: [{ id: 'q', label: 'Question', type: 'text' }],
        },
      },
    ],
  };
  const deliver = async (replies: Reply[], o: Origin) => {
    t.fake.clear();
    await slackOf(t.app)!.delivery.deliver(replies, o);
    await settle(t.app);
  };

  it('opens a form as a modal when there is a trigger id', async () => {
    await deliver([formReply], origin({ triggerId: 'trig-1' }));
    const [open] = t.fake.callsTo('views.open');
    expect(open!.args.trigger_id).toBe('trig-1');
    expect((open!.args.view as { callback_id: string }).callback_id).toBe('poll.create');
    expect(shown(t.fake.callsTo('chat.postEphemeral')[0])).toContain('Fill this in:');
  });

  it('without a trigger id, shows a button that opens the form later', async () => {
    await deliver([formReply], origin());
    expect(t.fake.callsTo('views.open')).toEqual([]);
    expect(shown(t.fake.callsTo('chat.postEphemeral')[0])).toContain('slack.form.open');
  });

  it('if the trigger id has expired, falls back to the button', async () => {
    t.fake.failNext('views.open', { error: 'expired_trigger_id' });
    await slackOf(t.app)!.delivery.deliver([formReply], origin({ triggerId: 'old' }));
    expect(shown(t.fake.callsTo('chat.postEphemeral').at(-1))).toContain('slack.form.open');
  });

  it('replaceOriginal updates a channel message with chat.update', async () => {
    await deliver(
      [{ ...textReply('Counts: 4 for.', 'channel'), replaceOriginal: true }],
      origin({ message: { channelId: CHANNEL, ts: '17.1', ephemeral: false } }),
    );
    expect(t.fake.callsTo('chat.update')[0]!.args).toMatchObject({ channel: CHANNEL, ts: '17.1' });
  });

  it('replaceOriginal on an ephemeral message replaces it through its response_url', async () => {
    const respond = respondTo(t.fake.responseUrl('eph-1'));
    await deliver(
      [{ ...textReply('Your vote: yes.'), replaceOriginal: true }],
      origin({ respond, message: { channelId: CHANNEL, ts: '17.2', ephemeral: true } }),
    );
    const [call] = t.fake.callsTo('response_url');
    expect(call!.args).toMatchObject({ replace_original: true, text: 'Your vote: yes.' });
    expect(t.fake.callsTo('chat.update')).toEqual([]);
  });

  it('in the bot’s DM, replaceOriginal edits the clicked message through its response_url, not chat.update', async () => {
    const dmMessage = { channelId: `D${USERS.chair.id}`, ts: '18.1', ephemeral: false };
    const dm = { ...channel, channelId: dmMessage.channelId, kind: 'direct' as const };
    await deliver(
      [{ ...textReply('Thank you: your ballot.'), replaceOriginal: true }],
      origin({
        conversation: dm,
        privateChannel: true,
        message: dmMessage,
        respond: respondTo(t.fake.responseUrl('dm-1')),
      }),
    );
    expect(t.fake.callsTo('response_url')[0]!.args).toMatchObject({
      replace_original: true,
      text: 'Thank you: your ballot.',
    });
    expect(t.fake.callsTo('chat.update')).toEqual([]);
  });

  it('in the bot’s DM, a used-up or expired response_url falls back to chat.update', async () => {
    t.fake.failNext('response_url', { error: 'expired_url' });
    const dmMessage = { channelId: `D${USERS.chair.id}`, ts: '18.2', ephemeral: false };
    const dm = { ...channel, channelId: dmMessage.channelId, kind: 'direct' as const };
    await deliver(
      [{ ...textReply('Thank you: your ballot.'), replaceOriginal: true }],
      origin({
        conversation: dm,
        privateChannel: true,
        message: dmMessage,
        respond: respondTo(t.fake.responseUrl('dm-2')),
      }),
    );
    expect(t.fake.callsTo('response_url')).toHaveLength(1);
    expect(t.fake.callsTo('chat.update')[0]!.args).toMatchObject({ channel: dmMessage.channelId, ts: '18.2' });
    expect(shown(t.fake.callsTo('chat.update')[0])).toContain('Thank you: your ballot.');
  });

  it('a private reply never replaces a message everyone in the channel sees', async () => {
    await deliver(
      [{ ...textReply('Your vote: yes.'), replaceOriginal: true }],
      origin({ message: { channelId: CHANNEL, ts: '17.1', ephemeral: false } }),
    );
    expect(t.fake.callsTo('chat.update')).toEqual([]);
    expect(t.fake.callsTo('chat.postEphemeral')[0]!.args.user).toBe(USERS.chair.id);
  });

  it('a private file from a channel goes to the person’s DM', async () => {
    await deliver([{ ...textReply('Your export.'), attachment: file }], origin());
    expect(t.fake.callsTo('files.completeUploadExternal')[0]!.args.channel_id).toBe(`D${USERS.chair.id}`);
  });

  it('a channel file goes to the channel', async () => {
    await deliver([{ ...textReply('The record.', 'channel'), attachment: file }], origin());
    expect(t.fake.callsTo('files.completeUploadExternal')[0]!.args.channel_id).toBe(CHANNEL);
  });
});
