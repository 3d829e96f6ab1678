import { describe, expect, it } from 'vitest';
import { activeUnavailability } from '../../src/services/availability';

describe('whether "unavailable until" still hides a member', () => {
  // 14:59 UTC on the 24th is 23:59 on the 24th in Japan; a minute later it is the 25th there.
  const lastMinuteOf24th = new Date('2026-11-24T14:59:00Z');
  const firstMinuteOf25th = new Date('2026-11-24T15:00:00Z');

  it('does through the whole of that day in Japan, as search counts it', () => {
    expect(activeUnavailability({ unavailableUntil: '2026-11-24' }, lastMinuteOf24th)).toBe('2026-11-24');
    expect(activeUnavailability({ unavailableUntil: '2026-12-31' }, firstMinuteOf25th)).toBe('2026-12-31');
  });

  it('does not from the next day in Japan, even while it is still that day in UTC', () => {
    expect(activeUnavailability({ unavailableUntil: '2026-11-24' }, firstMinuteOf25th)).toBeUndefined();
  });

  it('does not when none is set, or for someone without a profile', () => {
    expect(activeUnavailability({ unavailableUntil: null }, firstMinuteOf25th)).toBeUndefined();
    expect(activeUnavailability(undefined, firstMinuteOf25th)).toBeUndefined();
  });
});
