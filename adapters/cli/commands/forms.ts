// partnership-bot forms list --partnership SLUG [--json]
// partnership-bot forms record --partnership SLUG --name NAME --signed YYYY-MM-DD [--reference TEXT]
// Signed membership forms (docs/rules.md, "Membership forms"): who has none, and recording one,
// audited as made by the command line (no person).
import { membersWithoutForm, validateMembershipForm } from '../../../src/domain/membership-forms.ts';
import { formatProblems } from '../../../src/domain/result.ts';
import { isoDay } from '../../../src/domain/review/calendar.ts';
import { isMember, plural } from '../../../src/domain/roster.ts';
import { findOnRoster } from '../../../src/services/register.ts';
import { CliError, EXIT, findPartnershipOrFail, requireSlug, withStores, type CliIo } from '../io.ts';
import type { Flags } from '../flags.ts';

const USAGE =
  'forms needs list or record: partnership-bot forms list --partnership SLUG [--json], forms record --partnership SLUG --name NAME --signed YYYY-MM-DD [--reference TEXT].';

export async function formsCommand(io: CliIo, flags: Flags, positionals: string[]): Promise<number> {
  const [action, ...extra] = positionals;
  if (action !== 'list' && action !== 'record') throw new CliError(USAGE, EXIT.usage);
  if (extra.length)
    throw new CliError(`forms ${action} takes no extra words; unexpected: ${extra.join(' ')}`, EXIT.usage);
  const slug = requireSlug(flags);
  if (action === 'record') {
    if (!flags.name?.trim()) throw new CliError('--name "Full Name" is required (as on the roster).', EXIT.usage);
    if (!flags.signed) throw new CliError('--signed YYYY-MM-DD is required: the day the form was signed.', EXIT.usage);
  }
  return withStores(io, async (stores) => {
    const partnership = await findPartnershipOrFail(stores, slug);
    const roster = await stores.rosters.loadRoster(partnership.id);
    if (action === 'list') {
      const missing = membersWithoutForm(roster);
      const members = roster.people.filter(isMember).length;
      if (flags.json) {
        io.out(`${JSON.stringify({ members, withoutForm: missing.map((p) => p.name) }, null, 2)}\n`);
        return EXIT.ok;
      }
      io.out(
        missing.length
          ? `${missing.length} of ${plural(members, 'member')} of ${partnership.name} ${missing.length === 1 ? 'has' : 'have'} no signed membership form recorded:\n${missing.map((p) => `- ${p.name}\n`).join('')}`
          : `Every member of ${partnership.name} (${members}) has a signed membership form recorded.\n`,
      );
      return EXIT.ok;
    }
    const found = findOnRoster(roster, flags.name ?? '');
    if ('code' in found)
      throw new CliError(
        `Nobody called "${found.name}" is on ${partnership.name}.${found.close.length ? ` Did you mean ${found.close.join(' or ')}?` : ''}`,
      );
    if (!isMember(found)) throw new CliError(`${found.name} is not a member: only members sign a membership form.`);
    const today = isoDay(new Date(), partnership.settings);
    const form = validateMembershipForm({ signedOn: flags.signed ?? '', reference: flags.reference }, today);
    if (!form.ok)
      throw new CliError(
        `Nothing was recorded. ${formatProblems(form.error)
          .replace(/^date signed/gm, '--signed')
          .replace(/^reference/gm, '--reference')}`,
      );
    const saved = await stores.memberships.recordForm(
      { partnershipId: partnership.id, actorId: null, at: new Date() },
      found.id,
      form.value,
    );
    if (!saved) throw new CliError(`${found.name} is no longer on ${partnership.name}; nothing was recorded.`);
    io.out(
      `Recorded: ${found.name}'s membership form, signed ${form.value.signedOn}${form.value.reference ? ` (kept at ${form.value.reference})` : ''}.\n`,
    );
    return EXIT.ok;
  });
}
