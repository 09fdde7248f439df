// Reads a passport's machine-readable zone from pixels, on the phone (nothing leaves it): a
// small recognizer for the one typeface layout the MRZ has (ICAO 9303: 44 fixed-pitch cells a
// line, A-Z 0-9 and '<' only), chosen over a general OCR engine for its size (a few KiB of code
// and templates instead of megabytes of WebAssembly and trained data) and because it needs no
// 'wasm-unsafe-eval' in the page's Content-Security-Policy.
//
// 1. grey levels, scaled by a whole factor to about 1,600 px wide at most; ink = darker than its neighbourhood (local
//    mean from an integral image), so shadows and tinted security printing fall away;
// 2. text lines = bands of rows with ink; in each, glyphs = runs of columns with ink;
// 3. a line with 30-70 glyphs is cut into 44 cells: the first and last glyph centres fix the
//    pitch, refined by a least-squares fit of every single-cell glyph;
// 4. each cell (centred on its ink) is sampled to a 12 x 16 grid and matched against glyph
//    templates (OCR-B and two other monospace faces, cut the same way) by correlation, each
//    position allowing only what ICAO allows there (digits in dates and check digits, letters
//    in names); where check digits fail, close second choices are tried;
// 5. pairs of lines, from the bottom up, are parsed with every check digit verified (mrz.ts).

import { parseTd3, type MrzPassport, type MrzProblem, type MrzResult } from './mrz';
import { TEMPLATE_LINES } from './mrzTemplates';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel (ImageData.data). */
  data: Uint8ClampedArray | Uint8Array;
}

export type ReadResult =
  | { ok: true; passport: MrzPassport; lines: [string, string] }
  | { ok: false; problems: ['not_found'] | MrzProblem[]; lines?: [string, string] };

const GW = 16;
const GH = 24;
/** Each cell is sampled at small offsets (fractions of a grid step) and the best match wins. */
const SHIFTS = [-0.6, 0, 0.6];
const CELLS = 44;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ<';
const DIGITS = '0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

interface Ink {
  width: number;
  height: number;
  /** 1 where there is ink (finds lines and glyphs). */
  ink: Uint8Array;
  /** How dark, 0-1, against the neighbourhood (what cells are matched on: keeps anti-aliasing). */
  level: Float32Array;
}

interface Band {
  top: number;
  bottom: number;
}

function grey(pixels: Pixels, maxWidth: number): { width: number; height: number; grey: Float32Array } {
  const step = Math.max(1, Math.round(pixels.width / maxWidth));
  const width = Math.floor(pixels.width / step);
  const height = Math.floor(pixels.height / step);
  const out = new Float32Array(width * height);
  const d = pixels.data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < step; dy++) {
        let i = ((y * step + dy) * pixels.width + x * step) * 4;
        for (let dx = 0; dx < step; dx++, i += 4) sum += 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
      }
      out[y * width + x] = sum / (step * step);
    }
  }
  return { width, height, grey: out };
}

/** Ink: darker than the mean of its neighbourhood by a margin (Bradley's adaptive threshold). */
export function binarise(pixels: Pixels, maxWidth = 1600): Ink {
  const { width, height, grey: g } = grey(pixels, maxWidth);
  const integral = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += g[y * width + x]!;
      integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1]! + row;
    }
  }
  const r = Math.max(6, Math.round(width / 24));
  const ink = new Uint8Array(width * height);
  const level = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width, x + r + 1);
      const area = (x1 - x0) * (y1 - y0);
      const sum =
        integral[y1 * (width + 1) + x1]! - integral[y0 * (width + 1) + x1]! - integral[y1 * (width + 1) + x0]! + integral[y0 * (width + 1) + x0]!;
      const v = g[y * width + x]!;
      const mean = sum / area;
      if (v < mean * 0.82 && v < 170) ink[y * width + x] = 1;
      level[y * width + x] = Math.min(1, Math.max(0, (mean * 0.9 - v) / (mean * 0.5)));
    }
  }
  return { width, height, ink, level };
}

function bands(img: Ink): Band[] {
  const minInk = Math.max(3, Math.round(img.width / 200));
  const counts = new Array<number>(img.height).fill(0);
  for (let y = 0; y < img.height; y++) {
    let n = 0;
    for (let x = 0; x < img.width; x++) n += img.ink[y * img.width + x]!;
    counts[y] = n;
  }
  const out: Band[] = [];
  let start = -1;
  for (let y = 0; y <= img.height; y++) {
    const on = y < img.height && counts[y]! >= minInk;
    if (on && start < 0) start = y;
    if (!on && start >= 0) {
      // Trim the rows only a tail reaches (Q, a comma of dust): glyph height is what counts.
      let peak = 0;
      for (let r = start; r < y; r++) peak = Math.max(peak, counts[r]!);
      let top = start;
      let bottom = y;
      while (top < bottom && counts[top]! < peak * 0.15) top++;
      while (bottom > top && counts[bottom - 1]! < peak * 0.15) bottom--;
      if (bottom - top >= 6) out.push({ top, bottom });
      start = -1;
    }
  }
  return out;
}

