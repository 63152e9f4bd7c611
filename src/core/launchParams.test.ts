import { describe, expect, it } from 'vitest';
import { parseLaunchParams } from './launchParams';

const ids = ['tiny', 'smoke'];

describe('parseLaunchParams', () => {
  it('reads a valid preset and backend', () => {
    expect(parseLaunchParams('?preset=smoke&backend=webgpu', ids)).toEqual({ presetId: 'smoke', backend: 'webgpu', problems: [] });
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
    expect(parseLaunchParams('?preset=constructor&backend=__proto__', ids)).toMatchObject({ presetId: null, backend: null, problems: [expect.stringContaining('"constructor"'), expect.stringContaining('"__proto__"')] });
  });
  it('ignores oversized links', () => {
    const p = parseLaunchParams('?preset=' + 'a'.repeat(5000), ids);
    expect(p).toEqual({ presetId: null, backend: null, problems: [expect.stringMatching(/too long/)] });
  });
});
