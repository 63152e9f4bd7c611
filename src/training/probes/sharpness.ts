// Random-direction sharpness: the loss increase at w + rho·d over K random directions d, filter-
// normalised after Li et al. 2018 (so rho is relative to each filter's norm) or plain Gaussian as
// in the seed project (std rho on every weight). Reports the mean and the max increase.
import * as tf from '@tensorflow/tfjs';
import { makeDirection, type DirectionNormalization } from './filterNormalization';
import { meanLoss, type ProbeTarget } from './probeTarget';
import { assignOffset, readScalars, withWeightsRestored } from './weightSpace';

export interface SharpnessOptions {
  /** Raw N(0, 1) draws from drawGaussianDirections; one direction is used per entry. */
  directions: Float32Array[][];
  /** Radius: relative to filter norms for 'filter', absolute std for 'gaussian' (the seed project's: 0.01). */
  rho: number;
  normalization: DirectionNormalization;
  /** Also step to w - rho·d and average both sides: cancels the gradient term rho·gᵀd away from a minimum. */
  twoSided?: boolean;
}

export interface SharpnessResult {
  mean: number;
  max: number;
  /** Loss increase per direction (averaged over both sides when twoSided). */
  increases: number[];
  baseLoss: number;
  rho: number;
}

export async function randomDirectionSharpness(
  target: ProbeTarget,
  options: SharpnessOptions,
): Promise<SharpnessResult> {
  const { directions, rho, normalization, twoSided = false } = options;
  if (directions.length === 0) throw new Error('randomDirectionSharpness: expected at least one direction');
  if (!(rho > 0)) throw new Error(`Expected rho to be positive, but got ${rho}`);
  return withWeightsRestored(target.weights, async (base) => {
    const losses: tf.Scalar[] = [meanLoss(target)];
    try {
      for (const raw of directions) {
        const d = makeDirection(raw, base, normalization);
        for (const sign of twoSided ? [1, -1] : [1]) {
          assignOffset(target.weights, base, [[sign * rho, d]]);
          losses.push(meanLoss(target));
        }
        tf.dispose(d);
      }
      // One readback for all K (or 2K) evaluations.
      const [baseLoss, ...perturbed] = await readScalars(losses);
      const sides = twoSided ? 2 : 1;
      const increases = directions.map((_, k) => {
        let sum = 0;
        for (let s = 0; s < sides; s++) sum += perturbed[k * sides + s];
        return sum / sides - baseLoss;
      });
      return {
        mean: increases.reduce((a, b) => a + b, 0) / increases.length,
        max: Math.max(...increases),
        increases,
        baseLoss,
        rho,
      };
    } finally {
      tf.dispose(losses);
    }
  });
}
