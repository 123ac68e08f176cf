// The core's reply model as Block Kit. Every block kind of src/domain/chat/reply.ts has a rendering here;
// nothing is shown that the core did not send. Slack's size limits are met by splitting long text,
// packing long lists into few sections and, as a last resort, cutting the message and saying so.
import type { ActionsBlock, Button as SlackButton, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { Block, Button, CheckItem, Form, Reply, Tone } from '../../../src/domain/chat/reply.ts';
import { LIMITS, escapeMrkdwn as esc, packLines, splitText, truncate } from './text.ts';

export const TONE_EMOJI: Record<Tone, string> = {
  pass: ':white_check_mark:',
  fail: ':exclamation:',
  warn: ':warning:',
  info: ':information_source:',
};

export interface RenderOptions {
  /** 50 for a message, 100 for a modal or the App Home tab */
  maxBlocks: number;
  /** A form shown inside a message becomes a button that opens it (see deliver.ts). */
  formButton: (form: Form) => SlackButton;
}

export interface RenderedMessage {
  /** notification and screen-reader text */
  text: string;
  blocks: KnownBlock[];
}

/** Action ids must be unique within a message: repeats get a `~n` suffix that inbound strips. */
export const ACTION_SUFFIX = /~\d+$/;

const section = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const sections = (text: string): SectionBlock[] => splitText(text, LIMITS.sectionText).map(section);
const context = (text: string): ContextBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

export function slackButton(b: Button): SlackButton {
  return {
    type: 'button',
    action_id: truncate(b.actionId, LIMITS.actionId - 4),
    text: { type: 'plain_text', text: truncate(b.label.trim() || b.actionId, LIMITS.buttonText), emoji: true },
    value: b.value.slice(0, LIMITS.buttonValue),
    ...(b.style ? { style: b.style } : {}),
  };
}

function checkItem(item: CheckItem): string {
  const lines = [`${TONE_EMOJI[item.tone]} *${esc(item.title)}*`, esc(item.text)];
  if (item.fix) lines.push(`*What to do:* ${esc(item.fix)}`);
  for (const d of item.details ?? []) lines.push(`• ${esc(d)}`);
  return lines.join('\n');
}

function actions(buttons: SlackButton[]): ActionsBlock[] {
  const out: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    out.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  return out;
}

/** One core block as Slack blocks; `compact` packs checklist items together to save blocks. */
function renderBlock(b: Block, options: RenderOptions, compact: boolean): KnownBlock[] {
  // Slack refuses empty text objects: an empty block shows nothing, so it is left out
  if ((b.kind === 'heading' || b.kind === 'text' || b.kind === 'note') && !b.text.trim()) return [];
  if ((b.kind === 'list' || b.kind === 'checklist') && b.items.length === 0) return [];
  if ((b.kind === 'facts' && b.facts.length === 0) || (b.kind === 'actions' && b.buttons.length === 0)) return [];
  switch (b.kind) {
    case 'heading':
      return [{ type: 'header', text: { type: 'plain_text', text: truncate(b.text, LIMITS.headerText), emoji: true } }];
    case 'text':
      return sections(esc(b.text));
    case 'facts': {
      const fields = b.facts.map((f) => ({
        type: 'mrkdwn' as const,
        text: truncate(`*${esc(f.label)}*\n${esc(f.value)}`, LIMITS.field),
      }));
      const out: SectionBlock[] = [];
      for (let i = 0; i < fields.length; i += LIMITS.fields)
        out.push({ type: 'section', fields: fields.slice(i, i + LIMITS.fields) });
      return out;
    }
    case 'checklist':
      return compact
        ? packLines(b.items.map(checkItem), LIMITS.sectionText).map(section)
        : b.items.flatMap((item) => sections(checkItem(item)));
    case 'list':
      return packLines(
        b.items.map((i) => `• ${esc(i)}`),
        LIMITS.sectionText,
      ).map(section);
    case 'actions':
      return actions(b.buttons.map(slackButton));
    case 'form':
      return [section(`*${esc(b.form.title)}*`), ...actions([options.formButton(b.form)])];
    case 'note':
      return splitText(esc(b.text), LIMITS.sectionText).map(context);
    case 'divider':
      return [{ type: 'divider' }];
  }
}

function uniqueActionIds(blocks: KnownBlock[]): KnownBlock[] {
  const seen = new Map<string, number>();
  for (const block of blocks) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements) {
      if (!('action_id' in element) || !element.action_id) continue;
      const n = (seen.get(element.action_id) ?? 0) + 1;
      seen.set(element.action_id, n);
      if (n > 1) element.action_id = `${element.action_id}~${n}`;
    }
  }
  return blocks;
}

export function renderBlocks(blocks: Block[], options: RenderOptions): KnownBlock[] {
  let out = blocks.flatMap((b) => renderBlock(b, options, false));
  if (out.length > options.maxBlocks) out = blocks.flatMap((b) => renderBlock(b, options, true));
  if (out.length > options.maxBlocks) {
    const kept = out.slice(0, options.maxBlocks - 1);
    const left = out.length - kept.length;
    kept.push(
      context(
        `_${left} more ${left === 1 ? 'part' : 'parts'} of this reply did not fit: Slack shows at most ${options.maxBlocks} blocks at once._`,
      ),
    );
    out = kept;
  }
  return uniqueActionIds(out);
}

export function renderMessage(
  reply: Reply,
  options: Omit<RenderOptions, 'maxBlocks'> & { maxBlocks?: number },
): RenderedMessage {
  const text = truncate(esc(reply.summary), LIMITS.fallbackText);
  const blocks = renderBlocks(reply.blocks, { maxBlocks: LIMITS.messageBlocks, ...options });
  // a message needs something to show: the summary stands in when no block had content
  return { text, blocks: blocks.length || !text.trim() ? blocks : [section(text)] };
}
