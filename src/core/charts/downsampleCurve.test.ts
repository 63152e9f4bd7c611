import { describe, expect, it } from 'vitest';
import { downsampleCurve, lttbIndices } from './downsampleCurve';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('LTTB downsampling', () => {
  it('keeps every point of a short curve', () => {
    expect(lttbIndices([0, 1, 2], [3, 4, 5], 200)).toEqual([0, 1, 2]);
  });

  it('returns exactly maxPoints ascending indices with both ends kept', () => {
    const xs = range(10_000);
    const ys = xs.map((x) => Math.sin(x / 100));
    const kept = lttbIndices(xs, ys, 200);
    expect(kept).toHaveLength(200);
    expect(kept[0]).toBe(0);
    expect(kept[199]).toBe(9999);
    for (let i = 1; i < kept.length; i++) expect(kept[i]).toBeGreaterThan(kept[i - 1]);
  });

  it('keeps a single spike that uniform striding would miss', () => {
    const xs = range(1001);
    const ys = xs.map((x) => (x === 503 ? 50 : 1));
    expect(lttbIndices(xs, ys, 50)).toContain(503);
    expect(xs.filter((_, i) => i % 20 === 0)).not.toContain(503);
  });

  it('matches brute force on a small case: the largest triangle per bucket', () => {
    // 6 points, 4 kept: buckets {1,2} and {3,4}.
    const xs = [0, 1, 2, 3, 4, 5];
    const ys = [0, 5, 1, 1, 4, 0];
    expect(lttbIndices(xs, ys, 4)).toEqual([0, 1, 4, 5]);
  });

  it('downsamples objects and rejects bad arguments', () => {
    const pts = range(500).map((step) => ({ step, loss: 2 / (1 + step) }));
    const thin = downsampleCurve(
      pts,
      100,
      (p) => p.step,
      (p) => p.loss,
    );
    expect(thin).toHaveLength(100);
    expect(thin[99]).toBe(pts[499]);
    expect(() => lttbIndices([1], [1, 2], 10)).toThrow('equal length');
    expect(() => lttbIndices([1], [1], 2)).toThrow('maxPoints');
  });
});
