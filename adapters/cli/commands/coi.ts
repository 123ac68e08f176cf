// partnership-bot coi --roster FILE | --partnership SLUG --organisation NAME [--organisation NAME ...] [--json]
import { checkConflicts, type CoiResult } from '../../../src/domain/coi.ts';
import { coiReply } from '../../../src/bot/views/coi.ts';
import { replyToText } from '../../../src/bot/views/text.ts';
import { directoryFor, type OrganisationDirectory } from '../../../src/domain/organisation-match.ts';
import { organisationKey } from '../../../src/domain/organisations.ts';
import { describeRole, hasVote, type Roster } from '../../../src/domain/roster.ts';
import { CliError, EXIT, findPartnershipOrFail, withStores, type CliIo } from '../io.ts';
import type { Flags } from '../flags.ts';
import { rosterFrom } from './criteria.ts';

const notTakingPart = ({ person, reasons }: CoiResult['mustNotTakePart'][number]) => ({
  name: person.name,
  role: describeRole(person),
  voting: hasVote(person),
  reasons: reasons.map((x) => ({ kind: x.kind, source: x.source, detail: x.detail })),
});

export function coiJson(r: CoiResult) {
  return {
    organisation: r.organisations.join('; '),
    organisations: r.organisations,
    mustNotTakePart: r.mustNotTakePart.map(notTakingPart),
    /** paid workers and the rep with a conflict: they never vote, and leave the discussion too */
    othersNotTakingPart: r.othersNotTakingPart.map(notTakingPart),
    declaredAndStaying: r.declaredAndStaying.map(({ person, reasons }) => ({
      name: person.name,
      reasons: reasons.map((x) => ({ kind: x.kind, detail: x.detail })),
    })),
    eligibleVoters: r.eligibleVoters.map((p) => p.name),
    notEligible: r.notEligible.map((n) => ({ name: n.person.name, why: n.why })),
    quorum: r.quorum,
  };
}

export async function coiCommand(io: CliIo, flags: Flags): Promise<number> {
  const organisations = (flags.organisation ?? []).map((o) => o.trim()).filter(Boolean);
  if (organisations.length === 0)
    throw new CliError('coi needs --organisation NAME (repeat it for several bidders).', EXIT.usage);
  const { roster, directory } = await rosterAndOrganisations(io, flags);
  const result = checkConflicts(roster, { organisations, keyDecision: true, aliases: directory.aliasGroups() });
  const notes = organisations.flatMap((name) => nameNotes(directory, name));
  io.out(
    flags.json
      ? `${JSON.stringify({ ...coiJson(result), notes }, null, 2)}\n`
      : replyToText(coiReply(result, { notes })),
  );
  return EXIT.ok;
}

/** A stored partnership brings its known organisations and aliases; a roster file has only its register. */
async function rosterAndOrganisations(
  io: CliIo,
  flags: Flags,
): Promise<{ roster: Roster; directory: OrganisationDirectory }> {
  if (flags.partnership && !flags.roster) {
    const slug = flags.partnership;
    return withStores(io, async (stores) => {
      const partnership = await findPartnershipOrFail(stores, slug);
      const [roster, known] = await Promise.all([
        stores.rosters.loadRoster(partnership.id),
        stores.register.organisations(partnership.id),
      ]);
      return { roster, directory: directoryFor(roster, known) };
    });
  }
  const { roster } = await rosterFrom(io, flags, 'coi');
  return { roster, directory: directoryFor(roster, []) };
}

/** The CLI cannot ask "did you mean …?": it checks the name as typed and says what was close. */
function nameNotes(directory: OrganisationDirectory, name: string): string[] {
  const known = directory.find(name);
  if (known)
    return organisationKey(known.name) === organisationKey(name)
      ? []
      : [`"${name}" is known as "${known.name}": both names are checked.`];
  const close = directory.suggest(name);
  return [
    close.length
      ? `"${name}" is not a known name; checked as typed. Did you mean ${close.map((c) => `"${c}"`).join(' or ')}? Run the check again with that name.`
      : `Nobody's register of interests mentions "${name}" or a name known for it.`,
  ];
}
