// Readable names of the hyperparameters for chart axes.
import type { ParamName } from '../../core/searchSpace/searchSpace';

export const PARAM_LABELS: Record<ParamName, string> = {
  channels: 'channels',
  dropout: 'dropout',
  optimizer: 'optimizer',
  learningRate: 'learning rate',
  momentum: 'momentum',
  weightDecay: 'weight decay',
  batchSize: 'batch size',
  epochs: 'epochs',
  nesterov: 'Nesterov',
  lrSchedule: 'LR schedule',
  warmupEpochs: 'warm-up',
  batchNorm: 'batch norm',
  labelSmoothing: 'label smoothing',
  augment: 'augment',
};
