import { parseArgs } from 'node:util';
import { checkRecordRange } from '../../services/introduction-record';

/** The arguments of an export by dates (`audit`, `contacts`). */
export interface ExportCommand {
  from?: string;
  to?: string;
  /** Where to write the CSV; standard output when absent. */
  out?: string;
}

/** `[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]`, or the one line telling what is wrong with them. */
export function parseExportArgs(args: string[], usage: string): ExportCommand | { error: string } {
  let values: { from?: string; to?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
    }));
  } catch {
    return { error: usage };
  }
  const { from, to, out } = values;
  const problem = checkRecordRange({ from, to });
  if (problem === 'bad_date') {
    const [option, value] = from !== undefined && checkRecordRange({ from }) ? ['--from', from] : ['--to', to];
    return { error: `${option} must be a date written YYYY-MM-DD, e.g. 2026-04-01 (got "${value}")` };
  }
  if (problem === 'bad_range') return { error: `--from (${from}) is after --to (${to})` };
  if (out === '') return { error: usage };
  return { from, to, out };
}
