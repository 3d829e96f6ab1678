import { BOT, TEAM } from './ids';
import { assignBlockIds } from './block-check';
import type { Workspace } from './workspace';

type Json = Record<string, any>;

export interface ViewRecord {
  id: string;
  userId: string;
  type: 'modal' | 'home';
  /** The view as the app sent it, with Slack's generated block_ids filled in. */
  definition: Json;
  hash: string;
  rootViewId: string;
  previousViewId: string | null;
  externalId: string;
  /** Field errors (block_id → message) from `response_action: "errors"` or the client's own checks. */
  errors: Record<string, string>;
  /** A banner for the whole modal (e.g. the app did not answer). */
  problem?: string;
}

const MAX_STACK = 3;

/** Modal stacks per user (at most three, as in Slack) and each user's published App Home. */
export function createViewStore(ws: Workspace) {
  const records = new Map<string, ViewRecord>();
  const stacks = new Map<string, string[]>();
  const homes = new Map<string, string>();
  let hashes = 0;

  const newHash = () => `${Math.floor(ws.now() / 1000)}.${(++hashes * 2_246_822_519).toString(36).slice(-8)}`;

  function create(userId: string, definition: Json, previous: ViewRecord | undefined): ViewRecord {
    const id = ws.nextId('V');
    const record: ViewRecord = {
      id,
      userId,
      type: definition.type === 'home' ? 'home' : 'modal',
      definition: { ...definition, blocks: assignBlockIds(definition.blocks, () => ws.nextId('b').toLowerCase()) },
      hash: newHash(),
      rootViewId: previous?.rootViewId ?? id,
      previousViewId: previous?.id ?? null,
      externalId: typeof definition.external_id === 'string' ? definition.external_id : '',
      errors: {},
    };
    records.set(id, record);
    return record;
  }

  /** views.update and response_action "update": same view ID, new content and hash, no errors. */
  function update(record: ViewRecord, definition: Json): ViewRecord {
    record.definition = { ...definition, blocks: assignBlockIds(definition.blocks, () => ws.nextId('b').toLowerCase()) };
    record.hash = newHash();
    record.errors = {};
    record.problem = undefined;
    if (typeof definition.external_id === 'string') record.externalId = definition.external_id;
    ws.changed('views');
    return record;
  }

  const stackOf = (userId: string) => (stacks.get(userId) ?? []).map((id) => records.get(id)!).filter(Boolean);

  return {
    byId: (id: string) => records.get(id),
    byExternalId: (externalId: string) => [...records.values()].find((r) => externalId !== '' && r.externalId === externalId),
    stack: stackOf,
    top: (userId: string): ViewRecord | undefined => stackOf(userId).at(-1),
    home: (userId: string) => {
      const id = homes.get(userId);
      return id ? records.get(id) : undefined;
    },
    isOpen: (record: ViewRecord) =>
      record.type === 'home' ? homes.get(record.userId) === record.id : (stacks.get(record.userId) ?? []).includes(record.id),

    /** views.open: a new modal replaces whatever the user had open. */
    open(userId: string, definition: Json): ViewRecord {
      const record = create(userId, definition, undefined);
      stacks.set(userId, [record.id]);
      ws.changed('views');
      return record;
    },

    push(userId: string, definition: Json): ViewRecord | 'push_limit_reached' | 'not_found' {
      const stack = stacks.get(userId) ?? [];
      if (stack.length === 0) return 'not_found';
      if (stack.length >= MAX_STACK) return 'push_limit_reached';
      const record = create(userId, definition, records.get(stack.at(-1)!));
      stacks.set(userId, [...stack, record.id]);
      ws.changed('views');
      return record;
    },

    update,

    publish(userId: string, definition: Json): ViewRecord {
      const existing = homes.get(userId);
      const record = existing ? records.get(existing) : undefined;
      if (record) return update(record, definition);
      const created = create(userId, definition, undefined);
      homes.set(userId, created.id);
      ws.changed('views');
      return created;
    },

    setErrors(record: ViewRecord, errors: Record<string, string>, problem?: string): void {
      record.errors = errors;
      record.problem = problem;
      ws.changed('views');
    },

    /** Closes the top modal, revealing the one under it. */
    pop(userId: string): void {
      const stack = stacks.get(userId) ?? [];
      stacks.set(userId, stack.slice(0, -1));
      ws.changed('views');
    },

    clear(userId: string): void {
      stacks.set(userId, []);
      ws.changed('views');
    },
  };
}

export type ViewStore = ReturnType<typeof createViewStore>;

/** A view as Slack's API returns it and puts it in payloads. */
export function slackView(record: ViewRecord, state: Json = { values: {} }): Json {
  const d = record.definition;
  return {
    id: record.id,
    team_id: TEAM.id,
    type: record.type,
    ...(d.title ? { title: d.title } : {}),
    ...(d.submit ? { submit: d.submit } : {}),
    ...(d.close ? { close: d.close } : {}),
    blocks: d.blocks ?? [],
    private_metadata: d.private_metadata ?? '',
    callback_id: d.callback_id ?? '',
    state,
    hash: record.hash,
    clear_on_close: d.clear_on_close ?? false,
    notify_on_close: d.notify_on_close ?? false,
    previous_view_id: record.previousViewId,
    root_view_id: record.rootViewId,
    app_id: BOT.appId,
    external_id: record.externalId,
    app_installed_team_id: TEAM.id,
    bot_id: BOT.botId,
  };
}
