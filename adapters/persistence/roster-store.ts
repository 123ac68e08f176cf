// The roster in the database. Imports are all or nothing (one transaction); people who leave
// have their membership ended rather than deleted, so past decision records stay true.
import type { Relationship, RelationshipKind, Roster } from '../../src/domain/roster.ts';
import { organisationKey } from '../../src/domain/organisations.ts';
import { parseSettings, type PartnershipSettings } from '../../src/domain/settings.ts';
import type {
  ImportOptions,
  ImportScope,
  ImportSummary,
  PartnershipScope,
  RosterStore,
  SettingsAudit,
} from '../../src/services/ports/index.ts';
import type { Db } from './database.ts';
import type { FastSql } from './fast-sql.ts';
import { deepFreeze } from '../../src/domain/freeze.ts';
import { partnershipsIn } from './scope.ts';
import { VersionedCache } from './versioned-cache.ts';
import { interestsText, linksText, toRelative } from './relative-rows.ts';
import { personFields, safeJson, toPartnershipRef, toPerson, type PartnershipRow } from './person-rows.ts';

export class PrismaRosterStore implements RosterStore {
  /** Rosters change far more rarely than they are read: every click needs one (versioned-cache.ts). */
  private readonly rosters = new VersionedCache<Roster>(256);
  /** settings text -> its parsed, frozen settings (shared by every caller, like the cached rosters) */
  private readonly parsedSettings = new Map<string, PartnershipSettings>();

  constructor(
    private readonly db: Db,
    private readonly sql: FastSql,
  ) {}

  async findPartnership(slug: string) {
    const row = await this.db.partnership.findUnique({ where: { slug } });
    return row ? toPartnershipRef(row) : null;
  }

  /** Every click asks for its partnership: its settings are parsed (and validated) once per text. */
  async getPartnership(id: string) {
    const [row] = await this.sql.all<PartnershipRow>(
      'SELECT "id", "slug", "name", "settings" FROM "Partnership" WHERE "id" = $1',
      [id],
    );
    if (!row) return null;
    let settings = this.parsedSettings.get(row.settings);
    if (!settings) {
      if (this.parsedSettings.size >= 500) this.parsedSettings.clear();
      settings = deepFreeze(parseSettings(safeJson(row.settings)));
      this.parsedSettings.set(row.settings, settings);
    }
    return { id: row.id, slug: row.slug, name: row.name, settings };
  }

  async listPartnerships(scope: PartnershipScope = 'all') {
    return (await this.db.partnership.findMany({ where: partnershipsIn(scope), orderBy: { slug: 'asc' } })).map(
      toPartnershipRef,
    );
  }

  async loadRoster(partnershipId: string): Promise<Roster> {
    const [row] = await this.sql.all<{ rosterVersion: number }>(
      'SELECT "rosterVersion" FROM "Partnership" WHERE "id" = $1',
      [partnershipId],
    );
    if (!row) return this.readRoster(partnershipId); // says the partnership is missing
    const version = String(row.rosterVersion);
    const cached = this.rosters.get(partnershipId, version);
    if (cached) return cached;
    const roster = deepFreeze(await this.readRoster(partnershipId));
    this.rosters.set(partnershipId, version, roster);
    return roster;
  }

