// Kill -9 in the middle of a burst of clicks (issue 17, part 4), shared by the crash test
// (test/crash/kill-mid-burst.test.ts, small) and the benchmark (bench/sections/crash-burst.ts,
// 120 clicks). Each click is a different member on one open decision: members who have already
// declared vote, the others declare "no interest" (`decision.declare.none`). The receiving server
// is killed with SIGKILL the moment a given number of clicks has been acknowledged (HTTP 200),
// while the others are in flight; the caller restarts it, waits until processing settles, and
// compares what was acknowledged with what the database holds.
import { Agent, request } from 'node:http';
import type { DecisionWorld, StoredClicks } from './decision-world.ts';
import type { LoadRequest } from './load.ts';
import { signedBlockAction } from './slack-request.ts';

export interface CrashClick {
  /** the member who clicks (never 0, the chair) */
  member: number;
  personId: string;
  kind: 'vote' | 'declare';
  request: LoadRequest;
}

/** Half the members of a crash world have declared, so half the clicks are votes, half declarations. */
export const crashDeclared = (_d: number, i: number): boolean => i > 0 && i % 2 === 0;

/**
 * For a crash world with first clicks: half the voters and half the declarers are linked to their
 * Slack accounts; the others click for the first time, so the adapter asks Slack who they are
 * (users.info) before the core can record anything.
 */
export const crashLinked = (i: number): boolean => i % 4 < 2;

/** The burst: member i+1 clicks once; a vote from the private ballot, or "No interest" in their DM. */
export function crashClicks(
  world: DecisionWorld,
  options: { clicks: number; teamId: string; channelId: string; responseUrl(i: number): string; secret?: string },
): CrashClick[] {
  const decisionId = world.decisionIds[0]!;
  return Array.from({ length: options.clicks }, (_, i) => {
    const member = i + 1;
    const userId = world.userId(member);
    const kind = crashDeclared(0, member) ? 'vote' : 'declare';
    const common = {
      userId,
      teamId: options.teamId,
      responseUrl: options.responseUrl(i),
      ...(options.secret ? { secret: options.secret } : {}),
    };
    const request =
      kind === 'vote'
        ? signedBlockAction({
            ...common,
            actionId: 'decision.vote',
            value: `${decisionId}:0`,
            channelId: options.channelId,
            messageTs: '1700000001.000200',
            ephemeral: true,
          })
        : // the declaration prompt arrives in the member's direct messages with the bot
          signedBlockAction({
            ...common,
            actionId: 'decision.declare.none',
            value: decisionId,
            channelId: `D${userId}`,
            messageTs: '1700000002.000300',
          });
    return { member, personId: world.personIds[member]!, kind, request };
  });
}

/** What happened to one click on the wire. */
export type WireOutcome = 'acknowledged' | 'refused' | 'no-answer' | 'not-sent';

export interface BurstResult {
  outcomes: WireOutcome[];
  /** clicks sent but not yet answered when the receiver was killed */
  inFlightAtKill: number;
  /** the kill happened (false: every click was answered before the threshold was reached) */
  killed: boolean;
}

function post(agent: Agent, base: URL, r: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path: r.path,
        headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });
}

/**
 * Sends the clicks, `concurrency` at a time (clicks.length for one burst), to `url`, and calls
 * `kill` (which must send SIGKILL synchronously) as the `killAfterAcks`-th 200 arrives. Clicks not
 * yet sent by then are never sent.
 */
