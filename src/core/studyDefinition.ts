// What a study is: a search space, a sampler, a scheduler with its budget, a seed and a dataset
// slice. Versioned (v) because it travels in share links and IndexedDB records; the current
// version (2) and its schema live in ./studySchema, version 1 stays here for migrations.
import type { SearchSpace, TrialConfig } from './searchSpace';
import type { StudyDefinitionV2 } from './studySchema';

/** The current study definition. */
export type StudyDefinition = StudyDefinitionV2;

export interface SuccessiveHalvingScheduler {
  kind: 'successiveHalving';
  numConfigs: number;
  reductionFactor: number;
  /** Resources are data fractions of `data.maxTrainImages`. */
  minResource: number;
  maxResource: number;
}

export interface StudyData {
  dataset: 'cifar10';
  /** Held out of the 50,000 training images, stratified and seeded; all selection uses it. */
  validationSize: number;
  /** Images at data fraction 1 ("full fidelity" of this study), drawn from the training split. */
  maxTrainImages: number;
  /** Fixed validation images every trial is scored on (a stratified subset of the validation split). */
  evalImages: number;
}

export interface StudyDefinitionV1 {
  v: 1;
  name: string;
  seed: number;
  space: SearchSpace;
  /** Values of hyperparameters the space does not sample. */
  fixed: Partial<TrialConfig>;
  scheduler: SuccessiveHalvingScheduler;
  data: StudyData;
  /** Loss readback period in optimizer steps. */
  readEvery: number;
}

export function validateStudy(def: StudyDefinition | StudyDefinitionV1): string[] {
  const problems: string[] = [];
  const { data, scheduler: s } = def;
  if (!Number.isInteger(def.seed) || def.seed < 0) problems.push(`Expected seed to be a non-negative integer, but got ${def.seed}`);
  if (!(data.validationSize >= 10 && data.validationSize <= 25000)) problems.push(`Expected validationSize in [10, 25000], but got ${data.validationSize}`);
  if (!(data.maxTrainImages >= 1 && data.maxTrainImages <= 50000 - data.validationSize)) problems.push(`Expected maxTrainImages in [1, ${50000 - data.validationSize}], but got ${data.maxTrainImages}`);
  if (!(data.evalImages >= 1 && data.evalImages <= data.validationSize)) problems.push(`Expected evalImages in [1, validationSize], but got ${data.evalImages}`);
  if (!(s.numConfigs >= 1 && s.numConfigs <= 1000)) problems.push(`Expected numConfigs in [1, 1000], but got ${s.numConfigs}`);
  if (!(def.readEvery >= 1)) problems.push(`Expected readEvery >= 1, but got ${def.readEvery}`);
  return problems;
}
