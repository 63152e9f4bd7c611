import { describe, expect, it } from 'vitest';
import { formatTick, linearScale, linearTicks, logScale, logTicks, niceStep, paddedDomain } from './chartScale';

describe('chart scales', () => {
  it('maps linearly, including a flipped range (SVG y grows downwards)', () => {
    const y = linearScale([0, 1], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(0.25)).toBe(150);
    expect(y(1)).toBe(0);
  });

  it('maps log10 and sends non-positive values to the start', () => {
    const x = logScale([1e-4, 1e-2], [0, 100]);
    expect(x(1e-3)).toBeCloseTo(50, 10);
    expect(x(0)).toBe(0);
    expect(() => logScale([0, 1], [0, 1])).toThrow('positive domain');
  });

  it('picks 1-2-5 steps', () => {
    expect(niceStep(0, 1, 5)).toBe(0.2);
    expect(niceStep(0, 100, 4)).toBe(20);
    expect(niceStep(0, 0.07, 5)).toBe(0.01);
    expect(linearTicks(0.13, 0.61, 5)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6]);
    expect(linearTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('puts log ticks on powers of ten, or 1-2-5 multiples in a narrow range', () => {
    expect(logTicks(1e-4, 1e-2)).toEqual([1e-4, 1e-3, 1e-2]);
    expect(logTicks(5e-4, 1e-2)).toEqual([5e-4, 1e-3, 2e-3, 5e-3, 1e-2]);
    expect(logTicks(1.1, 1.9).length).toBeGreaterThan(1);
  });

  it('pads degenerate and empty domains', () => {
    expect(paddedDomain([0.5, 0.5])).toEqual([0.25, 0.75]);
    expect(paddedDomain([])).toEqual([0, 1]);
    expect(paddedDomain([NaN, 2, 4], { pad: 0.5 })).toEqual([1, 5]);
    expect(paddedDomain([0, 1e-3, 1e-1], { log: true })).toEqual([1e-3, 1e-1]);
  });

  it('formats ticks briefly', () => {
    expect(formatTick(0.001)).toBe('1e-3');
    expect(formatTick(0.005)).toBe('5e-3');
    expect(formatTick(0.25)).toBe('0.25');
    expect(formatTick(1500)).toBe('1.5k');
    expect(formatTick(0)).toBe('0');
  });
});
