// Gradient norm ||∇L(w)|| over the probe set. At trained weights it says how far from a stationary
// point training stopped; at initialisation it is the "grad_norm" zero-cost proxy of Abdelfattah et
// al. 2021, "Zero-Cost Proxies for Lightweight NAS" (one backward pass, no training).
import * as tf from '@tensorflow/tfjs';
import { lossAndGradient, type ProbeTarget } from './probeTarget';
import { readScalars } from './weightSpace';

export interface GradientNormResult {
  gradientNorm: number;
  /** Per variable, in `target.weights` order. */
  perWeight: number[];
  loss: number;
}

export async function gradientNorm(target: ProbeTarget): Promise<GradientNormResult> {
  const { loss, grads } = lossAndGradient(target);
  const norms = grads.map((g) => tf.tidy(() => tf.norm(g) as tf.Scalar));
  const [lossValue, ...perWeight] = await readScalars([loss, ...norms]);
  tf.dispose([loss, ...grads, ...norms]);
  return { gradientNorm: Math.sqrt(perWeight.reduce((s, n) => s + n * n, 0)), perWeight, loss: lossValue };
}
