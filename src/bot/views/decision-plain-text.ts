// The minutes as plain text, for pasting into an email: the same sections as the Markdown, with
// headings underlined instead of marked with "#", so the two can never say different things.
import type { DecisionRecord } from '../../domain/decisions/record.ts';
import { recordMarkdown } from './decision-minutes.ts';

const underline = (text: string, mark: '=' | '-'): string => `${text}\n${mark.repeat(Math.min(text.length, 72))}`;

export function recordText(r: DecisionRecord): string {
  return recordMarkdown(r)
    .split('\n')
    .map((line) => {
      const heading = /^(#{1,2}) (.*)$/.exec(line);
      if (!heading) return line;
      return underline(heading[2]!, heading[1] === '#' ? '=' : '-');
    })
    .join('\n');
}
