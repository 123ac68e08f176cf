// What is due to be sent now, for one partnership: a pure function of the clock, the roster, the
// review so far and what has already been sent. Every send has a unique key (kind, period,
// recipient) that the database holds before anything goes out, so nothing is ever sent twice.
import type { Roster } from '../roster.ts';
import { currentNudgeSlot, isOpen, isQuiet, seasonOf } from './calendar.ts';
import { confirmationsOf, reviewStatus, unconfirmedMembers, type ReviewStatus } from './status.ts';
import type { ReviewRecord, SendRecord } from './types.ts';

export type SendKind = 'review-open' | 'review-nudge' | 'review-confirm';

/** How a due send is taken: a fresh key is inserted; an existing row is claimed by a conditional update. */
export type Claim = { type: 'insert' } | { type: 'claim'; status: 'pending' | 'failed'; attempts: number };

export interface DueSend {
  key: string;
  kind: SendKind;
  recipientId: string;
  /** 0: the first request for membership confirmation; 1, 2: the reminders */
  reminder?: number;
  claim: Claim;
}

export interface SeasonState {
  /** current people; the partnership (id, slug, name, settings) rides along */
  roster: Roster;
  record: ReviewRecord;
  sends: readonly SendRecord[];
}

/**
 * How long a sweep holds the sends it claimed. A sweep claims a small batch (a few seconds of
 * sending) and confirms each send as the platform accepts it; a send still pending when its claim
 * has expired was never confirmed (its sender was killed): the next sweep tries it again.
 */
export const CLAIM_MS = 10 * 60_000;
/** Attempts before a failed send is given up; waits between them. */
export const MAX_ATTEMPTS = 4;
export const RETRY_DELAYS_MS = [60 * 60_000, 24 * 60 * 60_000, 3 * 24 * 60 * 60_000] as const;

export const retryAfter = (attempts: number, now: Date): Date | null => {
  const wait = RETRY_DELAYS_MS[attempts - 1];
  return attempts < MAX_ATTEMPTS && wait !== undefined ? new Date(now.getTime() + wait) : null;
};

export const keys = {
  open: (year: number, personId: string) => `review-open:${year}:${personId}`,
  nudge: (period: string, personId: string) => `nudge:${period}:${personId}`,
  confirm: (year: number, personId: string, n: number) => `confirm:${year}:${personId}:${n}`,
};

/**
 * Whether a key is free, ready to be tried (again) or taken. A pending row is ready unless a sweep
 * holds it (claimedUntil in the future): recorded and never claimed, claimed and handed back by
 * a sweep that stopped, or claimed by a sweep that died before confirming it. A failed one is ready
 * once its next attempt is due. Either way, at most MAX_ATTEMPTS attempts.
 */
export function claimFor(row: SendRecord | undefined, now: Date): Claim | null {
  if (!row) return { type: 'insert' };
  if (row.attempts >= MAX_ATTEMPTS) return null;
  if (row.status === 'pending' && (!row.claimedUntil || row.claimedUntil <= now)) {
    return { type: 'claim', status: 'pending', attempts: row.attempts };
  }
  if (row.status === 'failed' && row.nextAttemptAt && row.nextAttemptAt <= now) {
    return { type: 'claim', status: 'failed', attempts: row.attempts };
  }
  return null;
}

/** Reps get the nudges; a partnership with no rep on the roster has its chair nudged instead. */
export function nudgeRecipients(roster: Roster): string[] {
  const reps = roster.people.filter((p) => p.kind === 'rep');
  return (reps.length ? reps : roster.people.filter((p) => p.kind === 'member' && p.roles.includes('chair'))).map(
    (p) => p.id,
  );
}

export function openRecipients(roster: Roster): string[] {
  return roster.people
    .filter((p) => p.kind === 'rep' || (p.kind === 'member' && p.roles.includes('chair')))
    .map((p) => p.id);
}

/** A nudge slot evaluated with nothing to send: recorded, so the slot is not nudged later in its period. */
export interface SkippedSend {
  key: string;
  kind: SendKind;
  recipientId: string;
  reason: 'nothing-outstanding' | 'snoozed';
}

export interface Plan {
  /** where the review stands, for the messages: worked out only when something is due or skipped (null otherwise) */
  status: ReviewStatus | null;
  due: DueSend[];
  skipped: SkippedSend[];
}

export function planReviewSends(state: SeasonState, now: Date): Plan {
  const { roster, record } = state;
  const settings = roster.partnership.settings;
  const nothing: Plan = { status: null, due: [], skipped: [] };
  if (isQuiet(now, settings)) return nothing;
  if (!isOpen(now, seasonOf(record.year, settings)) || record.submission) return nothing;
  // The whole status (criteria, changes since last year...) is the costly part of planning, and
  // most hours nothing is due: it is worked out only when a message needs it.
  let status: ReviewStatus | undefined;
  const statusNow = () => (status ??= reviewStatus(roster, record));
  const sends = new Map(state.sends.map((s) => [s.key, s]));
  const due: DueSend[] = [];
  const skipped: SkippedSend[] = [];
  const add = (key: string, kind: SendKind, recipientId: string, reminder?: number) => {
    const claim = claimFor(sends.get(key), now);
    if (claim) due.push({ key, kind, recipientId, claim, ...(reminder === undefined ? {} : { reminder }) });
  };

  for (const id of openRecipients(roster)) add(keys.open(record.year, id), 'review-open', id);

  // Each nudge slot is decided once, at the first sweep after it: a nudge if anything is
  // outstanding, otherwise a `skipped` record, so the rep is not nudged hours later by a change.
  const snoozed = settings.review.snoozedUntil ? new Date(settings.review.snoozedUntil) > now : false;
  const slot = currentNudgeSlot(now, settings);
  if (slot) {
    for (const id of nudgeRecipients(roster)) {
      const key = keys.nudge(slot.period, id);
      const row = sends.get(key);
      if (row && !claimFor(row, now)) continue; // decided already, nothing to retry
      if (snoozed || !statusNow().outstanding.length) {
        if (!row)
          skipped.push({
            key,
            kind: 'review-nudge',
            recipientId: id,
            reason: snoozed ? 'snoozed' : 'nothing-outstanding',
          });
      } else {
        add(key, 'review-nudge', id);
      }
    }
  }

  const interval = settings.review.confirmationReminderDays * 24 * 60 * 60_000;
  for (const person of unconfirmedMembers(roster, confirmationsOf(record))) {
    for (let n = 0; n <= settings.review.confirmationReminders; n++) {
      const key = keys.confirm(record.year, person.id, n);
      const row = sends.get(key);
      if (row?.status === 'sent') continue;
      if (n > 0) {
        // A reminder follows a delivered request or reminder, after the interval.
        const previous = sends.get(keys.confirm(record.year, person.id, n - 1));
        if (previous?.status !== 'sent' || !previous.sentAt || now.getTime() - previous.sentAt.getTime() < interval)
          break;
      }
      add(key, 'review-confirm', person.id, n);
      break;
    }
  }
  return { status: due.length || skipped.length ? statusNow() : null, due, skipped };
}
