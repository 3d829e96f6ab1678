import type { JudgedProfile } from '../types';
import { DIGITAL } from './digital';
import { ENERGY } from './energy';
import { INDUSTRY } from './industry';
import { SOCIETY } from './society';
import { STARTUPS_FINANCE } from './startups-finance';
import { TRADE_SECURITY } from './trade-security';
import { TRAPS } from './traps';

/** Every profile of the judged set, in the order they are registered. */
export const JUDGED_PROFILES: readonly JudgedProfile[] = [
  ...ENERGY,
  ...TRADE_SECURITY,
  ...INDUSTRY,
  ...STARTUPS_FINANCE,
  ...DIGITAL,
  ...SOCIETY,
  ...TRAPS,
];
