// SAM sharpness after Foret et al. 2021, "Sharpness-Aware Minimization": the loss after one
// normalised gradient-ascent step, L(w + rho·g/||g||) - L(w), the first-order worst case in the
// rho-ball. rho is absolute (their default 0.05).
import * as tf from '@tensorflow/tfjs';
import { lossAndGradient, meanLoss, type ProbeTarget } from './probeTarget';
import { assignOffset, norm, readScalars, withWeightsRestored } from './weightSpace';

export interface SamSharpnessResult {
  sharpness: number;
  baseLoss: number;
  perturbedLoss: number;
  gradientNorm: number;
  rho: number;
}

export async function samSharpness(target: ProbeTarget, rho = 0.05): Promise<SamSharpnessResult> {
  if (!(rho > 0)) throw new Error(`Expected rho to be positive, but got ${rho}`);
  return withWeightsRestored(target.weights, async (base) => {
    const { loss, grads } = lossAndGradient(target);
    const gradNorm = norm(grads);
    // rho / ||g|| stays on the device; the tiny floor keeps a zero gradient from giving NaN.
    const step = tf.tidy(() => tf.div(rho, tf.add(gradNorm, 1e-12)) as tf.Scalar);
    assignOffset(target.weights, base, [[step, grads]]);
    const perturbed = meanLoss(target);
    const [baseLoss, perturbedLoss, gradientNorm] = await readScalars([loss, perturbed, gradNorm]);
    tf.dispose([loss, perturbed, gradNorm, step, ...grads]);
    return { sharpness: perturbedLoss - baseLoss, baseLoss, perturbedLoss, gradientNorm, rho };
  });
}
