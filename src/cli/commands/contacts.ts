import { parseArgs } from 'node:util';
import { exportContactLog } from '../../services/contact-log';
import type { ServiceDeps } from '../../services/deps';
import { checkRecordRange } from '../../services/introduction-record';

export const CONTACTS_USAGE = 'Usage: npm run cli -- contacts [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]';

export interface ContactsCommand {
  from?: string;
  to?: string;
  /** Where to write the CSV; standard output when absent. */
  out?: string;
}

/** The command, or the one line telling the organizer what is wrong with the arguments (as `audit`'s). */
export function parseContactsArgs(args: string[]): ContactsCommand | { error: string } {
  let values: { from?: string; to?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
    }));
  } catch {
    return { error: CONTACTS_USAGE };
  }
  const { from, to, out } = values;
  const problem = checkRecordRange({ from, to });
  if (problem === 'bad_date') {
    const [option, value] = from !== undefined && checkRecordRange({ from }) ? ['--from', from] : ['--to', to];
    return { error: `${option} must be a date written YYYY-MM-DD, e.g. 2026-04-01 (got "${value}")` };
  }
  if (problem === 'bad_range') return { error: `--from (${from}) is after --to (${to})` };
  if (out === '') return { error: CONTACTS_USAGE };
  return { from, to, out };
}

/** The contact log as CSV, recorded in the audit trail as exported by the command line. */
export async function runContacts(deps: ServiceDeps, command: ContactsCommand): Promise<{ csv: string; count: number }> {
  return exportContactLog(deps, { from: command.from, to: command.to, by: { commandLine: true } });
}
