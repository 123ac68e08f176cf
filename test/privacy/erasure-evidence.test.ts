// Erasure and the evidence behind conflicts (docs/privacy.md, "Erasure"): a recusal's reasons and
// a meeting record's flagged conflicts quote relationship chains that can run through someone
// else. Erasing that person keeps only the kind of each reason naming them; reasons that do not
// name them stay; the chair's record of the decision still reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { erasePerson } from '../../adapters/persistence/privacy.ts';
import { createDemoDatabase } from '../support/db.ts';
import { DEMO, DM, channel, command, talkTo } from '../support/bot.ts';

describe('erasure and the evidence behind conflicts', () => {
  let db: Awaited<ReturnType<typeof createDemoDatabase>>;
  beforeEach(async () => {
    db = await createDemoDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  const personId = async (name: string) => (await db.database.db.person.findFirstOrThrow({ where: { name } })).id;

  /** Decision 1, put by Sarah; Tom recused because of the chain through her, his spouse. */
  async function decisionWithRecusal() {
    const sarah = await personId('Sarah Whitfield');
    const tom = await personId('Tom Whitfield');
    const reasons = [{ kind: 'indirect-financial', detail: 'Tom Whitfield is Sarah Whitfield’s spouse' }];
    const decision = await db.database.db.decision.create({
      data: {
        partnershipId: db.partnership.id,
        number: 1,
        title: 'Café refit grant',
        kind: 'grant',
        options: '["For","Against","Abstain"]',
        ballot: 'open',
        visibility: 'live',
        rules: '{}',
        closesAt: new Date(),
        createdById: sarah,
        recusals: { create: [{ personId: tom, reasons: JSON.stringify(reasons) }] },
      },
    });
    return { decision, sarah, tom };
  }

  it('erasure takes the person out of the evidence behind others’ recusals and a meeting’s flags; the record still reads', async () => {
    const { decision, sarah, tom } = await decisionWithRecusal();
    const p = db.database.db;
    // Tom's second reason names only him: it stays as it was
    const own = {
      kind: 'direct-financial',
      source: 'register',
      organisation: 'Whitfield Accounts Ltd',
      detail: 'Tom Whitfield: director',
    };
    const recusal = await p.recusal.findFirstOrThrow({ where: { decisionId: decision.id, personId: tom } });
    const reasons = [...(JSON.parse(recusal.reasons) as unknown[]), own];
    await p.recusal.update({ where: { id: recusal.id }, data: { reasons: JSON.stringify(reasons) } });
    const chain = {
      kind: 'indirect-financial',
      source: 'relationship',
      organisation: 'Northfield Community Café Ltd',
      detail: 'Tom Whitfield is Sarah Whitfield’s spouse, café manager',
    };
    const meeting = await p.decision.create({
      data: {
        partnershipId: db.partnership.id,
        number: 2,
        title: 'Café lease',
        kind: 'general',
        options: '["For","Against","Abstain"]',
        ballot: 'open',
        visibility: 'live',
        rules: '{}',
        closesAt: new Date(),
        status: 'closed',
        createdById: sarah,
        meeting: JSON.stringify({
          heldOn: '2026-11-02',
          present: [sarah, tom],
          left: [],
          result: { by: 'consensus' },
          outcome: 'Lease renewed',
          flagged: [{ personId: tom, reasons: [chain, own] }],
        }),
      },
    });

    await erasePerson(p, { partnershipId: db.partnership.id, name: 'Sarah Whitfield' }, null);
    const kept = [{ kind: 'indirect-financial' }, own];
    const stored = await p.recusal.findFirstOrThrow({ where: { decisionId: decision.id, personId: tom } });
    expect(JSON.parse(stored.reasons)).toEqual(kept);
    const flags = JSON.parse((await p.decision.findUniqueOrThrow({ where: { id: meeting.id } })).meeting!) as {
      flagged: unknown;
    };
    expect(flags.flagged).toEqual([{ personId: tom, reasons: kept }]);
    expect(JSON.stringify(await p.recusal.findMany())).not.toContain('Sarah');

    // the chair's record of each decision reads without the erased evidence
    const talk = talkTo(db.stores);
    await talk.ask(DEMO.chair, channel('C-room'), command('setup northfield'));
    for (const n of [1, 2]) {
      const { text } = await talk.ask(DEMO.chair, DM, command(`decision ${n}`));
      expect(text).toContain('Tom Whitfield');
      expect(text).toMatch(/indirect financial interest[^(]/);
      expect(text).not.toMatch(/undefined|Sarah Whitfield/);
    }
  });
});
