import { z } from 'zod';
import type { ListenerDeps } from '../deps';
import { expertSearchReply } from '../shared/experts';
import { guardButton } from '../shared/guard';

// The value is the clicker's own query and offset; a forged one can only search as the clicker.
const moreValue = z.object({ q: z.string().max(500), o: z.number().int().min(0).max(10_000) });

/** "Show more" replaces the results with the next page. */
export function handleShowMoreExperts(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, action, respond }) => {
    let parsed: z.infer<typeof moreValue> = { q: '', o: 0 };
    try {
      parsed = moreValue.parse(JSON.parse(action.type === 'button' ? (action.value ?? '') : ''));
    } catch {
      // An unreadable value is treated as an empty query: the user gets the usage line.
    }
    const reply = await expertSearchReply(deps, { slackUserId: body.user.id, query: parsed.q, offset: parsed.o });
    await respond({ response_type: 'ephemeral', replace_original: true, ...reply });
  });
}
