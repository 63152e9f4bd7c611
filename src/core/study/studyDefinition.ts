// What a study is: a search space, a sampler, a scheduler with its budget, a seed and a dataset
// slice. Versioned (v) because it travels in share links and IndexedDB records; this is the current
// version (2), its schema is ./studySchema, and older versions are upgraded by ../link/urlMigrations.
import type { SamplerKind } from '../samplers/index';
import type { SearchSpace, TrialConfig } from '../searchSpace/searchSpace';

export type SchedulerKind = 'successiveHalving' | 'hyperband' | 'asha' | 'twoStep';
/** What a rung's resource scales: the training-data fraction, the epochs, or both. */
export type ResourceKind = 'dataFraction' | 'epochs' | 'both';

export interface SchedulerSettings {
  kind: SchedulerKind;
  numConfigs: number;
  reductionFactor: number;
  /** Fractions of the full-fidelity budget (data.maxTrainImages and/or fixed epochs), in (0, 1]. */
  minResource: number;
  maxResource: number;
  resource: ResourceKind;
  /** Configurations carried to the second step (twoStep) or reported as the final top K. */
  topK?: number;
  /**
   * What a synchronous rung promotes by: its validation accuracy (plain successive halving, the
   * default) or the meta-model's predicted full-fidelity accuracy (../metaModel/promotionModel).
   */
  promotion?: PromotionRule;
  /** Optimism of the meta-model rule: promote by mean + ucbKappa · sd. Default 0. */
  ucbKappa?: number;
  /** Full-fidelity examples the meta-model needs before it decides anything. Default 8. */
  minExamples?: number;
  /** When the meta-model may overrule a rung's own accuracy (../metaModel/cvGate). Default 'cvGate'. */
  promotionGuard?: PromotionGuard;
}

export type PromotionRule = 'accuracy' | 'metaModel';
/**
 * 'cvGate': only where, on earlier studies at this rung's resource, its out-of-fold ranking beat
 * their own accuracy; 'count': wherever it has minExamples examples at that resource; 'none': always.
 */
export type PromotionGuard = 'cvGate' | 'count' | 'none';

export interface StudyData {
  dataset: 'cifar10';
  /** Held out of the 50,000 training images, stratified and seeded; all selection uses it. */
  validationSize: number;
  /** Images at data fraction 1 ("full fidelity" of this study), drawn from the training split. */
  maxTrainImages: number;
  /** Fixed validation images every trial is scored on (a stratified subset of the validation split). */
  evalImages: number;
}

export interface StudyDefinition {
  v: 2;
  name: string;
  seed: number;
  space: SearchSpace;
  /** Values of hyperparameters the space does not sample. */
  fixed: Partial<TrialConfig>;
  sampler: SamplerKind;
  scheduler: SchedulerSettings;
  data: StudyData;
  /** Loss readback period in optimizer steps. */
  readEvery: number;
}

export type StudySection = Exclude<keyof StudyDefinition, 'v'>;
export const STUDY_SECTIONS: readonly StudySection[] = [
  'name',
  'seed',
  'space',
  'fixed',
  'sampler',
  'scheduler',
  'data',
  'readEvery',
];
