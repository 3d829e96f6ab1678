import type { ServiceDeps } from '../../services/deps';
import { exportIntroductionRecord } from '../../services/introduction-record';
import { parseExportArgs, type ExportCommand } from './export-args';

export const AUDIT_USAGE = 'Usage: npm run cli -- audit [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]';

export type AuditCommand = ExportCommand;

/** The command, or the one line telling the organizer what is wrong with the arguments. */
export function parseAuditArgs(args: string[]): AuditCommand | { error: string } {
  return parseExportArgs(args, AUDIT_USAGE);
}

/** The introduction record as CSV, recorded in the audit trail as exported by the command line. */
export async function runAudit(deps: ServiceDeps, command: AuditCommand): Promise<{ csv: string; count: number }> {
  return exportIntroductionRecord(deps, { from: command.from, to: command.to, by: { commandLine: true } });
}
