// SimpleCNN's spec, weight shapes and seeded initial weights: plain TypeScript without tfjs, so the
// page's main thread (landscape jobs, backend checks) can read them without loading tfjs. Weights are
// drawn with our seeded rng on the CPU so every backend starts from identical weights.
import { createRng } from '../core/rng';
import type { TrialConfig } from '../core/searchSpace/searchSpace';

export interface SimpleCnnSpec {
  channels: number;
  numClasses: number;
  dropout: number;
  imageSize: number;
  batchNorm?: boolean;
}

/** Trainable weight shapes in application order; exported for parameter counts and probes. */
export function simpleCnnShapes(spec: SimpleCnnSpec): { name: string; shape: number[] }[] {
  const c = spec.channels;
  const flat = (spec.imageSize / 8) ** 2 * 4 * c;
  const conv = (i: number, cin: number, cout: number) => [
    { name: `conv${i}/kernel`, shape: [3, 3, cin, cout] },
    { name: `conv${i}/bias`, shape: [cout] },
    ...(spec.batchNorm
      ? [
          { name: `bn${i}/gamma`, shape: [cout] },
          { name: `bn${i}/beta`, shape: [cout] },
        ]
      : []),
  ];
  return [
    ...conv(1, 3, c),
    ...conv(2, c, 2 * c),
    ...conv(3, 2 * c, 4 * c),
    { name: 'fc1/kernel', shape: [flat, 512] },
    { name: 'fc1/bias', shape: [512] },
    { name: 'fc2/kernel', shape: [512, spec.numClasses] },
    { name: 'fc2/bias', shape: [spec.numClasses] },
  ];
}

export function parameterCount(spec: SimpleCnnSpec): number {
  return simpleCnnShapes(spec).reduce((n, { shape }) => n + shape.reduce((a, b) => a * b, 1), 0);
}

/**
 * PyTorch's default init (kaiming_uniform with a=sqrt(5)): U(-1/sqrt(fanIn), 1/sqrt(fanIn)) for
 * kernels and their biases alike, so our runs are comparable with the seed project's; BN gamma 1, beta 0.
 */
export function initialWeights(spec: SimpleCnnSpec, seed: number): Float32Array[] {
  const rng = createRng(seed);
  let bound = 0;
  return simpleCnnShapes(spec).map(({ name, shape }) => {
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    if (name.endsWith('/gamma')) return values.fill(1);
    if (name.endsWith('/beta')) return values;
    if (name.endsWith('/kernel')) bound = 1 / Math.sqrt(shape.slice(0, -1).reduce((a, b) => a * b, 1));
    for (let j = 0; j < values.length; j++) values[j] = (2 * rng.next() - 1) * bound;
    return values;
  });
}

/** The network a trial trains, from its configuration. */
export function trialSpec(config: TrialConfig, numClasses: number): SimpleCnnSpec {
  return {
    channels: config.channels,
    numClasses,
    dropout: config.dropout,
    imageSize: 32,
    batchNorm: config.batchNorm === 1,
  };
}
