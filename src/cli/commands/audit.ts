import { parseArgs } from 'node:util';
import type { ServiceDeps } from '../../services/deps';
import { checkRecordRange, exportIntroductionRecord } from '../../services/introduction-record';

export const AUDIT_USAGE = 'Usage: npm run cli -- audit [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]';

export interface AuditCommand {
  from?: string;
  to?: string;
  /** Where to write the CSV; standard output when absent. */
  out?: string;
}

/** The command, or the one line telling the organizer what is wrong with the arguments. */
export function parseAuditArgs(args: string[]): AuditCommand | { error: string } {
  let values: { from?: string; to?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
    }));
  } catch {
    return { error: AUDIT_USAGE };
  }
  const { from, to, out } = values;
  const problem = checkRecordRange({ from, to });
  if (problem === 'bad_date') {
    const [option, value] = from !== undefined && checkRecordRange({ from }) ? ['--from', from] : ['--to', to];
    return { error: `${option} must be a date written YYYY-MM-DD, e.g. 2026-04-01 (got "${value}")` };
  }
  if (problem === 'bad_range') return { error: `--from (${from}) is after --to (${to})` };
  if (out === '') return { error: AUDIT_USAGE };
  return { from, to, out };
}

/** The introduction record as CSV, recorded in the audit trail as exported by the command line. */
export async function runAudit(deps: ServiceDeps, command: AuditCommand): Promise<{ csv: string; count: number }> {
  return exportIntroductionRecord(deps, { from: command.from, to: command.to, actor: 'cli' });
}
