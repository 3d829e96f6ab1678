import type { App } from '@slack/bolt';

const RECORDED = ['command', 'shortcut', 'event', 'action', 'view'] as const;
type Surface = (typeof RECORDED)[number];

/** A constraint as Bolt accepts it: a string, a RegExp, or an object such as `{ callback_id }`. */
function nameOf(constraint: unknown): string {
  if (typeof constraint === 'string') return constraint;
  if (constraint instanceof RegExp) return `regex:${constraint.source}`;
  if (constraint && typeof constraint === 'object') {
    const { callback_id, action_id, type } = constraint as Record<string, unknown>;
    return String(callback_id ?? action_id ?? type ?? JSON.stringify(constraint));
  }
  return String(constraint);
}

/**
 * A stand-in for Bolt's App that only records what listeners are registered for, so the manifest
 * can be compared with the code without a server, a token or a database. Any other App method
 * throws, so a new kind of listener cannot slip past the comparison unnoticed.
 */
export function createRecordingApp(): { app: App; registered: Record<Surface, string[]> } {
  const registered: Record<Surface, string[]> = { command: [], shortcut: [], event: [], action: [], view: [] };
  const app = new Proxy({} as App, {
    get(_target, property) {
      if ((RECORDED as readonly PropertyKey[]).includes(property)) {
        return (constraint: unknown) => registered[property as Surface].push(nameOf(constraint));
      }
      throw new Error(`registration used app.${String(property)}, which the recording app does not record`);
    },
  });
  return { app, registered };
}

/** Dependencies that throw when read: proves registration only builds closures over them. */
export function untouchableDeps<T>(): T {
  return new Proxy({} as object, {
    get(_target, property) {
      throw new Error(`registration read deps.${String(property)}; it should only close over deps`);
    },
  }) as T;
}
