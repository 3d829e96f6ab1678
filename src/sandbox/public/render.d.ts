// Types for render.js (plain JS, served to the browser as is) so the sandbox's tests can import it.
import type { RenderView } from './mrkdwn.js';
export type { RenderView } from './mrkdwn.js';
export { escapeHtml, renderMrkdwn, renderText } from './mrkdwn.js';
type Json = Record<string, any>;
export function renderElement(block: Json, element: Json, view: RenderView, mode: 'input' | 'action'): string;
export function renderBlock(block: Json, view: RenderView): string;
export function renderBlocks(blocks: Json[] | undefined, view: RenderView): string;
