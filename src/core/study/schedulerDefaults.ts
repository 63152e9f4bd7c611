// What an absent optional field of SchedulerSettings (./studyDefinition) means. The schema
// (./studySchema) only validates; the page, the meta-model and the simulations read the defaults here.
import type { PromotionGuard, PromotionRule } from './studyDefinition';

export const SCHEDULER_DEFAULTS: {
  readonly promotion: PromotionRule;
  readonly ucbKappa: number;
  readonly minExamples: number;
  readonly promotionGuard: PromotionGuard;
} = {
  promotion: 'accuracy',
  ucbKappa: 0,
  minExamples: 8,
  promotionGuard: 'cvGate',
};
