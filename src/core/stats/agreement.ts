// How far one backend's numbers are from a reference backend's: relative L2 error per array,
// the measure the cross-backend agreement checks use (tolerance 1e-3).
export const AGREEMENT_TOLERANCE = 1e-3;

export function relativeL2Error(values: ArrayLike<number>, reference: ArrayLike<number>): number {
  if (values.length !== reference.length)
    throw new Error(`Expected arrays of equal length, but got ${values.length} and ${reference.length}`);
  let num = 0,
    den = 0;
  for (let i = 0; i < values.length; i++) {
    num += (values[i] - reference[i]) ** 2;
    den += reference[i] ** 2;
  }
  return den === 0 ? Math.sqrt(num) : Math.sqrt(num / den);
}

export interface Agreement {
  lossError: number;
  maxGradientError: number;
  agrees: boolean;
}

export function compareToReference(
  loss: number,
  gradients: ArrayLike<number>[],
  refLoss: number,
  refGradients: ArrayLike<number>[],
): Agreement {
  const lossError = Math.abs(loss - refLoss) / Math.max(Math.abs(refLoss), 1e-12);
  const maxGradientError = Math.max(...refGradients.map((g, i) => relativeL2Error(gradients[i], g)));
  return {
    lossError,
    maxGradientError,
    agrees: lossError < AGREEMENT_TOLERANCE && maxGradientError < AGREEMENT_TOLERANCE,
  };
}
