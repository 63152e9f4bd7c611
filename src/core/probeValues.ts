// The tier-2 probe values of one trained model: what a trial reports, a study record stores and
// the meta-model reads. Sharpness after Keskar et al. 2017 (filter-normalised, Li et al. 2018),
// SAM sharpness after Foret et al. 2021, Hessian top eigenvalue by power iteration and trace by
// Hutchinson's estimator.
export interface ProbeValues {
  /** Loss and accuracy of the trained weights on the probe set (a slice's centre value). */
  loss: number;
  accuracy: number | null;
  images: number;
  sharpnessMean: number;
  sharpnessMax: number;
  samSharpness: number;
  gradientNorm: number;
  topEigenvalue?: number;
  hessianTrace?: number;
  ms: number;
}
