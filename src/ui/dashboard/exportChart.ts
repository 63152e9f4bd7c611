// Export a chart: its SVG serialised as a standalone file, or rasterised to PNG through an Image and
// a canvas, downloaded through an <a download>. Colours are attributes on the chart's elements; the
// text colour (currentColor), the scheme's colours (./resolveColours) and the background are written in.
import { currentScheme, resolveColours } from './resolveColours';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A standalone SVG document of the chart: namespaced, sized, on the card's background, colours resolved. */
export function serialiseSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.viewBox.baseVal;
  const width = box && box.width > 0 ? box.width : svg.clientWidth || 640;
  const height = box && box.height > 0 ? box.height : svg.clientHeight || 360;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('color', getComputedStyle(svg).color || '#111');
  clone.removeAttribute('class');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('x', String(box?.x ?? 0));
  background.setAttribute('y', String(box?.y ?? 0));
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', 'var(--surface, #ffffff)');
  clone.insertBefore(background, clone.firstChild);
  const root = getComputedStyle(document.documentElement);
  const markup = resolveColours(new XMLSerializer().serializeToString(clone), currentScheme(), (name) =>
    root.getPropertyValue(name),
  );
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${markup}`;
  return { text, width, height };
}

function download(href: string, filename: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

export function exportSvg(svg: SVGSVGElement, filename: string): void {
  const url = URL.createObjectURL(new Blob([serialiseSvg(svg).text], { type: 'image/svg+xml' }));
  download(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** PNG at `scale` times the chart's viewBox size (2: sharp on slides and in print). */
export async function exportPng(svg: SVGSVGElement, filename: string, scale = 2): Promise<void> {
  const { text, width, height } = serialiseSvg(svg);
  const source = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
      image.src = source;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No 2D canvas in this browser');
    ctx.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--surface').trim() || '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The canvas could not be encoded as PNG');
    const url = URL.createObjectURL(blob);
    download(url, filename);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } finally {
    URL.revokeObjectURL(source);
  }
}
