// Hostile and random input thrown at the parsers and the conversation layer: never a crash,
// never a stack trace in a reply, always a clear refusal or a real answer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/bot/bot.ts';
import { replyText } from '../../src/domain/chat/reply.ts';
import { Kinship } from '../../src/domain/kinship.ts';
import { organisationKey } from '../../src/domain/organisations.ts';
import { RELATIONSHIP_KINDS, type Person } from '../../src/domain/roster.ts';
import { parseRosterCsv } from '../../src/services/roster-file/csv.ts';
import { parseRosterJson, parseRosterDocument, locateInJson } from '../../src/services/roster-file/document.ts';
import { silentLogger } from '../../adapters/log.ts';
import { systemClock } from '../../src/services/ports/index.ts';
import { createDemoDatabase } from '../support/db.ts';

const STACK = /\n\s+at \S+ \(|TypeError|ReferenceError|undefined is not|Cannot read propert/;
const hostileText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '<@U123>',
    '<!channel>',
    '${process.exit()}',
    '../../etc/passwd',
    "'; DROP TABLE Person; --",
    'x'.repeat(50_000),
    '\u202e\u200b',
    '{"__proto__":{"x":1}}',
  ),
);

describe('importers under random input', () => {
  it('JSON: any text gives a roster or problems naming where, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.json()), (text) => {
        const r = parseRosterJson(text, 'roster.json');
        if (!r.ok) for (const p of r.error) expect(p.where).toMatch(/^roster\.json/);
      }),
      { numRuns: 300 },
    );
  });

  it('JSON: structurally plausible documents with random values never throw', () => {
    const person = fc.record(
      {
        name: fc.string({ maxLength: 20 }),
        kind: fc.constantFrom('member', 'paid-worker', 'rep', 'membr', ''),
        resident: fc.oneof(fc.boolean(), fc.string({ maxLength: 3 })),
        voting: fc.boolean(),
        roles: fc.array(fc.constantFrom('chair', 'treasurer', 'king'), { maxLength: 3 }),
        interests: fc.option(
          fc.array(
            fc.record({
              organisation: fc.string({ maxLength: 10 }),
              kind: fc.constantFrom('employee', 'trustee', 'boss'),
            }),
            { maxLength: 2 },
          ),
          { nil: undefined },
        ),
      },
      { requiredKeys: ['name', 'kind'] },
    );
    const doc = fc.record({
      partnership: fc.record({
        name: fc.string({ maxLength: 10 }),
        residentThreshold: fc.option(fc.double(), { nil: undefined }),
      }),
      people: fc.array(person, { maxLength: 12 }),
      relationships: fc.array(
        fc.record({
          between: fc.tuple(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })),
          kind: fc.constantFrom(...RELATIONSHIP_KINDS, 'cousin'),
        }),
        { maxLength: 5 },
      ),
    });
    fc.assert(
      fc.property(doc, (d) => {
        const r = parseRosterDocument(d, locateInJson('r.json'));
        if (r.ok) expect(r.value.roster.people).toHaveLength(d.people.length);
        else expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('CSV: any text gives a roster or problems naming the file, never an exception', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('yes', 'no', 'member', 'chair', '"', ',', '\n'),
    );
    const csv = fc.oneof(
      hostileText,
      fc
        .array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 })
        .map((rows) => ['name,kind,resident,voting,roles', ...rows.map((r) => r.join(','))].join('\n')),
    );
    fc.assert(
      fc.property(csv, csv, (people, relationships) => {
        const r = parseRosterCsv({
          partnershipName: 'P',
          people: { file: 'people.csv', text: people },
          relationships: { file: 'rel.csv', text: relationships },
        });
        if (!r.ok) for (const p of r.error) expect(p.where).toMatch(/^(people|rel)\.csv/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('organisation names', () => {
  it('normalising is idempotent and ignores case, accents and punctuation', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        fc.pre(/[a-z0-9]/i.test(name.replace(/^\s*the\b/i, '')));
        const key = organisationKey(name);
        expect(organisationKey(key)).toBe(key);
        expect(organisationKey(name.toUpperCase())).toBe(organisationKey(name.toLowerCase()));
        expect(organisationKey(`The ${name}.`)).toBe(organisationKey(name.replace(/^\s*the\s+/i, '')));
      }),
      // "A.A" once keyed differently from "The A.A." (initials without their last full stop).
      { numRuns: 500, examples: [['A.A'], ['c.i.c'], ['x.y. z']] },
    );
  });
});

describe('kinship under random graphs', () => {
  it('a family chain exists exactly when two people are related, and every step is a real link', () => {
    const graph = fc.array(fc.record({ a: fc.nat(9), b: fc.nat(9), kind: fc.constantFrom(...RELATIONSHIP_KINDS) }), {
      maxLength: 20,
    });
    fc.assert(
      fc.property(graph, fc.nat(9), fc.nat(9), (links, x, y) => {
        const people: Person[] = Array.from({ length: 10 }, (_, i) => ({
          id: `p${i}`,
          name: `P${i}`,
          kind: 'member',
          resident: true,
          voting: true,
          roles: [],
          ltoRepresentative: false,
          councillor: false,
          interests: [],
        }));
        const relationships = links
          .filter((l) => l.a !== l.b)
          .map((l) => ({ fromId: `p${l.a}`, toId: `p${l.b}`, kind: l.kind }));
        const k = new Kinship(people, relationships);
        const chain = k.chain(`p${x}`, `p${y}`, 'family');
        if (x === y) return;
        expect(chain !== null).toBe(k.related(`p${x}`, `p${y}`));
        for (const step of chain ?? []) {
          expect(
            relationships.some(
              (r) => (r.fromId === step.from && r.toId === step.to) || (r.fromId === step.to && r.toId === step.from),
            ),
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the conversation layer under hostile input', () => {
  let db: Awaited<ReturnType<typeof createDemoDatabase>>;
  let bot: Bot;
  beforeAll(async () => {
    db = await createDemoDatabase();
    bot = createBot({ stores: db.stores, clock: systemClock, logger: silentLogger });
  });
  afterAll(async () => {
    await db.close();
  });

  const speakers = fc.constantFrom(
    { userId: 'chair', workspaceId: 'local', email: 'margaret.okafor@example.org' },
    { userId: 'worker', workspaceId: 'local', email: 'jo.brooks@example.org' },
    { userId: 'stranger', workspaceId: 'local' },
  );
  const inbound = fc.oneof(
    hostileText.map((text) => ({ type: 'text' as const, text })),
    hostileText.map((text) => ({ type: 'command' as const, text })),
    fc.record({
      type: fc.constant('action' as const),
      actionId: fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('criteria.details', 'run.criteria', 'run.nothing', 'run.', '__proto__', 'constructor'),
      ),
      value: hostileText,
    }),
    fc.record({
      type: fc.constant('form' as const),
      formId: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('__proto__', 'toString')),
      values: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 })),
    }),
  );

  it('always answers with a clear reply and never leaks a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(
        speakers,
        inbound,
        fc.constantFrom('direct', 'channel') as fc.Arbitrary<'direct' | 'channel'>,
        async (speaker, message, kind) => {
          const replies = await bot.handle({
            conversation: { platform: 'web', workspaceId: 'local', channelId: 'c1', kind },
            speaker,
            inbound: message,
          });
          expect(replies.length).toBeGreaterThan(0);
          for (const r of replies) {
            expect(r.summary.trim().length).toBeGreaterThan(0);
            expect(replyText(r)).not.toMatch(STACK);
            expect(replyText(r).length).toBeLessThan(20_000);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