  private async readRoster(partnershipId: string): Promise<Roster> {
    const [partnership, people, relationships, organisations, relatives] = await Promise.all([
      this.db.partnership.findUniqueOrThrow({ where: { id: partnershipId } }),
      this.db.person.findMany({
        where: { partnershipId, endedAt: null },
        include: { interests: { orderBy: { createdAt: 'asc' } } },
        orderBy: { createdAt: 'asc' },
      }),
      this.db.relationship.findMany({
        where: { partnershipId, from: { endedAt: null }, to: { endedAt: null } },
        orderBy: { createdAt: 'asc' },
      }),
      this.db.organisation.findMany({
        where: { partnershipId, NOT: { aliases: '[]' } },
        orderBy: { createdAt: 'asc' },
      }),
      this.db.relative.findMany({ where: { partnershipId }, orderBy: { createdAt: 'asc' } }),
    ]);
    const ref = toPartnershipRef(partnership);
    const onRoster = new Set(people.map((p) => p.id));
    // a relative linked only to people who have left is not part of the roster (as their relationships)
    const linked = relatives.flatMap((r) => toRelative(r, onRoster) ?? []);
    return {
      partnership: { id: ref.id, slug: ref.slug, name: ref.name, settings: ref.settings },
      people: people.map(toPerson),
      relationships: relationships.map((r): Relationship => ({
        fromId: r.fromId,
        toId: r.toId,
        kind: r.kind as RelationshipKind,
      })),
      organisationAliases: organisations.map((o) => {
        const aliases = safeJson(o.aliases);
        return [o.name, ...(Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [])];
      }),
      ...(linked.length ? { relatives: linked } : {}),
    };
  }

