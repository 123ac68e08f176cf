// The `partnership-bot` command line. Offline checks of a roster file need no database; the
// database commands honour DATABASE_URL and create or migrate the database on first use.
import { parseArgs } from 'node:util';
import type { CliCommand, Flags } from './flags.ts';
import { CliError, EXIT, type CliIo } from './exit.ts';

export const USAGE = `partnership-bot: governance checks for Big Local partnerships

Offline checks of a roster file (no database):
  partnership-bot criteria --roster FILE [--json]
  partnership-bot coi --roster FILE --organisation NAME [--organisation NAME ...] [--json]

The database (DATABASE_URL, default ./data/partnership-bot.db):
  partnership-bot roster import FILE --partnership SLUG [--name NAME] [--relationships FILE] [--interests FILE]
      [--settings FILE]
      [--dry-run] [--allow-removals] [--confirm]   --dry-run shows what would change and changes nothing;
      a file that lists nobody, or would end more than a third of current memberships, needs
      --allow-removals; officer appointments that break the make-up rules (related officers, a worker
      related to an officer, an LTO representative as officer) are printed and need --confirm.
  partnership-bot roster export --partnership SLUG [--format json|csv] [--out DIR]
  partnership-bot criteria --partnership SLUG [--json]
  partnership-bot coi --partnership SLUG --organisation NAME [--json]
  partnership-bot settings show --partnership SLUG [--json]     every setting, what it means, its default
  partnership-bot settings set --partnership SLUG KEY=VALUE [KEY=VALUE ...]
      for example quorum=6 ltoOrganisation="Northfield Trust"; checked whole, saved once, audited
  partnership-bot settings history --partnership SLUG [--json]  who changed which setting, before and after
  partnership-bot forms list --partnership SLUG      members without a signed membership form
  partnership-bot forms record --partnership SLUG --name NAME --signed YYYY-MM-DD [--reference TEXT]
  partnership-bot policies [list] --partnership SLUG [--json]   the local policies register
  partnership-bot policies set --partnership SLUG --kind KIND [--name NAME] --adopted DATE [--review DATE]
      [--link LINK]   KIND: code-of-conduct, conflicts-of-interest, declaration-of-interest, loyalty, other;
      a policy of the same name is updated; audited
  partnership-bot policies remove --partnership SLUG --name NAME
  partnership-bot decision list --partnership SLUG
  partnership-bot decision export ID --format md|csv|txt [--partnership SLUG]
      ID is the decision's number (with --partnership) or its id; prints the record for the minutes.
  partnership-bot decision record-meeting --partnership SLUG --recorded-by NAME --file meeting.json [--confirm]
  partnership-bot decision record-meeting --partnership SLUG --recorded-by NAME --date 2026-12-03 --title TITLE
      [--kind general|procurement|grant] [--organisation NAME ...] --present NAME [--present NAME ...]
      [--declaration "Name: kind: organisation: detail" ...] [--left NAME ...]
      --result vote --for N --against N --abstain N | --result consensus   --outcome TEXT
      a decision taken at a meeting (docs/decisions.md); anyone with a conflict recorded as voting is
      printed and nothing is saved (exit 1) unless --confirm says it happened that way.

Personal data (UK GDPR, docs/privacy.md):
  partnership-bot person export --partnership SLUG --name NAME     everything held on a person, as JSON
  partnership-bot person erase --partnership SLUG --name NAME --yes
  partnership-bot review export --partnership SLUG --year YYYY [--format md|csv] [--out DIR]

FILE is a JSON roster or a CSV people file (docs/roster-format.md).
Exit codes: 0 done, 1 bad input, 2 bad usage, 3 database or configuration problem.
`;

const OPTIONS = {
  roster: { type: 'string' },
  partnership: { type: 'string' },
  organisation: { type: 'string', multiple: true },
  organization: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  name: { type: 'string' },
  relationships: { type: 'string' },
  interests: { type: 'string' },
  settings: { type: 'string' },
  yes: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'allow-removals': { type: 'boolean' },
  year: { type: 'string' },
  confirm: { type: 'boolean' },
  signed: { type: 'string' },
  reference: { type: 'string' },
  adopted: { type: 'string' },
  review: { type: 'string' },
  link: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  file: { type: 'string' },
  'recorded-by': { type: 'string' },
  date: { type: 'string' },
  title: { type: 'string' },
  kind: { type: 'string' },
  present: { type: 'string', multiple: true },
  left: { type: 'string', multiple: true },
  declaration: { type: 'string', multiple: true },
  result: { type: 'string' },
  for: { type: 'string' },
  against: { type: 'string' },
  abstain: { type: 'string' },
  outcome: { type: 'string' },
} as const;

// Loaded when named, so `--help` and a usage error answer without loading the database client.
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  criteria: async () => (await import('./commands/criteria.ts')).criteriaCommand,
  coi: async () => (await import('./commands/coi.ts')).coiCommand,
  roster: async () => (await import('./commands/roster.ts')).rosterCommand,
  person: async () => (await import('./commands/person.ts')).personCommand,
  decision: async () => (await import('./commands/decision.ts')).decisionCommand,
  review: async () => (await import('./commands/review.ts')).reviewCommand,
  settings: async () => (await import('./commands/settings.ts')).settingsCommand,
  forms: async () => (await import('./commands/forms.ts')).formsCommand,
  policies: async () => (await import('./commands/policies.ts')).policiesCommand,
};

export const defaultIo = (): CliIo => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
});

export async function runCli(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const [name, ...positionals] = parsed.positionals;
  const {
    organization,
    'dry-run': dryRun,
    'allow-removals': allowRemovals,
    'recorded-by': recordedBy,
    ...values
  } = parsed.values;
  const flags: Flags = {
    ...values,
    dryRun,
    allowRemovals,
    recordedBy,
    organisation: [...(values.organisation ?? []), ...(organization ?? [])],
  };
  if (!name || name === 'help' || parsed.values.help) {
    io.out(USAGE);
    return name || parsed.values.help ? EXIT.ok : EXIT.usage;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`Unknown command "${name}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (
    !['roster', 'person', 'decision', 'review', 'settings', 'forms', 'policies'].includes(name) &&
    positionals.length
  ) {
    io.err(`${name} takes no extra words; unexpected: ${positionals.join(' ')}\n`);
    return EXIT.usage;
  }
  try {
    const command = await load();
    return await command(io, flags, positionals);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return error.exitCode;
    }
    io.err(`Unexpected error: ${(error as Error).message}\n`);
    return EXIT.environment;
  }
}
