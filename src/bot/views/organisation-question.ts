// "Did you mean …?" when a decision is put: the creation form again, as it was filled in, with one
// question for each organisation name close to a known one. On Slack it replaces the modal in
// place; on Teams and the playground it comes back as the form. Nothing is open yet.
import type { Field, Reply } from '../../domain/chat/reply.ts';
import type { Linked } from '../../services/organisations.ts';
import {
  QUESTION_FIELDS,
  differentAnswer,
  sameAnswer,
  type OrganisationsToConfirm,
} from '../../services/decisions/confirm-organisations.ts';
import { createForm } from './decision-create-form.ts';

const quoted = (name: string) => `“${name}”`;
const orList = (names: string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
/** Slack cuts an option's text at 75 characters. */
const option = (value: string, label: string) => ({
  value,
  label: label.length > 75 ? `${label.slice(0, 74)}…` : label,
});

export function organisationQuestionReply(ask: OrganisationsToConfirm, values: Record<string, string>): Reply {
  const form = createForm(values, ask.channelId);
  const questions: Field[] = ask.questions.map((q, i) => ({
    id: QUESTION_FIELDS[i]!,
    label: `Is ${quoted(q.typed)}`.slice(0, 150),
    type: 'select',
    required: true,
    options: [
      ...q.suggestions.map((s) => option(sameAnswer(q.typed, s), `the same as ${quoted(s)}`)),
      option(differentAnswer(q.typed), 'a different organisation'),
    ],
    ...(q.answer ? { initial: q.answer } : {}),
  }));
  const close = ask.questions.map((q) => `${quoted(q.typed)} is close to ${orList(q.suggestions.map(quoted))}`);
  const same = ask.mayLink
    ? '“The same as” links the two names for the partnership, so every check from now on treats them as one (an officer can separate them again with `/partnership organisations`).'
    : '“The same as” puts the known name in the decision.';
  const lead = `Before the vote opens: ${close.join('; ')}. Is each the same organisation, or a different one?`;
  return {
    summary: lead,
    blocks: [
      { kind: 'text', text: lead },
      {
        kind: 'text',
        text: `Conflicts of interest are checked against the names the partnership knows, so a near-miss could leave someone voting who should step back, and a wrong guess could treat two organisations as one. ${same} Nothing is open yet and nobody has been recused.`,
      },
      { kind: 'form', form: { ...form, submitLabel: 'Start the vote', fields: [...form.fields, ...questions] } },
    ],
    visibility: 'private',
  };
}

/** Said with the decision's answer when names were linked before it opened. */
export function linkedReply(linked: Linked[]): Reply {
  const lines = linked.map((l) =>
    l.changed
      ? `${quoted(l.alias)} is now another name for ${quoted(l.name)}: every conflict check treats them as one organisation.`
      : `${quoted(l.alias)} was already another name for ${quoted(l.name)}.`,
  );
  const text = `${lines.join(' ')} An officer can separate them again with \`/partnership organisations\`.`;
  return { summary: text, blocks: [{ kind: 'text', text }], visibility: 'private' };
}
