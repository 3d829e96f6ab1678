// Types for labels.js (plain JS, served to the browser as is) so the sandbox's tests can import it.
export const LABELS: Record<string, readonly [ja: string, en: string]>;
export function label(key: string): string;
