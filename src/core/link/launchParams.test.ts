import { describe, expect, it } from 'vitest';
import { parseLaunchParams, repairQuery } from './launchParams';
import { tfjsQueryParams } from '../../testing/hostileLinks';

const ids = ['tiny', 'smoke'];

describe('parseLaunchParams', () => {
  it('reads a valid preset and backend', () => {
    expect(parseLaunchParams('?preset=smoke&backend=webgpu', ids)).toEqual({
      presetId: 'smoke',
      backend: 'webgpu',
      problems: [],
    });
  });
  it('names what was wrong and keeps the valid parts', () => {
    const p = parseLaunchParams('?preset=<script>alert(1)</script>&backend=wasm', ids);
    expect(p.presetId).toBeNull();
    expect(p.backend).toBe('wasm');
    expect(p.problems[0]).toBe('Unknown preset a value with disallowed characters; expected one of tiny, smoke.');
    expect(parseLaunchParams('?preset=tinyy&backend=%E2%80%AEupgw', ids).problems).toEqual([
      'Unknown preset "tinyy"; expected one of tiny, smoke.',
      'Unknown backend a value with disallowed characters; expected one of webgpu, webgl, wasm, cpu.',
    ]);
  });

  it('finds presets and backends as list members, never through the prototype', () => {
    expect(parseLaunchParams('?preset=constructor&backend=__proto__', ids)).toMatchObject({
      presetId: null,
      backend: null,
      problems: [expect.stringContaining('"constructor"'), expect.stringContaining('"__proto__"')],
    });
  });
  it('ignores oversized links', () => {
    const p = parseLaunchParams('?preset=' + 'a'.repeat(5000), ids);
    expect(p).toEqual({ presetId: null, backend: null, problems: [expect.stringMatching(/too long/)] });
  });
});

describe('repairQuery', () => {
  it('makes malformed escapes literal so that tfjs can read the query, and leaves good ones alone', () => {
    for (const bad of ['?lock=%ED%A0%80', '?x=%', '?preset=%ZZtiny', '?%E0=1&preset=tiny', '?hide=a%2Cb&view=%C3']) {
      expect(() => tfjsQueryParams(bad)).toThrow(URIError);
      const { search, repaired } = repairQuery(bad);
      expect(repaired).toBe(true);
      expect(() => tfjsQueryParams(search)).not.toThrow();
    }
    expect(repairQuery('?lock=%ED%A0%80&preset=tiny')).toMatchObject({
      search: '?lock=%25ED%25A0%2580&preset=tiny',
      repaired: true,
    });
    expect(repairQuery('?preset=tiny&hide=a%2Cb')).toEqual({
      search: '?preset=tiny&hide=a%2Cb',
      repaired: false,
      decodedChars: 17,
    });
    expect(repairQuery('')).toEqual({ search: '', repaired: false, decodedChars: 0 });
  });
});
