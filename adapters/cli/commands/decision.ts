// partnership-bot decision export ID --format md|csv|txt [--partnership SLUG]
// partnership-bot decision list --partnership SLUG
// partnership-bot decision record-meeting --partnership SLUG ... (./meeting.ts)
// ID is the decision's number within the partnership (with --partnership) or its id (a uuid).
// Results hidden until close stay hidden here too, and secret ballots never carry names.
import { buildRecord } from '../../../src/domain/decisions/record.ts';
import { recordCsv, recordMarkdown } from '../../../src/bot/views/decision-minutes.ts';
import { recordText } from '../../../src/bot/views/decision-plain-text.ts';
import { formatWhen } from '../../../src/bot/views/text.ts';
import type { DecisionState } from '../../../src/domain/decisions/types.ts';
import type { Stores } from '../../../src/services/ports/index.ts';
import { CliError, EXIT, findPartnershipOrFail, withStores, type CliIo } from '../io.ts';
import type { Flags } from '../flags.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function decisionCommand(io: CliIo, flags: Flags, positionals: string[]): Promise<number> {
  const [action, id, ...extra] = positionals;
  if (action === 'export') {
    if (!id)
      throw new CliError(
        'decision export needs an ID: the decision number with --partnership SLUG, or its id. For example: partnership-bot decision export 3 --partnership northfield --format md',
        EXIT.usage,
      );
    if (extra.length) throw new CliError(`decision export takes one ID; unexpected: ${extra.join(' ')}`, EXIT.usage);
    const format = flags.format ?? 'md';
    if (format !== 'md' && format !== 'csv' && format !== 'txt')
      throw new CliError(
        `--format must be md (Markdown), csv (a spreadsheet) or txt (plain text, for email) (got "${format}").`,
        EXIT.usage,
      );
    if (!UUID.test(id) && !/^\d{1,6}$/.test(id))
      throw new CliError(`"${id}" is not a decision number (such as 3) or a decision id (a uuid).`, EXIT.usage);
    if (!UUID.test(id) && !flags.partnership)
      throw new CliError(
        `Decision ${id} of which partnership? Add --partnership SLUG (for example --partnership northfield).`,
        EXIT.usage,
      );
    return withStores(io, async (stores) => {
      const state = await findDecision(stores, id, flags.partnership);
      const record = buildRecord(state, await stores.rosters.loadRoster(state.decision.partnershipId));
      io.out(format === 'md' ? recordMarkdown(record) : format === 'csv' ? recordCsv(record) : recordText(record));
      return EXIT.ok;
    });
  }
  if (action === 'record-meeting') {
    if (id) throw new CliError(`decision record-meeting takes no ID; unexpected: ${id}`, EXIT.usage);
    return (await import('./meeting.ts')).recordMeetingCommand(io, flags);
  }
  if (action === 'list') {
    if (id) throw new CliError(`decision list takes no ID; unexpected: ${id}`, EXIT.usage);
    if (!flags.partnership)
      throw new CliError('decision list needs --partnership SLUG (for example --partnership northfield).', EXIT.usage);
    return withStores(io, async (stores) => {
      const partnership = await findPartnershipOrFail(stores, flags.partnership!);
      const decisions = await stores.decisions.list(partnership.id);
      if (decisions.length === 0) io.out(`${partnership.name} has no decisions yet.\n`);
      for (const d of decisions) {
        const when =
          d.status === 'open'
            ? `closes ${formatWhen(d.closesAt, d.rules.timeZone, { year: true })}`
            : `closed ${formatWhen(d.closedAt ?? d.closesAt, d.rules.timeZone, { year: true })}`;
        io.out(`${d.number}\t${d.status}\t${when}\t${d.title}\t${d.id}\n`);
      }
      return EXIT.ok;
    });
  }
  throw new CliError(
    `decision needs export, list or record-meeting (got "${action ?? ''}"). See partnership-bot help.`,
    EXIT.usage,
  );
}

async function findDecision(stores: Stores, id: string, slug: string | undefined): Promise<DecisionState> {
  if (UUID.test(id)) {
    const state = await stores.decisions.find({ id });
    if (!state) throw new CliError(`No decision with id ${id}.`);
    return state;
  }
  const partnership = await findPartnershipOrFail(stores, slug!);
  const state = await stores.decisions.find({ partnershipId: partnership.id, number: Number(id) });
  if (!state)
    throw new CliError(
      `${partnership.name} has no Decision ${id}. List them with: partnership-bot decision list --partnership ${partnership.slug}`,
    );
  return state;
}
