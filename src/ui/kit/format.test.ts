import { describe, expect, it } from 'vitest';
import { MISSING, formatBytes, formatNumber, formatPercent, formatSeconds, formatSigned } from './format';

describe('number formatting', () => {
  it('writes fractions as percentages with the asked digits', () => {
    expect(formatPercent(0.4712)).toBe('47.1%');
    expect(formatPercent(0.4712, 0)).toBe('47%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
  });
  it('writes missing and non-finite values as a dash, never NaN', () => {
    for (const v of [null, undefined, NaN, Infinity, -Infinity]) {
      expect(formatPercent(v)).toBe(MISSING);
      expect(formatNumber(v)).toBe(MISSING);
      expect(formatSigned(v)).toBe(MISSING);
      expect(formatSeconds(v)).toBe(MISSING);
    }
  });
  it('signs differences: + for a gain, - for a loss, none for zero', () => {
    expect(formatSigned(0.5)).toBe('+0.50');
    expect(formatSigned(-1)).toBe('-1.00');
    expect(formatSigned(0)).toBe('0.00');
    expect(formatSigned(2.345, 1)).toBe('+2.3');
  });
  it('writes milliseconds as seconds', () => {
    expect(formatSeconds(1234)).toBe('1.2 s');
    expect(formatSeconds(60_000, 0)).toBe('60 s');
  });
  it('writes bytes in binary units', () => {
    expect(formatBytes(3 * 2 ** 30)).toBe('3.0 GiB');
    expect(formatBytes(12 * 2 ** 30)).toBe('12 GiB');
    expect(formatBytes(120 * 2 ** 20)).toBe('120 MiB');
    expect(formatBytes(10)).toBe('1 MiB');
  });
});
