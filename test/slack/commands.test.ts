// Every /partnership subcommand through the real server, Bolt and the core, answered on a fake
// Slack API: ephemeral answers via response_url, channel answers in_channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, USERS, bind, command, lastResponse, settle, shown, startSlack, type SlackTest } from './support.ts';

let t: SlackTest;
beforeAll(async () => {
  t = await startSlack();
});
afterAll(() => t.close());

async function ask(text: string, o: Parameters<typeof command>[2] = {}) {
  const { res, responsePath } = await command(t, text, o);
  expect(res.status).toBe(200);
  await settle(t.app);
  const answer = lastResponse(t, responsePath);
  expect(answer, `no response_url answer to "${text}"`).toBeDefined();
  return { answer: answer!, text: shown(answer) };
}

describe('slash command /partnership', () => {
  it('alone shows help, privately, even in a channel not linked to a partnership', async () => {
    const { answer, text } = await ask('', { channel: 'C0UNBOUND' });
    expect(answer.args.response_type).toBe('ephemeral');
    expect(text).toContain('partnership-bot: governance help');
    expect(text).toContain('/partnership criteria');
    const blocks = answer.args.blocks as { type: string }[];
    expect(blocks[0]!.type).toBe('header');
    expect(blocks.some((b) => b.type === 'actions')).toBe(true);
  });

  it('help lists the commands', async () => {
    const { text } = await ask('help', { channel: 'C0UNBOUND' });
    for (const name of ['criteria', 'roster', 'coi', 'setup', 'link', 'privacy', 'help'])
      expect(text).toContain(`/partnership ${name}`);
  });

  it('setup by a member who is not chair or rep is refused', async () => {
    const { text } = await ask('setup northfield', { user: USERS.member, channel: 'C0MEMBERS' });
    expect(text).toContain('Only the chair or the rep can do that.');
    expect(await t.app.stores.directory.findBinding('slack', 'T1', 'C0MEMBERS')).toBeNull();
  });

  it('setup in a direct message says to run it in the channel', async () => {
    const { text } = await ask('setup northfield', { channel: `D${USERS.chair.id}` });
    expect(text).toContain('Run `/partnership setup &lt;partnership&gt;` in the channel you want to link');
  });

  it('setup with an unknown partnership says what to check', async () => {
    const { text } = await ask('setup nowhere-ville');
    expect(text).toContain('I don’t know a partnership called “nowhere-ville”');
  });

  it('setup by the chair links the channel, says so in the channel, and links the roster by email', async () => {
    const { answer, text } = await ask('setup northfield');
    expect(answer.args.response_type).toBe('in_channel');
    expect(text).toContain('This channel is now linked to Northfield Big Local');
    const binding = await t.app.stores.directory.findBinding('slack', 'T1', CHANNEL);
    expect(binding).not.toBeNull();
    // people the fake Slack knows by email are now linked, so the bot can reach them privately
    expect(t.fake.callsTo('users.lookupByEmail').length).toBeGreaterThan(5);
    const rosa = (await t.app.stores.directory.findByEmail('rosa.novak@example.org'))[0]!;
    expect(await t.app.stores.directory.identitiesOf(rosa.personId)).toEqual([
      { platform: 'slack', workspaceId: 'T1', userId: USERS.member.id },
    ]);
    const again = await ask('setup northfield');
    expect(again.text).toContain('already linked to Northfield Big Local');
  });

  it('criteria answers privately with the checklist and what to fix', async () => {
    const { answer, text } = await ask('criteria');
    expect(answer.args.response_type).toBe('ephemeral');
    expect(text).toMatch(/(In criteria|Not in criteria)/);
    expect(text).toContain('In criteria: 11 members');
    expect(text).toMatch(/:white_check_mark:|:x:|:warning:/);
  });

  it('roster lists the people privately (with details for the chair)', async () => {
    const { answer, text } = await ask('roster');
    expect(answer.args.response_type).toBe('ephemeral');
    expect(text).toContain('Who is on Northfield Big Local');
    expect(text).toContain('Margaret Okafor: chair');
    expect(text).toContain('rosa.novak@example.org');
  });

  it('coi names who must not take part', async () => {
    const { answer, text } = await ask('coi Riverside Youth Trust');
    expect(answer.args.response_type).toBe('ephemeral');
    expect(text).toContain('Conflicts of interest: Riverside Youth Trust');
    expect(text).toContain('Priya Patel');
  });

  it('coi without an organisation explains how to use it', async () => {
    const { text } = await ask('coi');
    expect(text).toContain('Which organisation is the decision about?');
  });

  it('coi is refused to an ordinary member', async () => {
    const { text } = await ask('coi Riverside Youth Trust', { user: USERS.member });
    expect(text).toContain('Only the chair, the vice-chair, the secretary or the rep can do that.');
  });

  it('link @user Name links a Slack account to a person on the roster', async () => {
    const before = await ask('criteria', { user: USERS.stranger });
    expect(before.text).toContain('I don’t know who you are yet');
    const { text } = await ask(`link <@${USERS.stranger.id}|stranger> Kwame Mensah`);
    expect(text).toContain('Linked: that account is now Kwame Mensah on Northfield Big Local.');
    const after = await ask('criteria', { user: USERS.stranger });
    expect(after.text).toContain('In criteria: 11 members');
  });

  it('link with a name not on the roster suggests a check', async () => {
    const { text } = await ask(`link <@${USERS.stranger.id}|stranger> Nobody Atall`);
    expect(text).toContain('“Nobody Atall” is not on the roster.');
  });

  it('an unknown subcommand lists the real ones', async () => {
    const { text } = await ask('frobnicate');
    expect(text).toContain('I don’t know the command “frobnicate”');
  });

  it('works in a direct message with the bot, from the person’s own link', async () => {
    const { answer, text } = await ask('criteria', { user: USERS.member, channel: `D${USERS.member.id}` });
    expect(answer.args.response_type).toBe('ephemeral');
    expect(text).toContain('In criteria: 11 members');
  });

  it('someone Slack did not know at setup is linked the first time they talk, by their Slack email', async () => {
    const david = (await t.app.stores.directory.findByEmail('david.hughes@example.org'))[0]!;
    expect(await t.app.stores.directory.identitiesOf(david.personId)).toEqual([]);
    // David joins the workspace after the channel was set up
    t.fake.users.push({ id: 'UDAVID', teamId: 'T1', email: 'david.hughes@example.org', name: 'David' });
    const { text } = await ask('roster', { user: { id: 'UDAVID', teamId: 'T1' }, channel: 'DUDAVID' });
    expect(text).toContain('Who is on Northfield Big Local');
    expect(await t.app.stores.directory.identitiesOf(david.personId)).toEqual([
      { platform: 'slack', workspaceId: 'T1', userId: 'UDAVID' },
    ]);
  });

  it('acknowledges with an empty 200 before the answer is sent', async () => {
    await bind(t);
    const { res } = await command(t, 'criteria');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await settle(t.app);
  });
});
