import { describe, expect, it } from 'vitest';
import { resolveColours } from './resolveColours';

const tokens: Record<string, string> = { '--surface': ' #1c1f24', '--grid': '#3a4049' };
const token = (name: string) => tokens[name] ?? '';

describe('colours written out for an exported chart', () => {
  it('takes the branch of light-dark() for the scheme the chart was drawn in', () => {
    const svg = '<line stroke="light-dark(#0072B2, #56B4E9)"/><circle fill="light-dark(rgb(1, 2, 3), #fff)"/>';
    expect(resolveColours(svg, 'light', token)).toBe('<line stroke="#0072B2"/><circle fill="rgb(1, 2, 3)"/>');
    expect(resolveColours(svg, 'dark', token)).toBe('<line stroke="#56B4E9"/><circle fill="#fff"/>');
  });
  it("replaces var(--token) by the token's value, or its fallback, and leaves unknown ones", () => {
    expect(resolveColours('<rect fill="var(--surface)" stroke="var(--grid)"/>', 'dark', token)).toBe(
      '<rect fill="#1c1f24" stroke="#3a4049"/>',
    );
    expect(resolveColours('fill="var(--nope, #abc)"', 'light', token)).toBe('fill="#abc"');
    expect(resolveColours('fill="var(--nope)"', 'light', token)).toBe('fill="var(--nope)"');
  });
});
