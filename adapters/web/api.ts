// The playground's JSON API. The page is a thin client: it sends what the person did and renders
// the core's Reply model it gets back; everything it shows comes from here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Logger, PartnershipRef, Stores } from '../../src/services/ports/index.ts';
import { randomUUID } from 'node:crypto';
import type { InboxRunner } from '../inbox/runner.ts';
import type { Scheduler } from '../scheduler/index.ts';
import { HttpError, readBody, sendJson, type Route } from '../server/http.ts';
import { parseJson } from '../server/json.ts';
import type { Bot } from '../../src/bot/bot.ts';
import { describeClock, parsePretendTime, type OffsetClock } from './clock.ts';
import { findDemo, findDemoPerson, listDemoPeople, NO_DEMO_MESSAGE, wireDemo, type DemoContext } from './demo.ts';
import type { SentReport } from './jobs-report.ts';
import { guard, requireJson } from './security.ts';
import { send, sendSchema, type SendInput } from './send.ts';
import { CHANNEL_ID, type Timeline } from './timeline.ts';
import { describeSent, sentSince, whyNoDecisionMessage, whyNoReviewMessage } from './jobs-report.ts';
import { DECISIONS_JOB } from '../scheduler/decisions.ts';
import { REVIEW_JOB } from '../review/index.ts';

export const API = '/playground/api';
const NOT_RUN = 'housekeeping of the whole database: it runs on the real date only, never from the playground';

const clockSchema = z.union([z.strictObject({ reset: z.literal(true) }), z.strictObject({ at: z.string().max(100) })]);

/** The playground's own clock and the bot running on it: the rest of the app keeps the real clock. */
export interface Sandbox {
  clock: OffsetClock;
  bot: Bot;
}

/** What the API needs from the app. */
export interface ApiDeps {
  demo: DemoContext;
  /** what the jobs report reads to say why nothing was sent */
  stores: Pick<Stores, 'reviews' | 'decisions'>;
  /** the durable inbox: each send is written there first; a repeated one (same delivery id) is refused */
  inbox: Pick<InboxRunner, 'accept' | 'process'>;
  /** the jobs the playground may run for its sandbox */
  scheduler: Pick<Scheduler, 'jobs' | 'runSandbox'>;
  logger: Logger;
  sandbox: Sandbox;
  timeline: Timeline;
  remote: boolean;
}

/** What a send is stored as in the inbox, to be done again after a crash (adapters/web/inbox.ts). */
export interface StoredSend {
  personId: string;
  input: SendInput;
}

