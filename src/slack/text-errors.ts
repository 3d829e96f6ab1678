import type { Messages } from '../i18n';
import type { TextFieldProblem } from './parse';

/** Typed fields that cannot be kept, as `response_action: "errors"` wants them, in the user's language. */
export function textErrorsForSlack(problems: TextFieldProblem[], t: Messages): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { blockId, problem } of problems) result[blockId] ??= t.input[problem];
  return result;
}
