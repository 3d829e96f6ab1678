import type { App } from '@slack/bolt';
import { EVENTS } from '../../slack/ids';
import type { ListenerDeps } from '../deps';
import { handleAppHomeOpened } from './app-home-opened';

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event(EVENTS.appHomeOpened, handleAppHomeOpened(deps));
}
