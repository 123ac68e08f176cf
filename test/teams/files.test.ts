// Files the core offers with a reply: Teams' file consent flow in the personal chat. The file
// travels in the consent card; on "accept" the bot uploads it where Teams says and shows it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reply } from '../../src/domain/chat/reply.ts';
import { CHANNEL_ID, TENANT, installEvent, message, post, startTeams, visibleText, type TeamsTest } from './support.ts';

let t: TeamsTest;
beforeEach(async () => {
  t = await startTeams();
  await post(t, message(t.fake, { text: 'hello' })); // Margaret's personal chat
});
afterEach(async () => t.close());

const CSV = 'question,answer\nreflects-community,yes\n';
const withFile = (content = CSV) => ({
  ...reply(
    'Your review export is ready.',
    [
      { kind: 'text', text: 'Here is the review export.' },
      { kind: 'note', text: 'Keep it safe.' },
    ],
    'private',
  ),
  attachment: { filename: 'review-2026.csv', mimeType: 'text/csv', content },
});
const margaret = async () => (await t.app.database.db.person.findFirst({ where: { name: 'Margaret Okafor' } }))!.id;

function fileConsent(action: 'accept' | 'decline', context: unknown, uploadUrl: string) {
  const base = message(t.fake, { text: undefined });
  return {
    ...base,
    type: 'invoke',
    name: 'fileConsent/invoke',
    value: {
      type: 'fileUpload',
      action,
      context,
      uploadInfo: {
        name: 'review-2026.csv',
        uploadUrl,
        contentUrl: 'https://contoso-my.sharepoint.com/personal/m/review-2026.csv',
        uniqueId: 'F1',
        fileType: 'csv',
      },
    },
  };
}

async function offer() {
  expect(await t.app.notifier.sendToPerson(await margaret(), withFile())).toBe(true);
  const consent = t.fake.posted.at(-1)!.activity.attachments[0];
  expect(consent.contentType).toBe('application/vnd.microsoft.teams.card.file.consent');
  return consent;
}

describe('files', () => {
  it('sends the reply, then offers its file in the personal chat', async () => {
    const consent = await offer();
    expect(consent.name).toBe('review-2026.csv');
    expect(consent.content.sizeInBytes).toBe(Buffer.byteLength(CSV));
    expect(visibleText(t.fake.posted.slice(-2, -1))).toContain('Here is the review export.');
  });

  it('on accept, uploads the file where Teams says and shows it', async () => {
    const consent = await offer();
    const res = await post(t, fileConsent('accept', consent.content.acceptContext, `${t.fake.url}upload/session-1`));
    expect(res.status).toBe(200);
    expect(t.fake.uploads).toHaveLength(1);
    expect(t.fake.uploads[0]!.body).toBe(CSV);
    expect(t.fake.uploads[0]!.headers['content-range']).toBe(`bytes 0-${CSV.length - 1}/${CSV.length}`);
    const info = t.fake.posted.at(-1)!.activity.attachments[0];
    expect(info).toMatchObject({
      contentType: 'application/vnd.microsoft.teams.card.file.info',
      name: 'review-2026.csv',
      content: { uniqueId: 'F1', fileType: 'csv' },
    });
  });

  it('on decline, or a failed upload, says so plainly', async () => {
    const consent = await offer();
    await post(t, fileConsent('decline', consent.content.declineContext, `${t.fake.url}upload/session-2`));
    expect(t.fake.posted.at(-1)!.activity.text).toContain('haven’t saved review-2026.csv');
    t.fake.uploadStatus = 500;
    await post(t, fileConsent('accept', consent.content.acceptContext, `${t.fake.url}upload/session-3`));
    expect(t.fake.posted.at(-1)!.activity.text).toContain('couldn’t save review-2026.csv');
  });

  it('a file too big for a Teams message is refused with its size, not silently dropped', async () => {
    await t.app.notifier.sendToPerson(await margaret(), withFile('x'.repeat(30 * 1024)));
    expect(t.fake.posted.at(-1)!.activity.text).toContain('review-2026.csv is 30 KB, more than Teams lets me send');
  });

  it('a channel message keeps its file out of the channel', async () => {
    await post(t, installEvent(t.fake, 'installationUpdate', 'channel'));
    const before = t.fake.posted.length;
    const channelReply = { ...withFile(), visibility: 'channel' as const };
    const ref = await t.app.notifier.sendToConversation(
      { platform: 'teams', workspaceId: TENANT, channelId: CHANNEL_ID, kind: 'channel' },
      channelReply,
    );
    expect(ref).not.toBeNull();
    const sent = t.fake.posted.slice(before);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.activity)).not.toContain('file.consent');
    expect(JSON.stringify(sent[0]!.activity)).not.toContain(CSV.trim());
  });
});