function runs(img: Ink, band: Band): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let x = 0; x <= img.width; x++) {
    let any = false;
    if (x < img.width) {
      for (let y = band.top; y < band.bottom && !any; y++) any = img.ink[y * img.width + x] === 1;
    }
    if (any && start < 0) start = x;
    if (!any && start >= 0) {
      out.push([start, x]);
      start = -1;
    }
  }
  return out;
}

/** The 44 cells of a band as feature grids, or null when it is not a line of 44 glyphs. */
function cells(img: Ink, band: Band): Float32Array[][] | null {
  const glyphs = runs(img, band).filter(([a, b]) => b - a >= 1);
  if (glyphs.length < 30 || glyphs.length > 70) return null;
  const centre = ([a, b]: [number, number]) => (a + b) / 2;
  const first = centre(glyphs[0]!);
  let pitch = (centre(glyphs[glyphs.length - 1]!) - first) / (CELLS - 1);
  if (!(pitch > 2)) return null;
  let origin = first;
  // Least squares over the glyphs that sit in one cell: centre = origin + i x pitch.
  const fit: [number, number][] = [];
  for (const g of glyphs) {
    if (g[1] - g[0] > pitch * 1.1) continue;
    const i = Math.round((centre(g) - origin) / pitch);
    if (i >= 0 && i < CELLS) fit.push([i, centre(g)]);
  }
  if (fit.length >= 10) {
    const n = fit.length;
    const mi = fit.reduce((s, [i]) => s + i, 0) / n;
    const mc = fit.reduce((s, [, c]) => s + c, 0) / n;
    const cov = fit.reduce((s, [i, c]) => s + (i - mi) * (c - mc), 0);
    const vari = fit.reduce((s, [i]) => s + (i - mi) ** 2, 0);
    if (vari > 0) {
      pitch = cov / vari;
      origin = mc - pitch * mi;
    }
  }
  const out: Float32Array[][] = [];
  for (let i = 0; i < CELLS; i++) {
    const c = origin + i * pitch;
    let x0 = Math.max(0, Math.floor(c - pitch / 2));
    let x1 = Math.min(img.width, Math.ceil(c + pitch / 2));
    // Centre the window on the cell's ink (a glyph sits a little off its cell's middle).
    let sx = 0;
    let n = 0;
    for (let y = band.top; y < band.bottom; y++) {
      for (let x = x0; x < x1; x++) {
        if (img.ink[y * img.width + x]) {
          sx += x;
          n++;
        }
      }
    }
    if (n > 0) {
      const shift = sx / n - (x0 + x1) / 2;
      x0 = Math.max(0, Math.round(x0 + shift));
      x1 = Math.min(img.width, Math.round(x1 + shift));
    }
    // A little above and below the glyph height, where Q's tail and dust would show.
    const pad = (band.bottom - band.top) * 0.15;
    const top = band.top - pad;
    const bottom = band.bottom + pad;
    const stepX = (x1 - x0) / GW;
    const stepY = (bottom - top) / GH;
    const shifted: Float32Array[] = [];
    for (const dx of SHIFTS) {
      for (const dy of SHIFTS) {
        shifted.push(sample(img, x0 + dx * stepX, x1 + dx * stepX, top + dy * stepY, bottom + dy * stepY));
      }
    }
    out.push(shifted);
  }
  return out;
}

/** Mean darkness of each grid cell over the window (fractional edges, pixels by their centre). */
function sample(img: Ink, x0: number, x1: number, y0: number, y1: number): Float32Array {
  const grid = new Float32Array(GW * GH);
  const counts = new Float32Array(GW * GH);
  const w = Math.max(1e-6, x1 - x0);
  const h = Math.max(1e-6, y1 - y0);
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(img.height, Math.ceil(y1)); y++) {
    const gy = Math.floor(((y + 0.5 - y0) * GH) / h);
    if (gy < 0 || gy >= GH) continue;
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(img.width, Math.ceil(x1)); x++) {
      const gx = Math.floor(((x + 0.5 - x0) * GW) / w);
      if (gx < 0 || gx >= GW) continue;
      grid[gy * GW + gx]! += img.level[y * img.width + x]!;
      counts[gy * GW + gx]! += 1;
    }
  }
  for (let i = 0; i < grid.length; i++) grid[i] = counts[i] ? grid[i]! / counts[i]! : 0;
  return smooth(grid);
}

/** A light blur of the grid, so a stroke a little thicker or thinner still matches its shape. */
function smooth(grid: Float32Array): Float32Array {
  const out = new Float32Array(grid.length);
  for (let y = 0; y < GH; y++) {
    for (let x = 0; x < GW; x++) {
      let sum = 0;
      let weight = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy < 0 || yy >= GH || xx < 0 || xx >= GW) continue;
          const w = dx === 0 && dy === 0 ? 4 : dx === 0 || dy === 0 ? 2 : 1;
          sum += grid[yy * GW + xx]! * w;
          weight += w;
        }
      }
      out[y * GW + x] = sum / weight;
    }
  }
  return out;
}

