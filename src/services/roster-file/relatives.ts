// Relatives who are not on the roster, in a roster file (docs/roster-format.md, "Relatives not on
// the roster"): a name, how they stand to people on the roster, and their financial interests.
//   { "name": "Tom Whitfield", "links": [{ "kind": "spouse", "of": "Sarah Whitfield" }],
//     "interests": [{ "organisation": "Whitfield Accounts Ltd", "kind": "director" }] }
import { z } from 'zod';
import { RELATIONSHIP_KINDS, RELATIVE_INTEREST_KINDS, type Relative } from '../../domain/roster.ts';
import type { Problem } from '../../domain/result.ts';

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const relativesSchema = z
  .array(
    z.strictObject({
      name,
      links: z
        .array(z.strictObject({ kind: z.enum(RELATIONSHIP_KINDS), of: name }))
        .min(1, 'must name at least one person on the roster the relative is linked to')
        .max(50),
      interests: z
        .array(
          z.strictObject({
            organisation: name,
            kind: z.enum(RELATIVE_INTEREST_KINDS),
            detail: z.string().trim().max(500, 'must be at most 500 characters').optional(),
          }),
        )
        .max(50)
        .optional(),
    }),
  )
  .max(10_000);

export type RelativesDocument = z.infer<typeof relativesSchema>;

/**
 * Resolve each relative's links to roster ids (`ids`: lower-case name -> id). A relative must not
 * share a name with someone on the roster: they would be one person recorded twice.
 */
export function parseRelatives(
  entries: RelativesDocument,
  ids: ReadonlyMap<string, string>,
  locate: (path: readonly PropertyKey[]) => string,
  problems: Problem[],
): Relative[] {
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const key = entry.name.toLowerCase();
    if (ids.has(key))
      problems.push({
        where: locate(['relatives', index, 'name']),
        message: `"${entry.name}" is on the roster; record their links under "relationships" instead`,
      });
    else if (seen.has(key))
      problems.push({
        where: locate(['relatives', index, 'name']),
        message: `"${entry.name}" appears twice; list each relative once, with all their links`,
      });
    seen.add(key);
    const links = entry.links.flatMap((link, at) => {
      const personId = ids.get(link.of.toLowerCase());
      if (personId !== undefined) return [{ personId, kind: link.kind }];
      problems.push({
        where: locate(['relatives', index, 'links', at, 'of']),
        message: `"${link.of}" is not on the roster; add them to "people" or correct the name`,
      });
      return [];
    });
    const unique = [...new Map(links.map((l) => [`${l.personId}|${l.kind}`, l])).values()];
    return {
      id: `relative-${index + 1}`,
      name: entry.name,
      links: unique,
      interests: (entry.interests ?? []).map((i) => ({
        organisation: i.organisation,
        kind: i.kind,
        ...(i.detail ? { detail: i.detail } : {}),
      })),
    };
  });
}

/** The inverse of parseRelatives, for export (`names`: id -> name). */
export function relativesDocument(
  relatives: readonly Relative[],
  names: ReadonlyMap<string, string>,
): RelativesDocument {
  return relatives.map((r) => ({
    name: r.name,
    links: r.links.flatMap((l) => {
      const of = names.get(l.personId);
      return of === undefined ? [] : [{ kind: l.kind, of }];
    }),
    ...(r.interests.length
      ? {
          interests: r.interests.map((i) => ({
            organisation: i.organisation,
            kind: i.kind as (typeof RELATIVE_INTEREST_KINDS)[number],
            ...(i.detail ? { detail: i.detail } : {}),
          })),
        }
      : {}),
  }));
}
