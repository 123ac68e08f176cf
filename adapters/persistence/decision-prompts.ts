// Where the private messages about an open decision landed (prompts, reminders, a joiner's
// ballot): kept so the close can replace them (src/bot/notifications/decisions.ts), then forgotten.
// Ids only; a message remembered twice is one row.
import type { SentPrompt } from '../../src/services/ports/index.ts';
import type { Db } from './database.ts';

export async function rememberPrompts(db: Db, decisionId: string, sent: readonly SentPrompt[]): Promise<void> {
  if (!sent.length) return;
  const rows = sent.map(({ personId, message }) => ({ decisionId, personId, ...placeOf(message) }));
  try {
    await db.decisionPrompt.createMany({ data: rows }); // one statement for a whole partnership's prompts
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
    // one was remembered already: the rest one by one, each kept once
    for (const { personId, ...where } of rows)
      await db.decisionPrompt.upsert({
        where: { decisionId_platform_workspaceId_channelId_messageId: where },
        create: { ...where, personId },
        update: {},
      });
  }
}

export async function promptsOf(db: Db, decisionId: string): Promise<SentPrompt[]> {
  const rows = await db.decisionPrompt.findMany({ where: { decisionId }, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => ({
    personId: r.personId,
    message: {
      platform: r.platform as SentPrompt['message']['platform'],
      workspaceId: r.workspaceId,
      channelId: r.channelId,
      messageId: r.messageId,
    },
  }));
}

export async function forgetPrompts(db: Db, decisionId: string, sent: readonly SentPrompt[]): Promise<void> {
  if (!sent.length) return;
  await db.decisionPrompt.deleteMany({ where: { decisionId, OR: sent.map((s) => placeOf(s.message)) } });
}

const placeOf = (m: SentPrompt['message']) => ({
  platform: m.platform,
  workspaceId: m.workspaceId,
  channelId: m.channelId,
  messageId: m.messageId,
});
