// The values a validator accepts, named as they must be typed, in a sentence (src/domain/choices.ts).
import { expect, it } from 'vitest';
import { chooseOneOf, oneOf } from '../../src/domain/choices.ts';
import { CONCERN_KINDS } from '../../src/domain/concerns.ts';

it('quotes each value and joins the last with "or"', () => {
  expect(oneOf(['a', 'b', 'c'])).toBe('"a", "b" or "c"');
  expect(oneOf(['a', 'b'])).toBe('"a" or "b"');
  expect(oneOf(['only'])).toBe('"only"');
  expect(chooseOneOf(CONCERN_KINDS)).toBe('choose one of "code-of-conduct", "misuse-of-funds" or "other"');
});
