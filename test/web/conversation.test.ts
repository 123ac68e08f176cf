// Who sees what in the playground, as in a chat platform: channel replies by everyone, private
// replies and direct chats only by their person, and what the core pushes through the Notifier
// (DMs, channel posts, updates in place) reaching the right pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, COMMANDS } from '../../src/bot/commands/index.ts';
import type { Command } from '../../src/bot/commands/types.ts';
import { textReply, type Reply } from '../../src/domain/chat/reply.ts';
import { Timeline } from '../../adapters/web/timeline.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { inbox, named, people, send, type Person } from './client.ts';

let t: TestApp;
let chair: Person;
let member: Person;
let worker: Person;

// Two buttons that answer by replacing the message they were on, registered the way a feature
// registers its actions (issue 5's vote buttons will), to exercise replaceOriginal end to end.
const card = (text: string, visibility: Reply['visibility']): Reply => ({
  ...textReply(text, visibility),
  replaceOriginal: true,
});
// Core commands answer slash commands privately today; issue 5's announcements will answer in the channel.
const announce: Command = {
  name: 'test-announce',
  summary: 'test',
  usage: 'test-announce',
  needsPartnership: false,
  run: async () => [textReply('Announced to the channel', 'channel')],
};
beforeAll(async () => {
  COMMANDS.push(announce);
  ACTIONS['test.replace-public'] = async () => [card('Replaced for everyone', 'channel')];
  ACTIONS['test.replace-private'] = async () => [card('Private answer to a public card', 'private')];
  t = await startTestApp({ PLAYGROUND: 'true' });
  const list = await people(t.url);
  chair = named(list, 'Margaret Okafor');
  member = named(list, 'Rosa Novak');
  worker = named(list, 'Jo Brooks');
});
afterAll(async () => {
  COMMANDS.splice(COMMANDS.indexOf(announce), 1);
  delete ACTIONS['test.replace-public'];
  delete ACTIONS['test.replace-private'];
  await t.close();
});

const ids = async (p: Person, since = 0) => (await inbox(t.url, p, since)).messages.map((m) => m.id);

describe('visibility', () => {
  it('words in the channel and the channel answer are seen by everyone', async () => {
    const { body } = await send(t.url, chair, 'channel', { type: 'text', text: 'are we in criteria?' });
    for (const p of [member, worker])
      expect(await ids(p)).toEqual(expect.arrayContaining(body.messages.map((m) => m.id)));
  });

  it('a private reply in the channel, and the command that asked for it, only by the person who asked', async () => {
    const { body } = await send(t.url, chair, 'channel', {
      type: 'command',
      text: 'coi Northfield Community Café Ltd',
    });
    expect(body.messages.map((m) => m.private)).toEqual([true, true]);
    expect(await ids(chair)).toEqual(expect.arrayContaining(body.messages.map((m) => m.id)));
    for (const id of body.messages.map((m) => m.id)) expect(await ids(member)).not.toContain(id);
  });

  it('a command the bot answers in the channel is shown to everyone, like Slack’s "used /partnership"', async () => {
    const { body } = await send(t.url, chair, 'channel', { type: 'command', text: 'test-announce' });
    const seen = (await inbox(t.url, member)).messages.filter((m) => body.messages.some((b) => b.id === m.id));
    expect(seen.sort((a, b) => a.seq - b.seq).map((m) => [m.text ?? m.reply?.summary, m.private])).toEqual([
      ['/partnership test-announce', false],
      ['Announced to the channel', false],
    ]);
  });

  it('a direct chat is seen only by its person', async () => {
    const { body } = await send(t.url, member, 'direct', { type: 'text', text: 'who is on the partnership?' });
    expect(body.messages.every((m) => m.kind === 'direct')).toBe(true);
    for (const id of body.messages.map((m) => m.id)) {
      expect(await ids(member)).toContain(id);
      expect(await ids(chair)).not.toContain(id);
    }
  });
});

describe('replies that replace the message their button was on', () => {
  const postCard = async () =>
    (await t.app.notifier.sendToConversation(
      { platform: 'web', workspaceId: 'local', channelId: 'partnership-channel', kind: 'channel' },
      textReply('A card', 'channel'),
    ))!;

  it('a channel answer replaces the card in place for everyone', async () => {
    const ref = await postCard();
    const { body } = await send(
      t.url,
      member,
      'channel',
      { type: 'action', actionId: 'test.replace-public', value: '1' },
      { replyTo: ref.messageId },
    );
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0]).toMatchObject({ id: ref.messageId, edited: true, private: false });
    const seen = (await inbox(t.url, worker)).messages.find((m) => m.id === ref.messageId);
    expect(seen?.reply?.summary).toBe('Replaced for everyone');
  });

  it('a private answer never replaces a card others see: it is added for the clicker only', async () => {
    const ref = await postCard();
    const { body } = await send(
      t.url,
      member,
      'channel',
      { type: 'action', actionId: 'test.replace-private', value: '1' },
      { replyTo: ref.messageId },
    );
    expect(body.messages[0]!.id).not.toBe(ref.messageId);
    expect(body.messages[0]).toMatchObject({ private: true });
    const card = (await inbox(t.url, worker)).messages.find((m) => m.id === ref.messageId);
    expect(card?.reply?.summary).toBe('A card');
    expect(await ids(worker)).not.toContain(body.messages[0]!.id);
  });

  it('replyTo a message the person cannot see is ignored (the answer is added instead)', async () => {
    const { body: asked } = await send(t.url, chair, 'direct', { type: 'text', text: 'help' });
    const chairsOwn = asked.messages.find((m) => m.author.type === 'bot')!;
    const { body } = await send(
      t.url,
      member,
      'channel',
      { type: 'action', actionId: 'test.replace-public', value: '1' },
      { replyTo: chairsOwn.id },
    );
    expect(body.messages[0]!.id).not.toBe(chairsOwn.id);
    expect((await inbox(t.url, chair)).messages.find((m) => m.id === chairsOwn.id)?.reply?.summary).not.toBe(
      'Replaced for everyone',
    );
  });
});