function correlation(a: Float32Array, b: Float32Array): number {
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < a.length; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= a.length;
  mb /= b.length;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! - ma;
    const y = b[i]! - mb;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa && bb ? ab / Math.sqrt(aa * bb) : -1;
}

function unpack(line: (typeof TEMPLATE_LINES)[number]): Ink {
  const raw = atob(line.bits);
  const ink = new Uint8Array(line.width * line.height);
  const level = new Float32Array(ink.length);
  for (let n = 0; n < ink.length; n++) level[n] = ink[n] = (raw.charCodeAt(n >> 3) >> (n & 7)) & 1;
  return { width: line.width, height: line.height, ink, level };
}

let templates: { char: string; grid: Float32Array }[] | null = null;

function glyphTemplates(): { char: string; grid: Float32Array }[] {
  if (templates) return templates;
  const out: { char: string; grid: Float32Array }[] = [];
  for (const line of TEMPLATE_LINES) {
    const img = unpack(line);
    const found = bands(img);
    const band = found.length === 1 && found[0] ? found[0] : { top: 0, bottom: img.height };
    const grids = cells(img, band);
    if (!grids) continue;
    // One '<' per line is enough: the rest are copies.
    const seen = new Set<string>();
    grids.forEach((shifted, i) => {
      if (seen.has(line.text[i]!)) return;
      seen.add(line.text[i]!);
      out.push({ char: line.text[i]!, grid: shifted[Math.floor(shifted.length / 2)]! });
    });
  }
  templates = out;
  return out;
}

/** What ICAO allows at each position of line 2 (line 1 is letters and '<' throughout). */
function allowed(line: 1 | 2, i: number): string {
  if (line === 1) return LETTERS;
  if (i === 9 || (i >= 13 && i <= 19) || (i >= 21 && i <= 27) || i === 43) return DIGITS;
  if (i >= 10 && i <= 12) return LETTERS;
  if (i === 20) return 'FMX<';
  if (i === 42) return DIGITS + '<';
  return ALNUM;
}

type Ranked = { char: string; score: number }[];

function rank(shifted: Float32Array[], permitted: string): Ranked {
  const best = new Map<string, number>();
  for (const t of glyphTemplates()) {
    if (!permitted.includes(t.char)) continue;
    for (const grid of shifted) {
      const s = correlation(grid, t.grid);
      if (s > (best.get(t.char) ?? -2)) best.set(t.char, s);
    }
  }
  return [...best].map(([char, score]) => ({ char, score })).sort((a, b) => b.score - a.score);
}

function readLine(grids: Float32Array[][], line: 1 | 2): Ranked[] {
  return grids.map((grid, i) => rank(grid, allowed(line, i)));
}

const text = (ranked: Ranked[]) => ranked.map((r) => r[0]?.char ?? '<').join('');

/** Where line 2's check digits fail, try the close second choices of the least certain cells,
 * every combination of up to 10 of them, and keep the valid reading with the best total score. */
function corrected(line1: string, ranked2: Ranked[], today: string): { result: MrzResult; line2: string } {
  const base = text(ranked2);
  const first = parseTd3(line1, base, today);
  const doubtful = ranked2
    .map((r, i) => ({ i, margin: r.length > 1 ? r[0]!.score - r[1]!.score : 1 }))
    .filter((d) => d.margin < 0.2)
    .sort((a, b) => a.margin - b.margin)
    .slice(0, 10);
  let best: { result: MrzResult; loss: number; line2: string } | null = first.ok ? { result: first, loss: 0, line2: base } : null;
  for (let mask = 1; mask < 1 << doubtful.length; mask++) {
    let loss = 0;
    const chars = base.split('');
    doubtful.forEach((d, bit) => {
      if (mask & (1 << bit)) {
        chars[d.i] = ranked2[d.i]![1]!.char;
        loss += d.margin;
      }
    });
    if (best && loss >= best.loss) continue;
    const line2 = chars.join('');
    const result = parseTd3(line1, line2, today);
    if (result.ok) best = { result, loss, line2 };
  }
  return best ?? { result: first, line2: base };
}

/** Read the MRZ in `pixels`; `today` (YYYY-MM-DD) places two-digit birth years. */
export function readMrz(pixels: Pixels, today: string): ReadResult {
  if (!pixels.width || !pixels.height) return { ok: false, problems: ['not_found'] };
  const img = binarise(pixels);
  const lines = bands(img)
    .map((band) => ({ band, grids: cells(img, band) }))
    .filter((l): l is { band: Band; grids: Float32Array[][] } => l.grids !== null);
  let closest: ReadResult | null = null;
  for (let k = lines.length - 1; k > 0; k--) {
    const upper = lines[k - 1]!;
    const lower = lines[k]!;
    const l1 = text(readLine(upper.grids, 1));
    if (l1[0] !== 'P') continue;
    const ranked2 = readLine(lower.grids, 2);
    const { result, line2 } = corrected(l1, ranked2, today);
    if (result.ok) return { ok: true, passport: result.passport, lines: [l1, line2] };
    closest ??= { ok: false, problems: result.problems, lines: [l1, line2] };
  }
  return closest ?? { ok: false, problems: ['not_found'] };
}
