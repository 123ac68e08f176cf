// partnership-bot review export --partnership SLUG --year YYYY --format csv|md [--out DIR]
// The review as submitted (or, for the current year, as it stands), for the rep to send to Local Trust.
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../../src/domain/review/export.ts';
import { systemClock, type Clock } from '../../../src/services/ports/index.ts';
import { reviewFile } from '../../../src/services/review/export.ts';
import { reviewRefusalText } from '../../../src/bot/views/review-refusals.ts';
import { CliError, EXIT, findPartnershipOrFail, withStores, type CliIo } from '../io.ts';
import type { Flags } from '../flags.ts';

export async function reviewCommand(
  io: CliIo,
  flags: Flags,
  positionals: string[],
  clock: Clock = systemClock,
): Promise<number> {
  const [action, ...extra] = positionals;
  if (action !== 'export')
    throw new CliError(
      `review needs export (got "${action ?? ''}"): partnership-bot review export --partnership SLUG --year YYYY --format csv|md`,
      EXIT.usage,
    );
  if (extra.length)
    throw new CliError(`review export takes no extra words; unexpected: ${extra.join(' ')}`, EXIT.usage);
  const slug = flags.partnership;
  if (!slug) throw new CliError('--partnership SLUG is required (a short name such as northfield).', EXIT.usage);
  const year = parseYear(flags.year, clock.now());
  const format = (flags.format ?? 'md') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format))
    throw new CliError(`--format must be md or csv (got "${flags.format}").`, EXIT.usage);
  return withStores(io, async (stores) => {
    const partnership = await findPartnershipOrFail(stores, slug);
    const roster = await stores.rosters.loadRoster(partnership.id);
    const result = await reviewFile(stores.reviews, roster, year, format, clock.now(), stores.policies);
    if (!result.ok) throw new CliError(reviewRefusalText(result.error, roster.partnership.settings, 'command'));
    const file = result.value;
    if (!flags.out) {
      io.out(file.content);
      return EXIT.ok;
    }
    const dir = isAbsolute(flags.out) ? flags.out : resolve(io.cwd, flags.out);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, file.filename), file.content);
    } catch (error) {
      throw new CliError(`Cannot write to ${flags.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    }
    io.err(
      `Wrote ${file.filename} to ${flags.out} (${file.submittedOn ? `as submitted on ${file.submittedOn}` : 'as it stands today'}). It holds members' resident status: keep it to the rep and the chair.\n`,
    );
    return EXIT.ok;
  });
}

function parseYear(text: string | undefined, now: Date): number {
  if (text === undefined)
    throw new CliError('--year YYYY is required, for example --year ' + now.getUTCFullYear() + '.', EXIT.usage);
  if (!/^\d{4}$/.test(text.trim()))
    throw new CliError(`--year must be a four-digit year such as ${now.getUTCFullYear()} (got "${text}").`, EXIT.usage);
  return Number(text.trim());
}
