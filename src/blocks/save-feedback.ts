import type { Messages } from '../i18n';
import type { EventChange } from '../services/event-types';
import type { ProfileSaveReport } from '../services/profile-changes';

/**
 * What a member reads in their DM after saving the profile form: saved (or sent for approval),
 * what changed, who can see the profile when that may be news, and a warning when nobody can.
 */
export function profileSavedText({ t, report }: { t: Messages; report: ProfileSaveReport }): string {
  const f = t.saveFeedback;
  const sentForApproval = report.outcome === 'created_pending' || report.outcome === 'resubmitted';
  const lines: string[] = [];
  if (sentForApproval) lines.push(t.profileCommand.submittedForApproval);
  else if (report.changes.length === 0) lines.push(f.profileUnchanged);
  else lines.push(f.profileSaved);
  // A first save changes everything: listing it all would say nothing.
  const isFirst = report.outcome === 'created_pending' || report.outcome === 'created_active';
  if (!isFirst && report.changes.length > 0) lines.push(f.changed(report.changes.map((change) => f.fields[change]).join(t.common.listSeparator)));
  if (report.audience) lines.push((report.pending ? f.audienceOnceApproved : f.audience)[report.audience]);
  if (report.sharedWithNobody) lines.push(f.noConsentWarning);
  return lines.join('\n');
}

/** An event edit's feedback: what the organizer changed, or that nothing did. */
export function eventChangesText({ t, changes }: { t: Messages; changes: readonly EventChange[] }): string {
  if (changes.length === 0) return t.saveFeedback.eventUnchanged;
  return t.saveFeedback.eventChanged(changes.map((change) => t.events.changes[change]).join(t.common.listSeparator));
}

/** After declining an introduction: who is told, and until when the alumnus is not suggested (if set). */
export function introductionDeclinedText(props: {
  t: Messages;
  requester: string;
  withNote: boolean;
  unavailableUntil: string | null;
}): string {
  const f = props.t.saveFeedback;
  const told = props.withNote ? f.introductionDeclinedWithNote(props.requester) : f.introductionDeclined(props.requester);
  return props.unavailableUntil ? `${told}\n${f.unavailableUntil(props.unavailableUntil)}` : told;
}
