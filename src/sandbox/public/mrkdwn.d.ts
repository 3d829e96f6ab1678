// Types for mrkdwn.js (plain JS, served to the browser as is) so the sandbox's tests can import it.
export interface RenderView {
  users?: Map<string, { realName: string; name?: string; isBot?: boolean }>;
  conversations?: Map<string, { name: string; kind: string; label?: string }>;
  tz?: string;
  locale?: string;
  now?: number;
  scope?: string;
  errors?: Record<string, string>;
}
export function escapeHtml(text: string): string;
export function emojify(html: string): string;
export function zonedParts(epochMs: number, tz: string): { year: number; month: number; day: number; hour: number; minute: number; second: number };
export function toLocalInput(epochSeconds: number, tz: string): string;
export function fromLocalInput(value: string, tz: string): number | null;
export function formatSlackDate(epochSeconds: number, format: string, view: RenderView): string;
export function renderMrkdwn(text: string, view?: RenderView): string;
export function renderText(object: { type: string; text: string } | undefined, view: RenderView): string;
