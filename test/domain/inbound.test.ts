import { describe, expect, it } from 'vitest';
import { withoutControlCharacters } from '../../src/domain/chat/inbound.ts';

describe('what comes in loses its control characters at the door', () => {
  it('strips NUL and other control characters from a button value, keeping the rest', () => {
    expect(
      withoutControlCharacters({ type: 'action', actionId: 'decision.vote\u0000', value: 'a\u0000b\u001bc' }),
    ).toEqual({ type: 'action', actionId: 'decision.vote', value: 'abc' });
  });

  it('keeps tabs and line breaks in a form, and strips keys, values, lists and context', () => {
    const form = withoutControlCharacters({
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Tea\u0000 urn', detail: 'line one\nline two\tend', organisations: ['A\u0007', 'B'] },
      context: 'ctx\u0000',
    });
    expect(form).toEqual({
      type: 'form',
      formId: 'decision.create',
      values: { title: 'Tea urn', detail: 'line one\nline two\tend', organisations: ['A', 'B'] },
      context: 'ctx',
    });
  });

  it('never turns a "__proto__" field into a prototype', () => {
    const values = JSON.parse('{"__proto__": "x\\u0000", "title": "t"}') as Record<string, string>;
    const form = withoutControlCharacters({ type: 'form', formId: 'f', values });
    if (form.type !== 'form') throw new Error('a form stays a form');
    expect(Object.getPrototypeOf(form.values)).toBe(Object.prototype);
    expect(Object.hasOwn(form.values, '__proto__')).toBe(true);
    expect(form.values['__proto__']).toBe('x');
  });

  it('strips a command and plain text', () => {
    expect(withoutControlCharacters({ type: 'command', text: 'criteria\u0000' })).toEqual({
      type: 'command',
      text: 'criteria',
    });
    expect(withoutControlCharacters({ type: 'text', text: 'are we\u0000 in criteria?' })).toEqual({
      type: 'text',
      text: 'are we in criteria?',
    });
  });
});
