// WCAG 2.x contrast: relative luminance of sRGB colours and the ratio (L1 + 0.05) / (L2 + 0.05)
// (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). Text asks 4.5:1, marks and focus rings 3:1.

/** '#rgb', '#rrggbb' or 'rgb(r, g, b)' as bytes. */
export function parseColour(colour: string): [number, number, number] {
  const c = colour.trim();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(c);
  if (short) return [1, 2, 3].map((i) => parseInt(short[i] + short[i], 16)) as [number, number, number];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (long) return [1, 2, 3].map((i) => parseInt(long[i], 16)) as [number, number, number];
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(c);
  if (rgb) return [1, 2, 3].map((i) => Number(rgb[i])) as [number, number, number];
  throw new Error(`Expected a colour as #rgb, #rrggbb or rgb(r, g, b), but got "${colour}"`);
}

export function relativeLuminance(colour: string): number {
  const [r, g, b] = parseColour(colour).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
