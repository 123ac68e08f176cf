// partnership-bot coi --roster FILE | --partnership SLUG --organisation NAME [--organisation NAME ...] [--json]
import { checkConflicts, type CoiResult } from '../../../src/domain/coi.ts';
import { coiReply } from '../../../src/bot/views/coi.ts';
import { replyToText } from '../../../src/bot/views/text.ts';
import { CliError, EXIT, type CliIo } from '../io.ts';
import type { Flags } from '../main.ts';
import { rosterFrom } from './criteria.ts';

export function coiJson(r: CoiResult) {
  return {
    organisation: r.organisations.join('; '),
    organisations: r.organisations,
    mustNotTakePart: r.mustNotTakePart.map(({ person, reasons }) => ({ name: person.name, reasons: reasons.map((x) => ({ kind: x.kind, source: x.source, detail: x.detail })) })),
    declaredAndStaying: r.declaredAndStaying.map(({ person, reasons }) => ({ name: person.name, reasons: reasons.map((x) => ({ kind: x.kind, detail: x.detail })) })),
    eligibleVoters: r.eligibleVoters.map((p) => p.name),
    notEligible: r.notEligible.map((n) => ({ name: n.person.name, why: n.why })),
    quorum: r.quorum,
  };
}

export async function coiCommand(io: CliIo, flags: Flags): Promise<number> {
  const organisations = (flags.organisation ?? []).map((o) => o.trim()).filter(Boolean);
  if (organisations.length === 0) throw new CliError('coi needs --organisation NAME (repeat it for several bidders).', EXIT.usage);
  const { roster } = await rosterFrom(io, flags, 'coi');
  const result = checkConflicts(roster, { organisations, keyDecision: true });
  io.out(flags.json ? `${JSON.stringify(coiJson(result), null, 2)}\n` : replyToText(coiReply(result)));
  return EXIT.ok;
}