describe('the web notifier (what the core sends outside the conversation)', () => {
  it('a private message to a person lands in their direct chat only', async () => {
    const delivered = await t.app.notifier.sendToPerson(member.id, textReply('Please confirm you are still a member.'));
    expect(delivered).toBe(true);
    const dm = (await inbox(t.url, member)).messages.filter(
      (m) => m.reply?.summary === 'Please confirm you are still a member.',
    );
    expect(dm).toHaveLength(1);
    expect(dm[0]).toMatchObject({ kind: 'direct', channelId: `dm-${member.id}`, author: { type: 'bot' } });
    expect(
      (await inbox(t.url, chair)).messages.some((m) => m.reply?.summary === 'Please confirm you are still a member.'),
    ).toBe(false);
  });

  it('a channel post returns a MessageRef, and updating it changes the message in place', async () => {
    const before = (await inbox(t.url, worker)).cursor;
    const ref = await t.app.notifier.sendToConversation(
      { platform: 'web', workspaceId: 'local', channelId: 'partnership-channel', kind: 'channel' },
      textReply('Votes: 0 for', 'channel'),
    );
    expect(ref).toMatchObject({ platform: 'web', workspaceId: 'local', channelId: 'partnership-channel' });
    expect(await t.app.notifier.updateMessage(ref!, textReply('Votes: 1 for', 'channel'))).toBe(true);
    const changes = (await inbox(t.url, worker, before)).messages;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ id: ref!.messageId, edited: true, reply: { summary: 'Votes: 1 for' } });
  });

  it('a direct chat is a conversation too; anything else is not delivered', async () => {
    const ref = await t.app.notifier.sendToConversation(
      { platform: 'web', workspaceId: 'local', channelId: `dm-${member.id}`, kind: 'direct' },
      textReply('In your DMs'),
    );
    expect(ref?.channelId).toBe(`dm-${member.id}`);
    expect(
      await t.app.notifier.sendToConversation(
        { platform: 'web', workspaceId: 'local', channelId: 'general', kind: 'channel' },
        textReply('x'),
      ),
    ).toBeNull();
    expect(
      await t.app.notifier.sendToConversation(
        { platform: 'web', workspaceId: 'local', channelId: 'dm-nobody', kind: 'direct' },
        textReply('x'),
      ),
    ).toBeNull();
    expect(
      await t.app.notifier.sendToConversation(
        { platform: 'web', workspaceId: 'elsewhere', channelId: 'partnership-channel', kind: 'channel' },
        textReply('x'),
      ),
    ).toBeNull();
    expect(
      await t.app.notifier.updateMessage(
        { platform: 'web', workspaceId: 'local', channelId: 'partnership-channel', messageId: 'm999999' },
        textReply('x'),
      ),
    ).toBe(false);
    expect(await t.app.notifier.updateMessage({ ...ref!, channelId: 'partnership-channel' }, textReply('x'))).toBe(
      false,
    );
  });
});

describe('the timeline', () => {
  it('keeps only the newest messages, up to its limit', () => {
    const timeline = new Timeline(() => new Date('2026-10-01T08:00:00Z'), 3);
    for (let i = 1; i <= 5; i += 1)
      timeline.add({
        channelId: 'partnership-channel',
        author: { type: 'bot' },
        reply: textReply(`n${i}`),
        onlyFor: null,
      });
    expect(timeline.changesFor('anyone', 0).map((m) => m.reply?.summary)).toEqual(['n3', 'n4', 'n5']);
    expect(timeline.changesFor('anyone', 0)[0]!.at).toBe('2026-10-01T08:00:00.000Z');
  });

  it('keeps the newest 2,000 messages unless told otherwise, as docs/playground.md says', () => {
    const timeline = new Timeline(() => new Date('2026-10-01T08:00:00Z'));
    for (let i = 1; i <= 2001; i += 1)
      timeline.add({
        channelId: 'partnership-channel',
        author: { type: 'bot' },
        reply: textReply(`n${i}`),
        onlyFor: null,
      });
    const kept = timeline.changesFor('anyone', 0).map((m) => m.reply?.summary);
    expect(kept).toHaveLength(2000);
    expect([kept[0], kept.at(-1)]).toEqual(['n2', 'n2001']);
  });
});
