// SimpleCNN's definition against the seed project's parameter counts (PyTorch), and seeded init.
import { describe, expect, it } from 'vitest';
import { initialWeights, parameterCount, simpleCnnShapes } from './simpleCnnSpec';

describe('SimpleCNN', () => {
  it("has the parameter counts of the seed project's SimpleCNN (1,147,466 at c=32; 2,473,610 at c=64)", () => {
    expect(parameterCount({ channels: 32, numClasses: 10, dropout: 0.2, imageSize: 32 })).toBe(1_147_466);
    expect(parameterCount({ channels: 64, numClasses: 10, dropout: 0.2, imageSize: 32 })).toBe(2_473_610);
  });
  it('adds gamma and beta per conv block with batch norm', () => {
    const spec = { channels: 32, numClasses: 10, dropout: 0.2, imageSize: 32, batchNorm: true };
    expect(parameterCount(spec)).toBe(1_147_466 + 2 * (32 + 64 + 128));
    expect(simpleCnnShapes(spec).filter((s) => s.name.startsWith('bn'))).toHaveLength(6);
  });
  it('draws PyTorch-default uniform weights from the seed: same seed, same weights; bounds 1/sqrt(fanIn)', () => {
    const spec = { channels: 8, numClasses: 10, dropout: 0, imageSize: 32, batchNorm: true };
    const a = initialWeights(spec, 1),
      b = initialWeights(spec, 1),
      c = initialWeights(spec, 2);
    expect(a).toEqual(b);
    expect(a[0]).not.toEqual(c[0]);
    const conv1Bound = 1 / Math.sqrt(3 * 3 * 3);
    expect(Math.max(...a[0].map(Math.abs))).toBeLessThanOrEqual(conv1Bound);
    expect(Math.max(...a[1].map(Math.abs))).toBeLessThanOrEqual(conv1Bound);
    expect([...a[2]].every((v) => v === 1)).toBe(true); // bn1/gamma
    expect([...a[3]].every((v) => v === 0)).toBe(true); // bn1/beta
  });
});
