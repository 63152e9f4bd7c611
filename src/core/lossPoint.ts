// One point of a trial's training curve: what a trial reports, the store and a study record keep,
// an import reads and the meta-model summarises. `epoch` counts from 0; loss and accuracy are the
// training batch's at `step`.
export interface LossPoint {
  step: number;
  epoch: number;
  loss: number;
  accuracy: number;
}
