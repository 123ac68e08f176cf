// partnership-bot decision record-meeting --partnership SLUG --recorded-by NAME (--file meeting.json | flags) [--confirm]
// A decision taken at a meeting, recorded by the chair or the secretary named with --recorded-by
// (the same permission check as in chat). Anyone with a conflict recorded as voting is printed
// and nothing is saved, unless --confirm says the line-up is as it happened (exit code 1).
import { EventBus } from '../../../src/services/events.ts';
import { recordMeeting } from '../../../src/services/decisions/meeting.ts';
import { systemClock, type Stores } from '../../../src/services/ports/index.ts';
import type { MeetingValues } from '../../../src/domain/decisions/meeting.ts';
import { formatProblems } from '../../../src/domain/result.ts';
import { FLAG_WARNING, flagLines } from '../../../src/bot/views/meeting.ts';
import { silentLogger } from '../../log.ts';
import { CliError, EXIT, findPartnershipOrFail, readText, requireSlug, withStores, type CliIo } from '../io.ts';
import type { Flags } from '../flags.ts';

export const MEETING_USAGE =
  'decision record-meeting needs --partnership SLUG, --recorded-by NAME (the chair or the secretary) and --file meeting.json, or --date, --title, --present NAME ..., --result vote (with --for, --against, --abstain) or consensus, and --outcome. See docs/decisions.md, "Decisions taken at a meeting".';

const words = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(words).filter(Boolean) : typeof v === 'string' ? [v] : [];

/** A declaration in the file: "Name: kind: organisation: detail", or an object with those keys. */
const declarationLine = (v: unknown): string => {
  if (typeof v === 'string') return v;
  const d = (v ?? {}) as Record<string, unknown>;
  return [d.name, d.kind, d.organisation, d.detail].map(words).join(': ');
};

/** The file's fields as the form's values; the core checks every one of them. */
function fromFile(text: string, file: string): { values: MeetingValues; recordedBy: string | undefined } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new CliError(`${file} must hold one JSON object with the meeting's fields (docs/decisions.md).`);
  const m = json as Record<string, unknown>;
  const result = m.result;
  const counts = result && typeof result === 'object' ? (result as Record<string, unknown>) : null;
  const values: MeetingValues = {
    date: words(m.date),
    title: words(m.title),
    kind: words(m.kind),
    organisations: names(m.organisations),
    present: names(m.present),
    left: names(m.left),
    declarations: (Array.isArray(m.declarations) ? m.declarations : []).map(declarationLine).join('\n'),
    result: counts ? 'vote' : words(result),
    for: words(counts?.for ?? m.for),
    against: words(counts?.against ?? m.against),
    abstain: words(counts?.abstain ?? m.abstain),
    outcome: words(m.outcome),
  };
  return { values, recordedBy: words(m.recordedBy) || undefined };
}

function fromFlags(flags: Flags): MeetingValues {
  return {
    date: flags.date,
    title: flags.title,
    kind: flags.kind,
    organisations: flags.organisation ?? [],
    present: flags.present ?? [],
    left: flags.left ?? [],
    declarations: (flags.declaration ?? []).join('\n'),
    result: flags.result,
    for: flags.for,
    against: flags.against,
    abstain: flags.abstain,
    outcome: flags.outcome,
  };
}

export async function recordMeetingCommand(io: CliIo, flags: Flags): Promise<number> {
  const slug = requireSlug(flags);
  const read = flags.file ? fromFile(readText(io, flags.file), flags.file) : { values: fromFlags(flags) };
  const { values } = read;
  const recorder = flags.recordedBy ?? ('recordedBy' in read ? read.recordedBy : undefined);
  if (!recorder) throw new CliError(MEETING_USAGE, EXIT.usage);
  return withStores(io, async (stores) => {
    const partnership = await findPartnershipOrFail(stores, slug);
    const roster = await stores.rosters.loadRoster(partnership.id);
    const person = roster.people.find((p) => p.name.toLowerCase() === recorder.trim().toLowerCase()) ?? null;
    if (!person) throw new CliError(`--recorded-by "${recorder}" is not on the roster of ${partnership.name}.`);
    const recorded = await recordMeeting(
      deps(stores),
      { partnership, roster, person },
      {
        values,
        confirmed: flags.confirm === true,
      },
    );
    if (!recorded.ok) {
      const e = recorded.error;
      if (e.code === 'invalid') throw new CliError(`Nothing was saved:\n${formatProblems(e.problems)}`);
      throw new CliError(
        `${person.name} cannot record a meeting decision: only the chair or the secretary can (the roster says who holds those roles).`,
      );
    }
    const answer = recorded.value;
    if (answer.kind === 'confirm') {
      io.err(
        `${FLAG_WARNING}\n${flagLines(answer.flagged)
          .map((l) => `- ${l}`)
          .join(
            '\n',
          )}\nIf they left the room, add --left NAME (or "left" in the file). If they stayed and voted, run it again with --confirm: the record will show it.\n`,
      );
      return EXIT.input;
    }
    const d = answer.state.decision;
    io.out(
      `Recorded Decision ${d.number} ("${d.title}"), taken at a meeting on ${d.meeting?.heldOn ?? ''}.${answer.flagged.length ? ` ${answer.flagged.length} with a conflict recorded as voting, as confirmed.` : ''}\nExport it: partnership-bot decision export ${d.number} --partnership ${slug} --format md\n`,
    );
    return EXIT.ok;
  });
}

const deps = (stores: Stores) => ({ stores, clock: systemClock, logger: silentLogger, events: new EventBus() });
