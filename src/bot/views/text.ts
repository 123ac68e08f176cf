// The reply model as plain text: the CLI's output, and a readable form for logs of tests.
import type { Block, Reply, Tone } from '../../domain/chat/reply.ts';

const MARK: Record<Tone, string> = { pass: '[pass]', fail: '[FAIL]', warn: '[warn]', info: '[info]' };

function blockText(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      return ['', b.text.toUpperCase()];
    case 'text':
      return [b.text];
    case 'note':
      return [`(${b.text})`];
    case 'facts':
      return b.facts.map((f) => `${f.label}: ${f.value}`);
    case 'list':
      return b.items.map((i) => `- ${i}`);
    case 'checklist':
      return b.items.flatMap((i) => [
        `${MARK[i.tone]} ${i.title}: ${i.text}`,
        ...(i.fix ? [`       Fix: ${i.fix}`] : []),
        ...(i.details ?? []).map((d) => `       ${d}`),
      ]);
    case 'actions':
      return [];
    case 'form':
      return [`${b.form.title}: ${b.form.fields.map((f) => f.label).join(', ')}`];
    case 'divider':
      return [''];
  }
}

export const replyToText = (r: Reply): string => `${r.blocks.flatMap(blockText).join('\n').trim()}\n`;
