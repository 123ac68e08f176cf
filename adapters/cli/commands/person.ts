// partnership-bot person export|erase --partnership SLUG --name NAME [--yes]
// Subject access and erasure under UK GDPR (docs/privacy.md).
import { personalData } from '../../persistence/maintenance-store.ts';
import { CliError, EXIT, findPartnershipOrFail, requireSlug, withDatabase, type CliIo } from '../io.ts';
import type { Flags } from '../flags.ts';

export async function personCommand(io: CliIo, flags: Flags, positionals: string[]): Promise<number> {
  const [action, ...extra] = positionals;
  if (action !== 'export' && action !== 'erase')
    throw new CliError(`person needs export or erase (got "${action ?? ''}").`, EXIT.usage);
  if (extra.length)
    throw new CliError(`person ${action} takes no extra words; unexpected: ${extra.join(' ')}`, EXIT.usage);
  const slug = requireSlug(flags);
  const name = flags.name?.trim();
  if (!name) throw new CliError('--name "Full Name" is required (as on the roster).', EXIT.usage);

  return withDatabase(io, async ({ database, stores }) => {
    const partnership = await findPartnershipOrFail(stores, slug);
    const lookup = { partnershipId: partnership.id, name };
    const records = personalData(database);
    if (action === 'export') {
      const data = await records.export(lookup);
      if (!data) throw new CliError(`Nobody called "${name}" is on ${partnership.name} (or they were already erased).`);
      io.out(`${JSON.stringify(data, null, 2)}\n`);
      return EXIT.ok;
    }
    if (!flags.yes) {
      throw new CliError(
        `This permanently erases ${name}'s personal data from ${partnership.name} (decision records are kept, pseudonymised). Run again with --yes to confirm.`,
        EXIT.usage,
      );
    }
    const erased = await records.erase(lookup, null);
    if (!erased) throw new CliError(`Nobody called "${name}" is on ${partnership.name} (or they were already erased).`);
    io.out(`Erased ${name}'s personal data. Decision records now show "${erased.pseudonym}".\n`);
    return EXIT.ok;
  });
}
