// Who is speaking: a Slack user's email and home workspace from users.info (cached), so the core
// can link them to the roster by email. And, when a channel is bound, linking the roster's people
// to their Slack accounts with users.lookupByEmail so the bot can reach them privately.
import type { Speaker } from '../../src/domain/chat/inbound.ts';
import type { DirectoryStore, Logger, Stores } from '../../src/services/ports/index.ts';
import { apiSource, isTransientSlackError, slackErrorCode, type ApiFor, type SlackApi } from './api.ts';
import { mayRetryLater } from '../inbox/runner.ts';

interface CachedUser {
  at: number;
  speaker: Speaker;
}

const TTL_MS = 10 * 60_000;
const MAX_CACHED = 5_000;

export class SlackUsers {
  private readonly cache = new Map<string, CachedUser>();
  private readonly api: ApiFor;

  constructor(
    api: SlackApi | ApiFor,
    private readonly logger: Logger,
    private readonly directory: DirectoryStore,
    private readonly now: () => number = Date.now,
  ) {
    this.api = apiSource(api);
  }

  /** The speaker as the core sees them; without an email when Slack will not say (then the core asks them to get linked). */
  async speaker(teamId: string, userId: string): Promise<Speaker> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return hit.speaker;
    // Already linked here: the core finds them by the link, so Slack need not be asked who they
    // are (users.info is a call to Slack before every first click, and rate-limited).
    if (await this.directory.findIdentity('slack', teamId, userId)) return { userId, workspaceId: teamId };
    try {
      const api = await this.api(teamId);
      const res = await api.users.info({ user: userId });
      const user = res.user;
      const speaker: Speaker = {
        userId,
        // the user's own workspace: differs from the channel's for Slack Connect guests
        workspaceId: user?.team_id ?? teamId,
        email: user?.profile?.email || undefined,
        displayName: user?.profile?.display_name || user?.real_name || undefined,
      };
      this.remember(key, speaker);
      return speaker;
    } catch (error) {
      this.logger.warn('slack users.info failed', { platform: 'slack', code: slackErrorCode(error) });
      // Rate-limited or unreachable: answering "I don't know who you are" would drop what they
      // did; the inbox tries the whole request again shortly (or tells them, after the last try).
      if (isTransientSlackError(error) && mayRetryLater()) throw error;
      return { userId, workspaceId: teamId };
    }
  }

  private remember(key: string, speaker: Speaker): void {
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { at: this.now(), speaker });
  }
}

/**
 * Link every roster person who has an email and no Slack account in this workspace yet, if Slack
 * knows the email. Existing links are never changed. Returns how many were linked.
 */
export async function linkRosterByEmail(
  apiFor: ApiFor,
  stores: Pick<Stores, 'directory' | 'rosters'>,
  logger: Logger,
  partnershipId: string,
  teamId: string,
): Promise<number> {
  const { directory, rosters } = stores;
  const api = await apiFor(teamId);
  const roster = await rosters.loadRoster(partnershipId);
  let linked = 0;
  for (const person of roster.people) {
    if (!person.email) continue;
    const identities = await directory.identitiesOf(person.id);
    if (identities.some((i) => i.platform === 'slack' && i.workspaceId === teamId)) continue;
    let user: { id?: string; team_id?: string } | undefined;
    try {
      user = (await api.users.lookupByEmail({ email: person.email })).user;
    } catch (error) {
      const code = slackErrorCode(error);
      if (code !== 'users_not_found')
        logger.warn('slack users.lookupByEmail failed', { platform: 'slack', personId: person.id, code });
      continue;
    }
    if (!user?.id) continue;
    const workspaceId = user.team_id ?? teamId;
    const existing = await directory.findIdentity('slack', workspaceId, user.id);
    if (existing) continue;
    await directory.linkIdentity(person.id, 'slack', workspaceId, user.id);
    linked += 1;
  }
  if (linked) logger.info('slack accounts linked by email', { platform: 'slack', partnershipId, count: linked });
  return linked;
}
