// Relatives not on the roster as rows: links and financial interests are JSON text (one table,
// one row per relative, however many people they are linked to). Anything unreadable is dropped
// rather than trusted: a link only ever names a person id and a relationship kind.
import {
  RELATIONSHIP_KINDS,
  RELATIVE_INTEREST_KINDS,
  type Interest,
  type Relative,
  type RelativeLink,
} from '../../src/domain/roster.ts';

export interface RelativeRow {
  id: string;
  name: string;
  links: string;
  interests: string;
}

function parseArray(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && list.includes(v as T);

export function rowLinks(text: string): RelativeLink[] {
  return parseArray(text).flatMap((l) =>
    isRecord(l) && typeof l.personId === 'string' && oneOf(RELATIONSHIP_KINDS, l.kind)
      ? [{ personId: l.personId, kind: l.kind }]
      : [],
  );
}

export function rowInterests(text: string): Interest[] {
  return parseArray(text).flatMap((i) =>
    isRecord(i) && typeof i.organisation === 'string' && oneOf(RELATIVE_INTEREST_KINDS, i.kind)
      ? [{ organisation: i.organisation, kind: i.kind, ...(typeof i.detail === 'string' ? { detail: i.detail } : {}) }]
      : [],
  );
}

/** The relative as the domain sees them, linked only to people in `onRoster` (current members). */
export function toRelative(row: RelativeRow, onRoster: ReadonlySet<string>): Relative | null {
  const links = rowLinks(row.links).filter((l) => onRoster.has(l.personId));
  return links.length ? { id: row.id, name: row.name, links, interests: rowInterests(row.interests) } : null;
}

export const linksText = (links: readonly RelativeLink[]): string =>
  JSON.stringify(links.map((l) => ({ personId: l.personId, kind: l.kind })));

export const interestsText = (interests: readonly Interest[]): string =>
  JSON.stringify(
    interests.map((i) => ({ organisation: i.organisation, kind: i.kind, ...(i.detail ? { detail: i.detail } : {}) })),
  );