export async function sendBurstAndKill(o: {
  url: string;
  clicks: readonly CrashClick[];
  concurrency: number;
  killAfterAcks: number;
  kill(): void;
}): Promise<BurstResult> {
  const base = new URL(o.url);
  if (base.hostname !== '127.0.0.1') throw new Error('The crash burst only targets loopback.');
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  const outcomes: WireOutcome[] = o.clicks.map(() => 'not-sent');
  let next = 0;
  let acks = 0;
  let inFlight = 0;
  let inFlightAtKill = 0;
  let killed = false;
  const worker = async () => {
    while (!killed && next < o.clicks.length) {
      const i = next++;
      inFlight++;
      try {
        const status = await post(agent, base, o.clicks[i]!.request);
        outcomes[i] = status === 200 ? 'acknowledged' : 'refused';
        if (status === 200 && ++acks === o.killAfterAcks && !killed) {
          killed = true;
          inFlightAtKill = inFlight - 1;
          o.kill();
        }
      } catch {
        outcomes[i] = 'no-answer';
      } finally {
        inFlight--;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  agent.destroy();
  return { outcomes, inFlightAtKill, killed };
}

export interface CrashTally {
  sent: number;
  acknowledged: number;
  /** clicks (sent or not) whose vote or declaration the database holds */
  stored: number;
  /** acknowledged, not stored: must be none */
  lost: CrashClick[];
  /** stored more than once (audited twice, or a vote changed by a click that only voted once): must be none */
  doubled: { click: CrashClick; why: string }[];
}

export function isStored(click: CrashClick, stored: StoredClicks): boolean {
  return click.kind === 'vote' ? stored.votes.has(click.personId) : stored.declarations.get(click.personId) === 'none';
}

export function tallyCrash(
  clicks: readonly CrashClick[],
  outcomes: readonly WireOutcome[],
  stored: StoredClicks,
): CrashTally {
  const doubled: CrashTally['doubled'] = [];
  for (const click of clicks) {
    const action = click.kind === 'vote' ? 'decision.vote' : 'decision.declare';
    for (const a of [action, `${action}.change`]) {
      const n = stored.audits.get(`${a} ${click.personId}`) ?? 0;
      if (n > (a === action ? 1 : 0)) doubled.push({ click, why: `${n} "${a}" audit rows` });
    }
    const vote = stored.votes.get(click.personId);
    if (click.kind === 'vote' && vote && vote.changes > 0)
      doubled.push({ click, why: `vote changed ${vote.changes} times` });
  }
  return {
    sent: outcomes.filter((o) => o !== 'not-sent').length,
    acknowledged: outcomes.filter((o) => o === 'acknowledged').length,
    stored: clicks.filter((c) => isStored(c, stored)).length,
    lost: clicks.filter((c, i) => outcomes[i] === 'acknowledged' && !isStored(c, stored)),
    doubled,
  };
}

/** A fingerprint of what the database holds, to tell when it has stopped changing. */
export function fingerprint(stored: StoredClicks): string {
  const entries = (m: Map<string, unknown>) =>
    [...m].map(([k, v]) => `${k}=${JSON.stringify(v)}`).sort((a, b) => a.localeCompare(b));
  return JSON.stringify([entries(stored.votes), entries(stored.declarations), entries(stored.audits)]);
}

/**
 * Settled: every acknowledged click is stored and nothing has changed for `quietMs` (longer than
 * the inbox's claim expiry, so an item the dead process had claimed has been taken over and
 * finished by then); or, while some acknowledged click is still missing, nothing has changed for
 * `giveUpQuietMs` (it is lost: the caller's assertions then say which). Returns a check to poll;
 * the caller's poller bounds the whole wait.
 */
export function settledCheck(o: {
  read(): Promise<StoredClicks>;
  clicks: readonly CrashClick[];
  outcomes: readonly WireOutcome[];
  quietMs: number;
  giveUpQuietMs: number;
}): () => Promise<boolean> {
  let last = '';
  let since = 0;
  return async () => {
    const stored = await o.read();
    const now = Date.now();
    const print = fingerprint(stored);
    if (print !== last) [last, since] = [print, now];
    const ackedStored = o.clicks.every((c, i) => o.outcomes[i] !== 'acknowledged' || isStored(c, stored));
    return now - since >= (ackedStored ? o.quietMs : o.giveUpQuietMs);
  };
}