  /** Without a scope (the demo seed, tests) the roster replaces everything it could list. */
  async importRoster(
    slug: string,
    roster: Roster,
    actorId: string | null = null,
    scope?: ImportScope,
    options: ImportOptions = {},
  ): Promise<ImportSummary> {
    return this.db.$transaction(
      async (tx) => {
        const existingPartnership = await tx.partnership.findUnique({ where: { slug } });
        const settings = JSON.stringify(roster.partnership.settings);
        const settingsBefore = existingPartnership
          ? JSON.stringify(parseSettings(safeJson(existingPartnership.settings)))
          : null;
        // A roster imported into the playground's demo partnership is someone's own from then on
        // (as binding a Slack or Teams channel makes it): the playground leaves it alone.
        const partnership = existingPartnership
          ? await tx.partnership.update({
              where: { id: existingPartnership.id },
              data: { name: roster.partnership.name, settings, ...(options.sandbox ? {} : { sandbox: false }) },
            })
          : await tx.partnership.create({
              data: { slug, name: roster.partnership.name, settings, sandbox: options.sandbox === true },
            });
        const existing = await tx.person.findMany({ where: { partnershipId: partnership.id, erasedAt: null } });
        const byName = new Map(existing.map((p) => [p.name.toLowerCase(), p]));
        const idFor = new Map<string, string>(); // roster id -> database id
        const summary: ImportSummary = {
          partnership: toPartnershipRef(partnership),
          created: !existingPartnership,
          added: [],
          updated: [],
          ended: [],
        };
        const kept = new Set<string>();
        const at = Date.now();
        for (const person of roster.people) {
          const found = byName.get(person.name.toLowerCase());
          const row = found
            ? await tx.person.update({ where: { id: found.id }, data: { ...personFields(person), endedAt: null } })
            : await tx.person.create({ data: { ...personFields(person), partnershipId: partnership.id } });
          (found ? summary.updated : summary.added).push(person.name);
          idFor.set(person.id, row.id);
          kept.add(row.id);
          if (scope && !scope.interestsOf.has(person.id)) continue;
          await tx.interest.deleteMany({ where: { personId: row.id } });
          if (person.interests.length) {
            await tx.interest.createMany({
              data: person.interests.map((i, n) => ({
                // one createMany shares one timestamp: a millisecond apart keeps the file's order on read
                createdAt: new Date(at + n),
                personId: row.id,
                organisation: i.organisation,
                organisationKey: organisationKey(i.organisation),
                kind: i.kind,
                detail: i.detail ?? null,
              })),
            });
          }
        }
        const leaving = existing.filter((p) => !kept.has(p.id) && p.endedAt === null);
        if (leaving.length) {
          await tx.person.updateMany({
            where: { id: { in: leaving.map((p) => p.id) } },
            data: { endedAt: new Date() },
          });
          summary.ended.push(...leaving.map((p) => p.name));
        }
        const replaceRelationships = !scope || scope.relationships;
        if (replaceRelationships) await tx.relationship.deleteMany({ where: { partnershipId: partnership.id } });
        const links = (replaceRelationships ? roster.relationships : []).flatMap((r) => {
          const fromId = idFor.get(r.fromId);
          const toId = idFor.get(r.toId);
          return fromId && toId ? [{ partnershipId: partnership.id, fromId, toId, kind: r.kind }] : [];
        });
        const unique = [...new Map(links.map((l) => [`${l.fromId}|${l.toId}|${l.kind}`, l])).values()];
        // a millisecond apart, so that reading them back in createdAt order gives the file's order on
        // PostgreSQL too (rows with equal times come back in whatever order the table holds them)
        if (unique.length)
          await tx.relationship.createMany({ data: unique.map((l, n) => ({ ...l, createdAt: new Date(at + n) })) });
        // A file that changes settings is audited as a settings change too, with before and after.
        if (settingsBefore !== null && settingsBefore !== JSON.stringify(parseSettings(roster.partnership.settings)))
          await tx.auditEvent.create({
            data: {
              partnershipId: partnership.id,
              actorId,
              action: 'settings.update',
              subjectType: 'roster-file',
              subjectId: partnership.id,
              before: settingsBefore,
              after: settings,
            },
          });
        // relatives not on the roster: replaced when the file lists them (or has no scope), else kept
        const relatives = !scope || scope.relatives === true ? (roster.relatives ?? []) : null;
        if (relatives) {
          await tx.relative.deleteMany({ where: { partnershipId: partnership.id } });
          const rows = relatives.map((r, n) => ({
            createdAt: new Date(at + n), // the file's order, as for relationships
            partnershipId: partnership.id,
            name: r.name,
            links: linksText(
              r.links.flatMap((l) => {
                const personId = idFor.get(l.personId);
                return personId ? [{ personId, kind: l.kind }] : [];
              }),
            ),
            interests: interestsText(r.interests),
          }));
          if (rows.length) await tx.relative.createMany({ data: rows });
        }
        await tx.auditEvent.create({
          data: {
            partnershipId: partnership.id,
            actorId,
            action: 'roster.import',
            subjectType: 'partnership',
            subjectId: partnership.id,
            after: JSON.stringify({
              added: summary.added.length,
              updated: summary.updated.length,
              ended: summary.ended.length,
              relationships: unique.length,
              ...(relatives ? { relatives: relatives.length } : {}),
              // officer make-up breaches the importer was shown and confirmed (--confirm)
              ...(options.acknowledged?.length ? { acknowledged: options.acknowledged } : {}),
            }),
          },
        });
        return summary;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }

  async updateSettings(partnershipId: string, settings: PartnershipSettings, actorId: string | null) {
    await this.db.$transaction(async (tx) => {
      const before = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
      await tx.partnership.update({ where: { id: partnershipId }, data: { settings: JSON.stringify(settings) } });
      await tx.auditEvent.create({
        data: {
          partnershipId,
          actorId,
          action: 'settings.update',
          subjectType: 'partnership',
          subjectId: partnershipId,
          before: before.settings,
          after: JSON.stringify(settings),
        },
      });
    });
  }

  async settingsHistory(partnershipId: string, limit: number): Promise<SettingsAudit[]> {
    const rows = await this.db.auditEvent.findMany({
      where: { partnershipId, action: 'settings.update' },
      orderBy: { at: 'desc' },
      take: limit,
    });
    const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
    const people = actorIds.length
      ? await this.db.person.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
      : [];
    const names = new Map(people.map((p) => [p.id, p.name]));
    return rows.map((r) => ({
      at: r.at,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      action: r.subjectType === 'roster-file' ? 'roster.import' : 'settings.update',
      before: r.before ? parseSettings(safeJson(r.before)) : null,
      after: parseSettings(safeJson(r.after)),
    }));
  }
}
