// Draws the lab's app icons (public/icons/*.png): filled contours of a two-basin loss surface with a
// descent path into the lower basin. Run once after changing the drawing: `node scripts/make-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
// Blues to pale yellow, low loss dark (eight contour bands).
const BANDS = [
  [8, 29, 88],
  [37, 52, 148],
  [34, 94, 168],
  [29, 145, 192],
  [65, 182, 196],
  [127, 205, 187],
  [199, 233, 180],
  [255, 255, 204],
];

/** Loss at (x, y) in [-1, 1]^2: a deep basin, a shallower one, and a gentle bowl. */
function loss(x, y) {
  const basin = (cx, cy, s, depth) => depth * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s));
  return 0.55 * (x * x + y * y) - basin(0.3, -0.25, 0.32, 1.0) - basin(-0.45, 0.4, 0.22, 0.55) + 1.0;
}

// Gradient descent from the upper right, in surface coordinates.
function descentPath() {
  const path = [];
  let [x, y] = [0.85, 0.8];
  for (let i = 0; i < 60; i++) {
    path.push([x, y]);
    const h = 1e-4;
    const gx = (loss(x + h, y) - loss(x - h, y)) / (2 * h);
    const gy = (loss(x, y + h) - loss(x, y - h)) / (2 * h);
    x -= 0.08 * gx;
    y -= 0.08 * gy;
  }
  return path;
}

function draw(size, inset) {
  const png = new PNG({ width: size, height: size });
  const path = descentPath();
  const toSurface = (p) => ((p / size - 0.5) * 2) / inset;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const v = loss(toSurface(px), -toSurface(py));
      const band = Math.max(0, Math.min(BANDS.length - 1, Math.floor((v - 0.05) / 0.17)));
      let [r, g, b] = BANDS[band];
      // Path: white dots along the descent, closer together as the steps shrink.
      for (const [sx, sy] of path) {
        const dx = px - ((sx * inset) / 2 + 0.5) * size;
        const dy = py - ((-sy * inset) / 2 + 0.5) * size;
        if (dx * dx + dy * dy < (size * 0.022) ** 2) [r, g, b] = [255, 255, 255];
      }
      const i = (py * size + px) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'icon-192.png'), draw(192, 1));
writeFileSync(join(outDir, 'icon-512.png'), draw(512, 1));
// Maskable: the launcher may crop to a circle of 80% diameter, so the drawing is zoomed out.
writeFileSync(join(outDir, 'icon-maskable-512.png'), draw(512, 0.8));
writeFileSync(join(outDir, 'apple-touch-icon-180.png'), draw(180, 1));
console.log(`icons written to ${outDir}`);
