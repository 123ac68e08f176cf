// Rows of the roster's tables as the domain sees them, and back: shared by the roster store, the
// review sweep's pages and the stores that read a JSON column (safeJson).
import type { Interest, InterestKind, MembershipForm, Person, PersonKind, Role } from '../../src/domain/roster.ts';
import { parseSettings } from '../../src/domain/settings.ts';
import type { PartnershipRef } from '../../src/services/ports/index.ts';

export type PartnershipRow = { id: string; slug: string; name: string; settings: string };

export const toPartnershipRef = (row: PartnershipRow): PartnershipRef => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  settings: parseSettings(safeJson(row.settings)),
});

export function safeJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type PersonRow = {
  id: string;
  name: string;
  kind: string;
  resident: boolean;
  voting: boolean;
  roles: string;
  ltoRepresentative: boolean;
  councillor: boolean;
  email: string | null;
  /** absent where a query does not read it (the review sweep's page) */
  membershipFormSignedOn?: Date | null;
  membershipFormReference?: string | null;
  interests: { id: string; organisation: string; kind: string; detail: string | null }[];
};

export const toPerson = (row: PersonRow): Person => ({
  id: row.id,
  name: row.name,
  kind: row.kind as PersonKind,
  resident: row.resident,
  voting: row.voting,
  roles: row.roles ? (row.roles.split(',') as Role[]) : [],
  ltoRepresentative: row.ltoRepresentative,
  councillor: row.councillor,
  email: row.email ?? undefined,
  ...(row.membershipFormSignedOn
    ? {
        membershipForm: {
          signedOn: row.membershipFormSignedOn.toISOString().slice(0, 10),
          ...(row.membershipFormReference ? { reference: row.membershipFormReference } : {}),
        },
      }
    : {}),
  interests: row.interests.map((i): Interest => ({
    id: i.id,
    organisation: i.organisation,
    kind: i.kind as InterestKind,
    detail: i.detail ?? undefined,
  })),
});

/** A person's own columns as an import writes them. */
export const personFields = (p: Person) => ({
  name: p.name,
  kind: p.kind,
  resident: p.resident,
  voting: p.voting,
  roles: p.roles.join(','),
  ltoRepresentative: p.ltoRepresentative,
  councillor: p.councillor,
  email: p.email?.toLowerCase() ?? null,
  // a file that gives no form keeps the one recorded in chat
  ...(p.membershipForm ? formFields(p.membershipForm) : {}),
});

/** A signed form as stored: the day at midnight UTC. */
export const formFields = (form: MembershipForm) => ({
  membershipFormSignedOn: new Date(`${form.signedOn}T00:00:00Z`),
  membershipFormReference: form.reference ?? null,
});
