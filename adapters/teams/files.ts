// Files the core offers with a reply (a review export, a decision record). A Teams bot sends a
// file through the file consent flow, in a personal chat: it asks, the person accepts, Teams
// gives an upload address in their OneDrive, the bot uploads there and shows the file. The file
// travels inside the consent card (its acceptContext), so nothing is kept on the server between
// the question and the answer; a Teams message must hold it, hence the size limit.
import { ActivityTypes, type Activity, type FileConsentCardResponse, type TurnContext } from 'botbuilder';
import type { Reply } from '../../src/domain/chat/reply.ts';
import type { Logger } from '../../src/services/ports/index.ts';
import { textActivity } from './messages.ts';

export const MAX_FILE_BYTES = 24 * 1024;

type FileOffer = NonNullable<Reply['attachment']>;

export function fileConsentActivity(file: FileOffer): Partial<Activity> {
  const size = Buffer.byteLength(file.content, 'utf8');
  if (size > MAX_FILE_BYTES) {
    return textActivity(
      `${file.filename} is ${Math.ceil(size / 1024)} KB, more than Teams lets me send (${MAX_FILE_BYTES / 1024} KB). Ask your rep for a copy.`,
    );
  }
  return {
    type: ActivityTypes.Message,
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.card.file.consent',
        name: file.filename,
        content: {
          description: `${file.filename}, to save in your OneDrive`,
          sizeInBytes: size,
          acceptContext: file,
          declineContext: { filename: file.filename },
        },
      },
    ],
  };
}

const isOffer = (v: unknown): v is FileOffer =>
  typeof v === 'object' &&
  v !== null &&
  ['filename', 'mimeType', 'content'].every((k) => typeof (v as Record<string, unknown>)[k] === 'string');

export async function acceptFile(
  context: TurnContext,
  response: FileConsentCardResponse,
  logger: Logger,
): Promise<void> {
  const file = response.context;
  const upload = response.uploadInfo;
  if (!isOffer(file) || !upload?.uploadUrl) {
    await context.sendActivity(textActivity('That file offer is from an older message. Ask me again for the file.'));
    return;
  }
  const body = Buffer.from(file.content, 'utf8');
  const res = await fetch(upload.uploadUrl, {
    method: 'PUT',
    // fetch sets content-length itself (some fetch implementations refuse it as a header).
    headers: { 'content-type': file.mimeType, 'content-range': `bytes 0-${body.length - 1}/${body.length}` },
    body,
  }).catch((error: unknown) => ({ ok: false, status: 0, error }) as const);
  if (!res.ok) {
    logger.warn('teams file upload failed', { status: res.status });
    await context.sendActivity(
      textActivity(`I couldn’t save ${file.filename} to your OneDrive just now. Ask me again in a minute.`),
    );
    return;
  }
  await context.sendActivity({
    type: ActivityTypes.Message,
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.card.file.info',
        contentUrl: upload.contentUrl,
        name: upload.name ?? file.filename,
        content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
      },
    ],
  });
}

export async function declineFile(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
  const name = typeof response.context?.filename === 'string' ? response.context.filename : 'the file';
  await context.sendActivity(textActivity(`All right, I haven’t saved ${name}.`));
}
