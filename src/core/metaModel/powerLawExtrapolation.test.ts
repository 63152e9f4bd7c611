// Oracle: curves drawn exactly from error = c * r^-alpha are extrapolated to the value the law gives.
import { describe, expect, it } from 'vitest';
import { extrapolateAccuracy } from './powerLawExtrapolation';

const law = (c: number, alpha: number) => (r: number) => ({ resource: r, accuracy: 1 - c * r ** -alpha });

describe('extrapolateAccuracy', () => {
  it('recovers a power law from two or three rungs', () => {
    const curve = law(0.3, 0.25);
    const expected = 1 - 0.3;
    expect(extrapolateAccuracy([curve(1 / 27), curve(1 / 9)])).toBeCloseTo(expected, 12);
    expect(extrapolateAccuracy([curve(1 / 27), curve(1 / 9), curve(1 / 3)])).toBeCloseTo(expected, 12);
    expect(extrapolateAccuracy([curve(0.25), curve(0.5)], { target: 0.75 })).toBeCloseTo(1 - 0.3 * 0.75 ** -0.25, 12);
  });

  it('orders two curves by where they end, not where they are now', () => {
    // Ahead at 1/9 but flat, against behind at 1/9 and steep.
    const flat = law(0.45, 0.05);
    const steep = law(0.3, 0.3);
    expect(flat(1 / 9).accuracy).toBeGreaterThan(steep(1 / 9).accuracy);
    expect(extrapolateAccuracy([steep(1 / 27), steep(1 / 9)])!).toBeGreaterThan(
      extrapolateAccuracy([flat(1 / 27), flat(1 / 9)])!,
    );
  });

  it('clamps the exponent: a falling curve keeps its last accuracy, a wild one is held at maxAlpha', () => {
    expect(
      extrapolateAccuracy([
        { resource: 0.1, accuracy: 0.5 },
        { resource: 0.3, accuracy: 0.45 },
      ]),
    ).toBeCloseTo(0.45, 12);
    const wild = extrapolateAccuracy(
      [
        { resource: 0.1, accuracy: 0.2 },
        { resource: 0.2, accuracy: 0.9 },
      ],
      { maxAlpha: 0.5 },
    );
    expect(wild).toBeCloseTo(1 - 0.1 * 5 ** -0.5, 12);
  });

  it('declines where the curve cannot say more than its last point', () => {
    expect(extrapolateAccuracy([{ resource: 0.1, accuracy: 0.5 }])).toBeNull();
    expect(
      extrapolateAccuracy([
        { resource: 0.1, accuracy: 0.5 },
        { resource: 0.1, accuracy: 0.6 },
      ]),
    ).toBeNull();
    expect(
      extrapolateAccuracy([
        { resource: 0.1, accuracy: 0.5 },
        { resource: 0.3, accuracy: null },
      ]),
    ).toBeNull();
    expect(
      extrapolateAccuracy([
        { resource: 0.1, accuracy: 0.11 },
        { resource: 0.3, accuracy: 0.4 },
      ]),
    ).toBeNull();
    expect(
      extrapolateAccuracy([
        { resource: 0, accuracy: 0.5 },
        { resource: 0.3, accuracy: 0.6 },
      ]),
    ).toBeNull();
  });
});
