import type { ListenerDeps } from '../deps';
import { guardEvent } from '../shared/guard';
import { publishHome } from '../shared/home';
import { identify } from '../shared/identify';

export function handleAppHomeOpened(deps: ListenerDeps) {
  return guardEvent<'app_home_opened'>(deps, async ({ event, client }) => {
    if (event.tab !== 'home') return;
    // Any account gets a Home: one that takes no part is told why there (see publishHome).
    await publishHome(deps, client, await identify(deps, event.user, { anyAccount: true }));
  });
}
