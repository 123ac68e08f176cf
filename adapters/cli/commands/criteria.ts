// partnership-bot criteria --roster FILE | --partnership SLUG [--json]
import { checkCriteria, type CriteriaReport } from '../../../src/domain/criteria/index.ts';
import type { Roster } from '../../../src/domain/roster.ts';
import { criteriaReply } from '../../../src/bot/views/criteria.ts';
import { replyToText } from '../../../src/bot/views/text.ts';
import {
  CliError,
  EXIT,
  findPartnershipOrFail,
  loadRosterFiles,
  requireSlug,
  unwrap,
  withStores,
  type CliIo,
} from '../io.ts';
import type { Flags } from '../flags.ts';

export function criteriaJson(r: CriteriaReport) {
  return {
    inCriteria: r.inCriteria,
    conformsToCoiGuidance: r.conformsToCoiGuidance,
    members: r.members,
    residents: r.residents,
    checks: r.checks.map((c) => ({
      id: c.id,
      status: c.status,
      message: c.message,
      ...(c.fix && c.status !== 'pass' ? { fix: c.fix } : {}),
      ...(c.details.length ? { details: c.details } : {}),
    })),
  };
}

export async function rosterFrom(
  io: CliIo,
  flags: Flags,
  command: string,
): Promise<{ roster: Roster; close?: () => void }> {
  if (flags.roster && flags.partnership)
    throw new CliError(`${command}: give --roster FILE or --partnership SLUG, not both.`, EXIT.usage);
  if (flags.roster)
    return {
      roster: unwrap(
        loadRosterFiles(io, {
          file: flags.roster,
          relationships: flags.relationships,
          interests: flags.interests,
          settings: flags.settings,
          name: flags.name,
        }),
        `${command} could not check it`,
      ).roster,
    };
  if (flags.partnership) {
    const slug = requireSlug(flags);
    return {
      roster: await withStores(io, async (stores) =>
        stores.rosters.loadRoster((await findPartnershipOrFail(stores, slug)).id),
      ),
    };
  }
  throw new CliError(
    `${command} needs --roster FILE (a roster file, no database) or --partnership SLUG (from the database).`,
    EXIT.usage,
  );
}

export async function criteriaCommand(io: CliIo, flags: Flags): Promise<number> {
  const { roster } = await rosterFrom(io, flags, 'criteria');
  const report = checkCriteria(roster);
  // The file or database is the user's own: the offline report includes the details.
  io.out(
    flags.json
      ? `${JSON.stringify(criteriaJson(report), null, 2)}\n`
      : replyToText(criteriaReply(report, { showDetails: true, visibility: 'private' })),
  );
  return EXIT.ok;
}
