import { PNG } from 'pngjs';
import dejavu from './fixtures/specimen-dejavu.png?inline';
import ocrb from './fixtures/specimen-ocrb.png?inline';
import { describe, expect, it } from 'vitest';
import { readMrz, type Pixels } from './mrzRead';

const TODAY = '2026-12-06';

const FIXTURES: Record<string, string> = { 'specimen-dejavu.png': dejavu, 'specimen-ocrb.png': ocrb };

function png(name: string): Pixels {
  const base64 = (FIXTURES[name] ?? '').split(',')[1] ?? '';
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  // pngjs reads a Node Buffer.
  const node = globalThis as unknown as { Buffer: { from(data: Uint8Array): Uint8Array } };
  const image = PNG.sync.read(node.Buffer.from(bytes));
  return { width: image.width, height: image.height, data: image.data };
}

/** A blurred, darker, noisier copy: a phone photo rather than a rendering. */
function degrade(p: Pixels, seed = 7): Pixels {
  const out = new Uint8ClampedArray(p.data.length);
  let s = seed;
  const noise = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) % 25) - 12;
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const i = (y * p.width + x) * 4;
      const right = x + 1 < p.width ? i + 4 : i;
      const below = y + 1 < p.height ? i + p.width * 4 : i;
      const shade = 0.75 + (0.2 * x) / p.width;
      for (let c = 0; c < 3; c++) out[i + c] = ((p.data[i + c]! + p.data[right + c]! + p.data[below + c]!) / 3) * shade + noise();
      out[i + 3] = 255;
    }
  }
  return { width: p.width, height: p.height, data: out };
}

describe('readMrz', () => {
  for (const name of ['specimen-dejavu.png', 'specimen-ocrb.png']) {
    it(`reads the specimen's two lines from ${name}`, () => {
      const result = readMrz(png(name), TODAY);
      expect(result.ok && result.passport).toMatchObject({
        issuingState: 'UTO',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        documentNumber: 'L898902C3',
        birthDate: '1974-08-12',
        expiryDate: '2012-04-15',
        sex: 'F',
      });
    });
  }

  // In OCR-B, the passport typeface. (In DejaVu Sans Mono a blur makes 8 look like B, and the
  // check digits cannot tell: B = 11 and 8 at weights 3 and 7 differ by 9 + 21 = 30, 0 mod 10.)
  it('reads it from a shaded, noisy, blurred photo', () => {
    const result = readMrz(degrade(png('specimen-ocrb.png')), TODAY);
    expect(result.ok && result.passport.documentNumber).toBe('L898902C3');
  });

  it('says nothing was found in a blank picture, without throwing', () => {
    const blank = { width: 320, height: 200, data: new Uint8ClampedArray(320 * 200 * 4).fill(255) };
    expect(readMrz(blank, TODAY)).toEqual({ ok: false, problems: ['not_found'] });
    expect(readMrz({ width: 0, height: 0, data: new Uint8ClampedArray(0) }, TODAY)).toEqual({ ok: false, problems: ['not_found'] });
  });
});
