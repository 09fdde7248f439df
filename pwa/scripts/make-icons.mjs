// Draws the app icons in pure Node (pngjs): a white shield with a check mark on the brand blue.
// Run `npm run icons`; the PNGs it writes to public/icons/ are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const BRAND = [0x0b, 0x4f, 0x8a];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4; // 4x4 supersampling per pixel for smooth edges

// Geometry in a 0..1 unit square, emblem centred; `scale` shrinks it for the maskable safe zone.
const SHIELD = [
  [0.5, 0.16], [0.78, 0.26], [0.78, 0.5], [0.74, 0.63], [0.66, 0.74], [0.5, 0.85],
  [0.34, 0.74], [0.26, 0.63], [0.22, 0.5], [0.22, 0.26],
];
const CHECK = [[0.36, 0.5], [0.46, 0.61], [0.65, 0.4]];
const CHECK_HALF_WIDTH = 0.045;

function inPolygon(x, y, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** Colour and coverage at a unit-square point: [rgb, alpha] */
function sample(x, y, { scale, corner }) {
  if (corner > 0 && !inRoundedSquare(x, y, corner)) return null;
  const ex = (x - 0.5) / scale + 0.5;
  const ey = (y - 0.5) / scale + 0.5;
  if (inPolygon(ex, ey, SHIELD)) {
    const onCheck =
      distToSegment(ex, ey, CHECK[0], CHECK[1]) < CHECK_HALF_WIDTH ||
      distToSegment(ex, ey, CHECK[1], CHECK[2]) < CHECK_HALF_WIDTH;
    return onCheck ? BRAND : WHITE;
  }
  return BRAND;
}

function draw(size, options) {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = sample((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, options);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

const svgPoints = (poly) => poly.map(([x, y]) => `${x * 512},${y * 512}`).join(' ');
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${0.18 * 512}" fill="#0b4f8a"/>
  <polygon points="${svgPoints(SHIELD)}" fill="#fff"/>
  <polyline points="${svgPoints(CHECK)}" fill="none" stroke="#0b4f8a" stroke-width="${CHECK_HALF_WIDTH * 2 * 512}" stroke-linecap="butt" stroke-linejoin="miter"/>
</svg>
`;

mkdirSync(OUT, { recursive: true });
for (const size of [192, 512]) {
  // "any": rounded square, transparent corners. "maskable": full bleed, emblem inside the 80% safe circle.
  writeFileSync(join(OUT, `icon-${size}.png`), draw(size, { scale: 1, corner: 0.18 }));
  writeFileSync(join(OUT, `maskable-${size}.png`), draw(size, { scale: 0.72, corner: 0 }));
}
writeFileSync(join(OUT, 'icon.svg'), SVG); // the manifest's
// The page's (header and favicon): bundled by Vite, so it is fingerprinted (or inlined) and cached for good.
writeFileSync(join(OUT, '..', '..', 'src', 'assets', 'icon.svg'), SVG);
console.log(`icons written to ${OUT}`);
