// Where a JSON text stops being JSON, as a line and column a person can find in their editor.
// JSON.parse does the parsing; this runs only after it has failed, because V8 names a position
// for some syntax errors ("at position 58") but not for others ("Unexpected token ','").

/** The offset of the first character that breaks the JSON grammar, or -1 if there is none. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stop = (): never => {
    throw new JsonStop(i);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) stop();
      i++;
    }
  };
  const digits = () => {
    const start = i;
    while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++;
    if (i === start) stop();
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const string = () => {
    i++; // the opening quote
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') return void i++;
      if (ch < ' ') stop();
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let n = 0; n < 4; n++) {
            i++;
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) stop();
          }
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) stop();
      }
      i++;
    }
    stop();
  };
  const sequence = (close: string, item: () => void) => {
    i++; // the opening bracket
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] === ',') i++;
      else return literal(close);
    }
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{') {
      return sequence('}', () => {
        space();
        if (text[i] !== '"') stop();
        string();
        space();
        literal(':');
        value();
      });
    }
    if (ch === '[') return sequence(']', value);
    if (ch === '"') return string();
    if (ch === 't' || ch === 'f' || ch === 'n') return literal(ch === 't' ? 'true' : ch === 'f' ? 'false' : 'null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    stop();
  };
  try {
    value();
    space();
    if (i < text.length) stop();
    return -1;
  } catch (error) {
    if (error instanceof JsonStop) return error.offset;
    return -1; // nesting deeper than the stack: no position to offer
  }
}

class JsonStop {
  constructor(readonly offset: number) {}
}

/** " at line 3, column 14" for the first error in `text`, or "" when there is none to point at. */
export function describeJsonErrorPosition(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return '';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}