const STILL_WORKING =
  'That could not be finished just now. It will be tried again in a moment and the answer will appear here; no need to send it again.';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export function apiRoutes(deps: ApiDeps): Route[] {
  const { demo, sandbox, timeline } = deps;
  const route = (method: Route['method'], path: string, handler: Handler, frequent = false): Route => ({
    method,
    frequent,
    path: `${API}${path}`,
    async handler(req, res) {
      guard(req, deps.remote);
      res.setHeader('cache-control', 'no-store');
      await handler(req, res, new URL(req.url ?? '/', 'http://playground.invalid'));
    },
  });

  return [
    route('GET', '/people', async (_req, res) => {
      const partnership = await wireDemo(demo);
      if (!partnership) throw new HttpError(503, NO_DEMO_MESSAGE, 'no_demo_partnership');
      sendJson(res, 200, {
        partnership: { name: partnership.name, slug: partnership.slug },
        channel: { id: CHANNEL_ID, name: `#${CHANNEL_ID}` },
        people: await listDemoPeople(demo, partnership),
        clock: describeClock(sandbox.clock),
        cursor: timeline.cursor,
      });
    }),

    route('POST', '/send', async (req, res) => {
      const input = parse(sendSchema, await readJson(req));
      const person = await demoPerson(demo, input.person);
      const key = `web:${input.deliveryId ?? randomUUID()}`;
      const stored: StoredSend = { personId: person.id, input };
      if (!(await deps.inbox.accept(key, 'web', stored))) {
        throw new HttpError(
          409,
          'This was already received (a double click or a repeated request), so it was not done twice.',
          'duplicate',
        );
      }
      let result: Awaited<ReturnType<typeof send>> | undefined;
      const processed = await deps.inbox.process(key, 1, async () => {
        result = await send(sandbox, timeline, person, input, true);
      });
      if (processed.outcome === 'retrying') throw new HttpError(503, STILL_WORKING, 'retrying');
      if (processed.outcome !== 'done' || !result) throw 'error' in processed ? processed.error : new Error('not done');
      sendJson(res, 200, result);
    }),

    route(
      'GET',
      '/inbox',
      async (_req, res, url) => {
        const person = await demoPerson(demo, url.searchParams.get('person') ?? '');
        const sinceText = url.searchParams.get('since') ?? '0';
        if (!/^\d{1,15}$/.test(sinceText))
          throw new HttpError(
            400,
            `since must be a whole number of 0 or more (got "${sinceText.slice(0, 20)}"): the cursor of the last answer.`,
            'bad_request',
          );
        sendJson(res, 200, {
          messages: timeline.changesFor(person.id, Number(sinceText)),
          cursor: timeline.cursor,
          clock: describeClock(sandbox.clock),
        });
        // the page asks every 2 seconds: logged at debug
      },
      true,
    ),

    route('GET', '/clock', async (_req, res) => sendJson(res, 200, describeClock(sandbox.clock))),

    // Moves the playground's clock only: Slack, Teams and every other partnership keep the real date.
    route('POST', '/clock', async (req, res) => {
      const clock = sandbox.clock;
      const body = clockSchema.safeParse(await readJson(req));
      if (!body.success) {
        throw new HttpError(
          400,
          'Send {"at": "2026-10-01"} to pretend it is that date (09:00 in England), or {"reset": true} to go back to today.',
          'bad_request',
        );
      }
      if ('reset' in body.data) {
        clock.reset();
      } else {
        const at = parsePretendTime(body.data.at);
        if (!at.ok) throw new HttpError(400, at.error, 'bad_date');
        clock.pretend(at.value);
      }
      deps.logger.info('playground clock set', { code: clock.offset === 0 ? 'reset' : 'pretend' });
      sendJson(res, 200, describeClock(clock));
    }),

    // The partnership jobs, for the playground's sandbox partnerships only, at its (possibly
    // pretended) time, one after another in the order they were added. Housekeeping of the whole
    // database (retention, delivery keys) is never run from here: it keeps the real clock.
    route('POST', '/jobs/run', async (req, res) => {
      await readJson(req);
      // Run even without the demo partnership: the sandbox scope then reaches nothing, and the report says why.
      const partnership = await findDemo(demo);
      const cursor = timeline.cursor;
      const jobs: { name: string; ran: boolean }[] = [];
      const notRun: { name: string; reason: string }[] = [];
      for (const job of deps.scheduler.jobs) {
        if (job.kind === 'maintenance') notRun.push({ name: job.name, reason: NOT_RUN });
        else jobs.push({ name: job.name, ran: await deps.scheduler.runSandbox(job) });
      }
      const names = new Map((partnership ? await listDemoPeople(demo, partnership) : []).map((p) => [p.id, p.name]));
      const sent = sentSince(timeline, cursor, (id) => names.get(id) ?? 'someone who has left');
      sendJson(res, 200, {
        jobs,
        notRun,
        sent,
        report: await jobsReport(deps.stores, partnership, sandbox.clock.now(), jobs, sent),
        clock: describeClock(sandbox.clock),
        cursor: timeline.cursor,
      });
    }),
  ];
}

/** The sentences "Run scheduled jobs now" shows: what was sent, or why nothing was. */
async function jobsReport(
  stores: ApiDeps['stores'],
  partnership: PartnershipRef | null,
  now: Date,
  jobs: { name: string; ran: boolean }[],
  sent: SentReport,
): Promise<string[]> {
  if (!jobs.length) return ['No scheduled jobs are registered on this server yet.'];
  const skipped = jobs.filter((j) => !j.ran).map((j) => j.name);
  const lines: string[] = [];
  if (skipped.length)
    lines.push(
      `Not run: ${skipped.join(', ')}, because another server process holds the scheduler; try again in a minute.`,
    );
  const said = describeSent(sent);
  if (said) {
    lines.push(said);
    if (sent.direct.length) lines.push('Choose a person under “You are” to read their direct messages.');
  } else if (!partnership) lines.push(`Nothing was sent. ${NO_DEMO_MESSAGE}`);
  else {
    lines.push('Nothing was sent.');
    const ran = new Set(jobs.filter((j) => j.ran).map((j) => j.name));
    if (ran.has(REVIEW_JOB)) lines.push(await whyNoReviewMessage(stores, partnership, now));
    if (ran.has(DECISIONS_JOB)) lines.push(await whyNoDecisionMessage(stores, partnership, now));
  }
  return lines;
}

async function demoPerson(demo: DemoContext, personId: string): Promise<{ id: string; name: string }> {
  if (!(await findDemo(demo))) throw new HttpError(503, NO_DEMO_MESSAGE, 'no_demo_partnership');
  const person = personId ? await findDemoPerson(demo, personId) : null;
  if (!person) {
    throw new HttpError(
      404,
      `There is no demo person with the id “${personId.slice(0, 60)}”. GET ${API}/people lists who you can be.`,
      'unknown_person',
    );
  }
  return person;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  requireJson(req);
  const body = (await readBody(req, 256 * 1024)).toString('utf8');
  if (!body.trim()) return null;
  // also refuses lone surrogates, prototype keys and absurd nesting, with what was wrong (json.ts)
  return parseJson(body);
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  throw new HttpError(400, `The request is not right: ${problems.join('; ')}.`, 'bad_request');
}
