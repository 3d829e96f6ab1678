import type { SandboxContext } from './context';
import { BOT } from './ids';
import type { Message, Workspace } from './workspace';

/** Posts every scheduled message whose time has come on the sandbox clock; returns what it posted. */
export function deliverDue(ws: Workspace): Message[] {
  const nowSeconds = ws.now() / 1000;
  const due = [...ws.scheduled.values()].filter((item) => item.postAt <= nowSeconds).sort((a, b) => a.postAt - b.postAt);
  const posted: Message[] = [];
  for (const item of due) {
    ws.scheduled.delete(item.id);
    // Slack forgets a scheduled message once posted: deleting it afterwards is invalid_scheduled_message_id.
    posted.push(
      ws.post({
        channel: item.channel,
        user: BOT.userId,
        botId: BOT.botId,
        text: item.text,
        ...(item.blocks ? { blocks: item.blocks } : {}),
        scheduledId: item.id,
      }),
    );
  }
  if (due.length > 0) ws.changed('scheduled');
  return posted;
}

/** Moves the sandbox clock forward and delivers what became due at once. */
export function fastForward(ws: Workspace, ms: number): Message[] {
  ws.advanceClock(ms);
  return deliverDue(ws);
}

/**
 * What the page's clock buttons do: the clock moves on, scheduled messages now due are posted, and
 * the app catches up (its clock is this one: sweeps and deliveries due by now run at once rather
 * than at their timers' next turn). Resolves once the app is done.
 */
export async function moveClock(ctx: SandboxContext, ms: number): Promise<Message[]> {
  // Not while the app is mid-call: a delivery it claimed would see its lease lapse at the jump and
  // could be claimed a second time by the catch-up (narrows the window; DB work between calls is not seen).
  await ctx.ws.settle(50, 2000);
  const delivered = fastForward(ctx.ws, ms);
  await ctx.afterClockMoved?.();
  return delivered;
}

/** Checks for due messages every `intervalMs` (real time) until stopped. */
export function startScheduler(ws: Workspace, intervalMs = 1000): { stop(): void } {
  const timer = setInterval(() => deliverDue(ws), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
