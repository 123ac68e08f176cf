// partnership-bot policies [list|set|remove] --partnership SLUG ...
// The local policies register for the operator: list it (text or --json), record or update one
// (checked as in chat, src/domain/policies.ts, and audited with no person: the command line), or
// remove one by name.
import { policyLine } from '../../../src/bot/views/policies.ts';
import { isoDay } from '../../../src/domain/review/calendar.ts';
import { formatProblems } from '../../../src/domain/result.ts';
import { MAX_POLICIES } from '../../../src/domain/policies.ts';
import { savePolicyText } from '../../../src/services/policies/service.ts';
import type { Policy } from '../../../src/domain/policies.ts';
import { CliError, EXIT, findPartnershipOrFail, requireSlug, withStores, type CliIo } from '../io.ts';
import type { Flags } from '../flags.ts';

const USAGE =
  'policies needs list, set or remove: partnership-bot policies list --partnership SLUG [--json]; policies set --partnership SLUG --kind code-of-conduct --adopted 2025-03-01 [--review 2027-03-01] [--name NAME] [--link LINK]; policies remove --partnership SLUG --name NAME.';

const json = (p: Policy) => ({
  kind: p.kind,
  name: p.name,
  adoptedOn: p.adoptedOn,
  reviewOn: p.reviewOn,
  link: p.link,
  updatedAt: p.updatedAt.toISOString(),
});

export async function policiesCommand(io: CliIo, flags: Flags, positionals: string[]): Promise<number> {
  const [action = 'list', ...rest] = positionals;
  if (!['list', 'set', 'remove'].includes(action)) throw new CliError(USAGE, EXIT.usage);
  if (rest.length)
    throw new CliError(`policies ${action} takes no extra words; unexpected: ${rest.join(' ')}`, EXIT.usage);
  const slug = requireSlug(flags);
  if (action === 'set' && (!flags.kind || !flags.adopted))
    throw new CliError(`policies set needs --kind and --adopted. ${USAGE}`, EXIT.usage);
  if (action === 'remove' && !flags.name) throw new CliError(`policies remove needs --name. ${USAGE}`, EXIT.usage);
  return withStores(io, async (stores) => {
    const partnership = await findPartnershipOrFail(stores, slug);
    const change = { partnershipId: partnership.id, actorId: null, at: new Date() };
    if (action === 'set') {
      const saved = await savePolicyText(stores.policies, change, {
        kind: flags.kind ?? '',
        name: flags.name ?? '',
        adoptedOn: flags.adopted ?? '',
        reviewOn: flags.review ?? '',
        link: flags.link ?? '',
      });
      if (!saved.ok) {
        const r = saved.refusal;
        throw new CliError(
          r.code === 'invalid'
            ? `Nothing was saved:\n${formatProblems(r.problems)}`
            : `Nothing was saved: the register holds at most ${MAX_POLICIES} policies; remove one first.`,
          EXIT.input,
        );
      }
      io.out(`${saved.value.created ? 'Recorded' : 'Updated'}: ${saved.value.policy.name}.\n`);
      return EXIT.ok;
    }
    if (action === 'remove') {
      const removed = await stores.policies.remove(change, flags.name ?? '');
      if (!removed)
        throw new CliError(
          `No policy named "${flags.name}" in ${partnership.name}; see partnership-bot policies list --partnership ${slug}.`,
          EXIT.input,
        );
      io.out(`Removed: ${removed.name}.\n`);
      return EXIT.ok;
    }
    const policies = await stores.policies.list(partnership.id);
    const today = isoDay(new Date(), partnership.settings);
    io.out(
      flags.json
        ? `${JSON.stringify({ partnership: { slug, name: partnership.name }, policies: policies.map(json) }, null, 2)}\n`
        : policies.length
          ? `Local policies of ${partnership.name} (${slug}):\n${policies.map((p) => `- ${policyLine(p, today)}`).join('\n')}\n`
          : `No local policies are recorded for ${partnership.name}.\n`,
    );
    return EXIT.ok;
  });
}
