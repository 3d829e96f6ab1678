import { exportContactLog } from '../../services/contact-log';
import type { ServiceDeps } from '../../services/deps';
import { parseExportArgs, type ExportCommand } from './export-args';

export const CONTACTS_USAGE = 'Usage: npm run cli -- contacts [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]';

export type ContactsCommand = ExportCommand;

/** The command, or the one line telling the organizer what is wrong with the arguments. */
export function parseContactsArgs(args: string[]): ContactsCommand | { error: string } {
  return parseExportArgs(args, CONTACTS_USAGE);
}

/** The contact log as CSV, recorded in the audit trail as exported by the command line. */
export async function runContacts(deps: ServiceDeps, command: ContactsCommand): Promise<{ csv: string; count: number }> {
  return exportContactLog(deps, { from: command.from, to: command.to, by: { commandLine: true } });
}
