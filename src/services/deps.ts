import type { Db } from '../db/client';
import type { EthicsSettings } from './ethics';

/** What services need from the outside world, passed explicitly. */
export interface ServiceDeps {
  db: Db;
  clock: () => Date;
  staffEmailDomains: readonly string[];
  /**
   * The meal-notice threshold (config ETHICS_MEAL_NOTICE_YEN), for changes that move people onto an
   * event without a listener to pass it (an erasure's waitlist promotions); the default when absent.
   */
  ethics?: Pick<EthicsSettings, 'mealNoticeYen'>;
}
