// Relationships between people on the roster as replies: always private. Officers and the rep
// see and manage all of them; everyone else sees only the entries they are part of.
import { RELATIONSHIP_LABELS, type RelationshipInput } from '../../domain/register.ts';
import { RELATIONSHIP_KINDS, type Person, type Relative } from '../../domain/roster.ts';
import type { Problem } from '../../domain/result.ts';
import type { StoredRelationship } from '../../services/ports/index.ts';
import type { RelationshipsData } from '../../services/relationships.ts';
import { formAgainReply, personName } from './register.ts';
import type { Block, Button, Form, Reply } from '../../domain/chat/reply.ts';
import { reply } from '../../domain/chat/reply.ts';

/** "Tom Whitfield is Sarah Whitfield’s spouse", or from the viewer's side: "You are Sarah Whitfield’s spouse". */
export function describeRelationship(r: RelationshipInput, nameOf: (id: string) => string, viewerId?: string): string {
  const label = RELATIONSHIP_LABELS[r.kind].replace(/ \(.*\)$/, '');
  if (viewerId === r.fromId) return `You are ${nameOf(r.toId)}’s ${label}.`;
  if (viewerId === r.toId) return `${nameOf(r.fromId)} is your ${label}.`;
  return `${nameOf(r.fromId)} is ${nameOf(r.toId)}’s ${label}.`;
}

export const PAGE = 10;

const WHY =
  'Relationships matter twice: no more than two people from one family or household may be members, and a member whose close relative or friend works for a bidder must not take part in that decision.';

/**
 * "Tom Whitfield (not on the roster) is Sarah Whitfield’s spouse; director of Whitfield Accounts Ltd",
 * or from the viewer's side: "… is your spouse".
 */
export function describeRelative(r: Relative, nameOf: (id: string) => string, viewerId?: string): string {
  const links = r.links
    .filter((l) => viewerId === undefined || l.personId === viewerId)
    .map((l) => {
      const label = RELATIONSHIP_LABELS[l.kind].replace(/ \(.*\)$/, '');
      return viewerId === undefined ? `${nameOf(l.personId)}’s ${label}` : `your ${label}`;
    });
  const interests = r.interests.map((i) => `${i.kind} of ${i.organisation}`);
  return `${r.name} (not on the roster) is ${links.join(' and ')}${interests.length ? `; ${interests.join('; ')}` : ''}.`;
}

/** Relatives not on the roster, when any are recorded (they are changed through the roster file). */
function relativeBlocks(v: RelationshipsData, nameOf: (id: string) => string): Block[] {
  if (v.relatives.length === 0) return [];
  return [
    { kind: 'heading', text: 'Relatives not on the roster' },
    { kind: 'list', items: v.relatives.map((r) => describeRelative(r, nameOf, v.manage ? undefined : v.viewer.id)) },
    {
      kind: 'note',
      text: 'They count for the family checks and for conflicts of interest. Officers and the rep record them in the roster file (`relatives`, see docs/roster-format.md).',
    },
  ];
}

export interface RelationshipsView extends RelationshipsData {
  offset?: number;
  notice?: string;
}

