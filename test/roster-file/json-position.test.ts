// Locating a JSON syntax error for the person who has to fix the file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeJsonErrorPosition, jsonErrorOffset } from '../../src/services/roster-file/json-position.ts';

describe('jsonErrorOffset', () => {
  it('finds no error in any valid JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => jsonErrorOffset(text) === -1),
      { numRuns: 300 },
    );
  });

  it('finds an error exactly when JSON.parse fails, at the position V8 names when it names one', () => {
    const corrupt = fc.tuple(
      fc.json(),
      fc.nat(),
      fc.constantFrom(',', '}', ']', '{', '"', ':', 'x', '-', '\n', '\u0001', '\\'),
    );
    fc.assert(
      fc.property(corrupt, ([json, at, ch]) => {
        const i = at % (json.length + 1);
        const text = json.slice(0, i) + ch + json.slice(i);
        let v8: string | null = null;
        try {
          JSON.parse(text);
        } catch (error) {
          v8 = (error as Error).message;
        }
        const offset = jsonErrorOffset(text);
        if (v8 === null) return offset === -1;
        const named = /at position (\d+)/.exec(v8);
        return offset >= 0 && (!named || Number(named[1]) === offset);
      }),
      { numRuns: 500 },
    );
  });

  it('describes the position as a line and column, counted from 1', () => {
    expect(describeJsonErrorPosition('{\n  "a": 1\n  "b": 2\n}')).toBe(' at line 3, column 3');
    expect(describeJsonErrorPosition('[1, 2,]')).toBe(' at line 1, column 7');
    expect(describeJsonErrorPosition('{"a": ')).toBe(' at line 1, column 7');
    expect(describeJsonErrorPosition('{"a": 1}')).toBe('');
  });
});
