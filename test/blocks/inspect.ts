import type { AnyBlock, Button, InputBlock, KnownBlock, ModalView } from '@slack/types';

/** Read-only finders over built Block Kit, so builder tests say what a user sees, not where it sits. */

type Json = Record<string, unknown>;

/** Every object in a tree, depth first: blocks, elements, text and option objects. */
export function objectsIn(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Json, ...Object.values(value).flatMap(objectsIn)];
}

/** The text of every mrkdwn text object: what Slack parses for links, mentions and entities. */
export function mrkdwnTexts(value: unknown): string[] {
  return objectsIn(value).flatMap((node) => (node.type === 'mrkdwn' && typeof node.text === 'string' ? [node.text] : []));
}

/** The text of every text object, plain or mrkdwn, joined: everything a reader can see. */
export function visibleText(value: unknown): string {
  return objectsIn(value)
    .flatMap((node) => ((node.type === 'mrkdwn' || node.type === 'plain_text') && typeof node.text === 'string' ? [node.text] : []))
    .join('\n');
}

export function buttonsIn(value: unknown): Button[] {
  return objectsIn(value).filter((node) => node.type === 'button') as unknown as Button[];
}

/** The element of the modal's input block with this block_id (throws if there is none). */
export function inputElement(view: ModalView, blockId: string): Json {
  const block = view.blocks.find((candidate): candidate is InputBlock => candidate.type === 'input' && candidate.block_id === blockId);
  if (!block) throw new Error(`no input block ${blockId}`);
  return block.element as unknown as Json;
}

/** The values of an element's initial_option(s), in order; [] when nothing is preselected. */
export function initialValues(element: Json): unknown[] {
  const chosen = element.initial_options ?? (element.initial_option === undefined ? [] : [element.initial_option]);
  return (chosen as Json[]).map((option) => option.value);
}

export function blocksOfType<T extends KnownBlock['type']>(blocks: readonly AnyBlock[], type: T): Extract<KnownBlock, { type: T }>[] {
  return blocks.filter((block) => block.type === type) as Extract<KnownBlock, { type: T }>[];
}
