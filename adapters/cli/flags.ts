// The parsed command line a command receives: its own module, so commands and main.ts do not
// import each other.
import type { CliIo } from './io.ts';

export interface Flags {
  roster?: string | undefined;
  partnership?: string | undefined;
  organisation?: string[] | undefined;
  json?: boolean | undefined;
  format?: string | undefined;
  out?: string | undefined;
  name?: string | undefined;
  relationships?: string | undefined;
  interests?: string | undefined;
  /** settings.csv beside a CSV people file */
  settings?: string | undefined;
  yes?: boolean | undefined;
  /** roster import: show what would change, change nothing */
  dryRun?: boolean | undefined;
  /** roster import: allow a file that ends many memberships (or lists nobody) */
  allowRemovals?: boolean | undefined;
  year?: string | undefined;
  /** roster import and decision record-meeting: go ahead although the checks found something */
  confirm?: boolean | undefined;
  /** forms record: the day the membership form was signed, and where it is kept */
  signed?: string | undefined;
  reference?: string | undefined;
  /** decision record-meeting: a JSON file, or its fields as flags (adapters/cli/commands/meeting.ts) */
  file?: string | undefined;
  recordedBy?: string | undefined;
  date?: string | undefined;
  title?: string | undefined;
  /** decision record-meeting: the decision's kind; policies set: the policy's kind */
  kind?: string | undefined;
  present?: string[] | undefined;
  left?: string[] | undefined;
  declaration?: string[] | undefined;
  result?: string | undefined;
  for?: string | undefined;
  against?: string | undefined;
  abstain?: string | undefined;
  outcome?: string | undefined;
  /** policies set */
  adopted?: string | undefined;
  review?: string | undefined;
  link?: string | undefined;
}

export type CliCommand = (io: CliIo, flags: Flags, positionals: string[]) => Promise<number>;
