import { confirmDeclarations } from '../../services/declarations';
import type { ListenerDeps } from '../deps';
import { guardButton } from '../shared/guard';
import { identify } from '../shared/identify';

/** "Confirm as is" in the yearly declarations reminder records the confirmation (staff only, checked again). */
export function handleConfirmDeclarations(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, respond }) => {
    const user = await identify(deps, body.user.id);
    const outcome = await confirmDeclarations(deps.services, body.user.id);
    const d = user.t.declarations.reminder;
    const text = outcome === 'confirmed' ? d.confirmed : outcome === 'not_staff' ? d.notStaff : user.t.profileCard.noProfile;
    await respond({ replace_original: outcome === 'confirmed', text });
  });
}
