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
  /** policies set */
  kind?: string | undefined;
  adopted?: string | undefined;
  review?: string | undefined;
  link?: string | undefined;
}

export type CliCommand = (io: CliIo, flags: Flags, positionals: string[]) => Promise<number>;
