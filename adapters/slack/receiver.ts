// Bolt on our own HTTP server. Bolt's receivers own a server; this one is a route handler instead:
// it verifies the request with Bolt's own verifySlackRequest, acknowledges through Bolt's own
// HTTPResponseAck (the HTTP response is sent at ack(), so slow work continues afterwards) and runs
// Bolt's real pipeline with app.processEvent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  HTTPResponseAck,
  verifySlackRequest,
  type App as BoltApp,
  type Logger as SlackLogger,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import type { Clock, Logger } from '../../src/services/ports/index.ts';
import { HttpError, readBody, sendJson, type RouteContext } from '../server/http.ts';
import { parseJson } from '../server/json.ts';
import type { InFlight } from '../../src/services/in-flight.ts';
import { inboxKey } from './translate.ts';
import type { InboxRunner } from '../inbox/runner.ts';
import { slackPayloadProblem } from './validate.ts';

/** Context key (Bolt's customProperties): the inbox item a payload was written as before it was processed. */
export const INBOX_ITEM = 'inboxItem';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** Slack's replay window: a request signed more than this far from now, either way, is refused. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/** Why a request was refused, as a code for the log (never the signature or the body). */
function rejection(error: unknown): string {
  const message = (error as Error).message ?? '';
  if (message.includes('stale')) return 'stale_timestamp';
  if (message.includes('signature mismatch') || message.includes('signature version')) return 'bad_signature';
  if (message.includes('header')) return 'missing_headers';
  return 'unverified';
}

/**
 * Bolt refuses a timestamp more than five minutes old but accepts any in the future, so a request
 * signed "a year ahead" (by a leaked secret, or a clock gone wrong) would stay replayable for a
 * year. Checked here in both directions, against the app's clock.
 */
function timestampProblem(header: string | undefined, nowMs: number): string | null {
  if (header === undefined || !/^\d{1,12}$/.test(header.trim())) return 'missing_headers';
  const delta = Number(header.trim()) - Math.floor(nowMs / 1000);
  if (delta > SIGNATURE_WINDOW_SECONDS) return 'future_timestamp';
  if (delta < -SIGNATURE_WINDOW_SECONDS) return 'stale_timestamp';
  return null;
}

export function parseSlackBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? '').split(';')[0]!.trim().toLowerCase() === FORM) {
    const form = Object.fromEntries(new URLSearchParams(raw));
    return typeof form.payload === 'string'
      ? (parseJson(form.payload, 'The payload field') as Record<string, unknown>)
      : form;
  }
  return parseJson(raw, 'The Slack payload') as Record<string, unknown>;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export class SlackHttpReceiver implements Receiver {
  private bolt: BoltApp | undefined;

  constructor(
    private readonly signingSecret: string,
    /** the app's wall clock (a test's fake clock): the replay window is measured on it */
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly slackLogger: SlackLogger,
    private readonly inFlight: InFlight,
    /** the durable inbox: each payload is written there before it is acknowledged */
    private readonly inbox: Pick<InboxRunner, 'accept' | 'process'>,
  ) {}

  init(app: BoltApp): void {
    this.bolt = app;
  }

  /** Our HttpServer listens; nothing to start or stop here. */
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async handle(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
    const raw = (await readBody(req)).toString('utf8');
    const contentType = header(req, 'content-type');
    // Slack's SSL check of a slash command URL is not signed; it is answered and nothing else is read
    // (a form field named ssl_check shows literally; inside a payload its "=" would be %3D)
    if (
      contentType?.startsWith(FORM) &&
      raw.includes('ssl_check=') &&
      new URLSearchParams(raw).get('ssl_check') === '1'
    )
      return sendJson(res, 200, {});
    const nowMs = this.clock.now().getTime();
    const timestamp = header(req, 'x-slack-request-timestamp');
    let refused = timestampProblem(timestamp, nowMs);
    if (!refused) {
      try {
        verifySlackRequest({
          signingSecret: this.signingSecret,
          body: raw,
          headers: {
            'x-slack-signature': header(req, 'x-slack-signature') ?? '',
            'x-slack-request-timestamp': Number(timestamp),
          },
          nowMilliseconds: nowMs,
        });
      } catch (error) {
        refused = rejection(error);
      }
    }
    if (refused) {
      this.logger.warn('slack request rejected', { requestId: ctx.requestId, platform: 'slack', code: refused });
      return sendJson(res, 401, {
        error: 'unauthorized',
        message:
          'The request is not signed by Slack with this app’s signing secret, or it is more than five minutes old.',
      });
    }
    const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== FORM && type !== JSON_TYPE) {
      return sendJson(res, 415, {
        error: 'unsupported_media_type',
        message: 'Slack sends JSON (events) or a form (commands and interactivity); this request is neither.',
      });
    }
    let body: Record<string, unknown>;
    try {
      body = parseSlackBody(raw, contentType);
    } catch (error) {
      const detail = error instanceof HttpError ? ` ${error.message}` : '';
      return sendJson(res, 400, {
        error: 'bad_request',
        message: `The body is neither JSON nor a Slack form.${detail}`,
      });
    }
    const problem = slackPayloadProblem(body, type === FORM);
    if (problem) {
      this.logger.warn('slack payload refused', { requestId: ctx.requestId, platform: 'slack', code: 'bad_payload' });
      return sendJson(res, 400, { error: 'bad_request', message: problem });
    }
    if (body.type === 'url_verification') return sendJson(res, 200, { challenge: body.challenge });

    // The durable inbox (docs/inbox.md): every payload is written before anything acknowledges it
    // (Bolt acknowledges events before any listener runs; listeners acknowledge clicks and
    // commands at once). With the database down the answer is 503, so Slack retries an event and
    // the person sees their click or command was not taken; a re-sent delivery already in the
    // inbox is just acknowledged (recovery finishes it if its process died).
    const key = inboxKey(body);
    let fresh: boolean;
    try {
      fresh = await this.inbox.accept(key, 'slack', body);
    } catch (error) {
      this.logger.error('slack request refused: database unavailable', {
        requestId: ctx.requestId,
        platform: 'slack',
        code: (error as { code?: string }).code ?? 'E_DATABASE',
      });
      return sendJson(res, 503, {
        error: 'unavailable',
        message: 'The bot’s database is not answering, so nothing was done. Please try again in a minute.',
      });
    }
    if (!fresh) {
      this.logger.info('slack delivery already received', {
        requestId: ctx.requestId,
        platform: 'slack',
        code: 'duplicate',
      });
      return sendJson(res, 200, {});
    }

    const httpRequest = Object.assign(req, { rawBody: Buffer.from(raw, 'utf8') });
    const ack = new HTTPResponseAck({
      logger: this.slackLogger,
      processBeforeResponse: false,
      httpRequest,
      httpRequestBody: body,
      httpResponse: res,
    });
    const retry = Number(header(req, 'x-slack-retry-num'));
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      customProperties: { [INBOX_ITEM]: key },
      ...(Number.isInteger(retry) ? { retryNum: retry, retryReason: header(req, 'x-slack-retry-reason') ?? '' } : {}),
    };
    await this.inFlight.run(() =>
      this.inbox.process(key, 1, async () => {
        try {
          await this.bolt!.processEvent(event);
        } catch (error) {
          this.logger.error('slack event failed', {
            requestId: ctx.requestId,
            platform: 'slack',
            code: (error as { code?: string }).code,
          });
          // It is in the inbox: acknowledged, then tried again shortly (or the person is told).
          if (!res.headersSent) sendJson(res, 200, {});
          throw error;
        }
      }),
    );
  }
}
