// A roster file must be text. A spreadsheet saved as .xlsx, a PDF or a photo renamed to .csv
// would otherwise be "parsed" and its bytes echoed back to the terminal inside error messages.
import type { Problem } from '../../domain/result.ts';

/** Control characters other than tab, line feed, carriage return and form feed. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/**
 * A problem when `text` (decoded as UTF-8) is not a text file: any NUL byte, or more than a few
 * undecodable bytes or control characters (a text file saved in another encoding has a few
 * undecodable letters, never many).
 */
export function notTextProblem(file: string, text: string, format: 'CSV' | 'JSON'): Problem | null {
  if (!text) return null;
  const sample = text.slice(0, 64 * 1024);
  const odd = (sample.match(CONTROL)?.length ?? 0) + (sample.match(/\ufffd/g)?.length ?? 0);
  const binary =
    sample.includes('\u0000') || sample.startsWith('PK\u0003\u0004') || odd > Math.max(8, sample.length / 100);
  if (!binary) return null;
  // UTF-16 (Excel's "Unicode Text"): every other byte is zero.
  const zeros = sample.split(String.fromCharCode(0)).length - 1;
  if (zeros > sample.length / 3)
    return {
      where: file,
      message: `is saved as UTF-16 ("Unicode Text"), not UTF-8. ${format === 'CSV' ? 'In the spreadsheet, choose Save As (or Download) and "CSV UTF-8", then give that file' : 'Save it again as UTF-8 (most editors offer the encoding under Save As)'}.`,
    };
  const save =
    format === 'CSV'
      ? 'In the spreadsheet, choose Save As (or Download) and "CSV UTF-8", then give that file'
      : 'Give the roster as a JSON text file (docs/roster-format.md)';
  return {
    where: file,
    message: `is not a text ${format} file (it holds binary data: perhaps a spreadsheet saved as .xlsx, or another kind of file renamed). ${save}.`,
  };
}

/** Text safe to quote back in a message: control characters shown as "?", at most `max` characters. */
export function printable(text: string, max = 80): string {
  const clean = text.replace(CONTROL, '?').replace(/\ufffd/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