export function relationshipsReply(v: RelationshipsView): Reply {
  const nameOf = personName(v.people);
  const blocks: Block[] = [
    { kind: 'heading', text: v.manage ? 'Relationships on the roster' : 'Your relationships on the roster' },
  ];
  if (v.notice) blocks.push({ kind: 'text', text: v.notice });
  const count = v.entries.length;
  const summary =
    v.notice ??
    (v.manage
      ? `${count === 1 ? '1 relationship is' : `${count} relationships are`} recorded.`
      : `${count === 1 ? '1 relationship includes' : `${count} relationships include`} you.`);
  if (!v.manage) {
    blocks.push(
      count
        ? { kind: 'list', items: v.entries.map((r) => describeRelationship(r, nameOf, v.viewer.id)) }
        : { kind: 'text', text: 'No relationships that include you are recorded.' },
    );
    blocks.push(...relativeBlocks(v, nameOf));
    blocks.push({ kind: 'text', text: WHY });
    blocks.push({
      kind: 'note',
      text: 'The partnership’s officers and the rep record these; ask them if anything is wrong or missing. Only you, they and the other person concerned can see an entry.',
    });
    return reply(summary, blocks, 'private');
  }
  const offset = Math.max(0, Math.min(v.offset ?? 0, Math.max(0, count - 1)));
  if (count === 0) blocks.push({ kind: 'text', text: 'No relationships are recorded yet.' });
  else if (count > PAGE)
    blocks.push({ kind: 'text', text: `Showing ${offset + 1} to ${Math.min(count, offset + PAGE)} of ${count}.` });
  for (const r of v.entries.slice(offset, offset + PAGE)) {
    blocks.push({ kind: 'text', text: describeRelationship(r, nameOf) });
    blocks.push({
      kind: 'actions',
      buttons: [
        { actionId: 'relationships.edit', label: 'Edit', value: r.id },
        { actionId: 'relationships.remove', label: 'Remove', value: r.id, style: 'danger' },
      ],
    });
  }
  const buttons: Button[] = [
    { actionId: 'relationships.add', label: 'Record a relationship', value: 'new', style: 'primary' },
  ];
  if (offset > 0)
    buttons.push({ actionId: 'relationships.page', label: 'Previous', value: String(Math.max(0, offset - PAGE)) });
  if (offset + PAGE < count)
    buttons.push({ actionId: 'relationships.page', label: 'Next', value: String(offset + PAGE) });
  blocks.push({ kind: 'actions', buttons });
  blocks.push(...relativeBlocks(v, nameOf));
  blocks.push({ kind: 'text', text: WHY });
  blocks.push({
    kind: 'note',
    text: 'Private: only the partnership’s officers, the rep and the people concerned can see relationships. They are never shown in a channel.',
  });
  return reply(summary, blocks, 'private');
}

/** The relationship form, filled with `initial` (an entry being edited, or what was chosen). */
function relationshipFormOf(people: readonly Person[], initial: Record<string, string>, existingId?: string): Form {
  const options = [...people]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ value: p.id, label: p.name.slice(0, 75) }));
  const init = (id: string) => (initial[id] ? { initial: initial[id] } : {});
  return {
    id: existingId ? 'relationships.edit' : 'relationships.add',
    title: existingId ? 'Edit a relationship' : 'Record a relationship',
    submitLabel: 'Save',
    ...(existingId ? { context: existingId } : {}),
    fields: [
      { id: 'from', label: 'First person', type: 'select', required: true, options, ...init('from') },
      {
        id: 'kind',
        label: 'is the … of',
        type: 'select',
        required: true,
        options: RELATIONSHIP_KINDS.map((k) => ({ value: k, label: RELATIONSHIP_LABELS[k] })),
        ...init('kind'),
        hint: 'For example: Tom · spouse · Sarah means Tom is Sarah’s spouse.',
      },
      { id: 'to', label: 'Second person', type: 'select', required: true, options, ...init('to') },
    ],
  };
}

export function relationshipForm(people: readonly Person[], existing?: StoredRelationship): Reply {
  const initial: Record<string, string> = existing
    ? { from: existing.fromId, kind: existing.kind, to: existing.toId }
    : {};
  const form = relationshipFormOf(people, initial, existing?.id);
  return reply(form.title, [{ kind: 'form', form }], 'private');
}

export function confirmRemoveRelationship(r: StoredRelationship, people: readonly Person[]): Reply {
  const text = `Remove “${describeRelationship(r, personName(people))}” from the roster?`;
  return reply(
    text,
    [
      { kind: 'text', text },
      {
        kind: 'actions',
        buttons: [
          { actionId: 'relationships.remove.confirm', label: 'Yes, remove it', value: r.id, style: 'danger' },
          { actionId: 'relationships.page', label: 'No, keep it', value: '0' },
        ],
      },
    ],
    'private',
  );
}

/** "Recorded: …", "Updated: …", "Removed: …" */
export const relationshipNotice = (
  verb: 'Recorded' | 'Updated' | 'Removed',
  r: StoredRelationship,
  people: readonly Person[],
): string => `${verb}: ${describeRelationship(r, personName(people))}`;

/** The relationship form back with each problem under its field (an entry already recorded on top), what was chosen kept. */
export const relationshipFormAgain = (
  people: readonly Person[],
  problems: readonly Problem[],
  typed: Record<string, string>,
  existingId?: string,
): Reply =>
  formAgainReply(
    'I couldn’t save that relationship; nothing was changed',
    relationshipFormOf(people, typed, existingId),
    problems,
    // the rule calls the kind “Relationship”; on the form it is the “is the … of” field
    { Relationship: 'kind' },
  );

export const DUPLICATE_RELATIONSHIP: Problem = { where: '', message: 'That relationship is already recorded.' };
