// @vitest-environment node
// Property-based fuzzing (fast-check) of the QR credential decoder: text from anyone's QR code
// (random text, random bytes dressed as a credential, random CBOR, a real credential with bytes
// or characters changed) always resolves to a typed outcome and never throws; a changed
// credential is never accepted as saying anything but what was signed. The decoder's own
// limits (4096 characters, 16 KiB inflated, depth 16) bound every run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import signingVectors from '../../../../tests/core/signing_vectors.json';
import { QR_PREFIX, base45Decode, verifyQrCredential, type QrJwk, type QrKeySet } from './QrCredential';

const keySet: QrKeySet = signingVectors.keySet as { keys: QrJwk[] };
const valid = (signingVectors.vectors as { name: string; text: string; now: string }[]).find(
  (vector) => vector.name === 'valid',
);
if (!valid) throw new Error('the vectors lack a valid credential');
const NOW = new Date(valid.now);
const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const RUNS = { numRuns: 150 };
// Only stops a broken (hanging) run: a loaded machine takes its time, which is never asserted.
const DEADLINE = 300_000;

function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = (bytes[i] ?? 0) * 256 + (bytes[i + 1] ?? 0);
    out += B45.charAt(n % 45) + B45.charAt(Math.floor(n / 45) % 45) + B45.charAt(Math.floor(n / 2025));
  }
  if (bytes.length % 2) {
    const n = bytes[bytes.length - 1] ?? 0;
    out += B45.charAt(n % 45) + B45.charAt(Math.floor(n / 45));
  }
  return out;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function dressed(bytes: Uint8Array): Promise<string> {
  return QR_PREFIX + base45Encode(await deflate(bytes));
}

/** What the decoder answers, as one comparable string; a throw fails the property. */
async function outcome(text: string): Promise<string> {
  const result = await verifyQrCredential(text, { keySet, now: NOW });
  if (result.status === 'valid' || result.status === 'expired') {
    return `${result.status}:${JSON.stringify({ ...result.credential, claims: result.credential.claims })}`;
  }
  return result.status;
}

const REFUSED = new Set(['malformed', 'tampered', 'unknown_key']);
const validText = valid.text;
const original = await outcome(validText);
const validInner = await inflate(base45Decode(validText.slice(QR_PREFIX.length)));

// Small CBOR items, hand-encoded: heads of every major type with short arguments, and nesting.
const cborHead = fc
  .tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 27 }))
  .map(([major, info]) => [(major << 5) | info]);
const cborBytes = fc
  .array(fc.oneof(cborHead, fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 9 })), { maxLength: 40 })
  .map((parts) => new Uint8Array(parts.flat()));

describe('the QR credential decoder under random input', () => {
  it('has a valid credential to start from', () => {
    expect(original.startsWith('valid:')).toBe(true);
  });

  it('refuses any text, with or without the prefix, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 600 }), async (text) => {
        expect(REFUSED.has(await outcome(text))).toBe(true);
        expect(REFUSED.has(await outcome(QR_PREFIX + text))).toBe(true);
      }),
      RUNS,
    );
  }, DEADLINE);

  it('refuses any text of Base45 characters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9A-Z $%*+\-./:]{0,900}$/), async (text) => {
        expect(REFUSED.has(await outcome(QR_PREFIX + text))).toBe(true);
      }),
      RUNS,
    );
  }, DEADLINE);

  it('refuses any bytes dressed as a credential', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        expect(REFUSED.has(await outcome(await dressed(bytes)))).toBe(true);
      }),
      RUNS,
    );
  }, DEADLINE);

  it('refuses any small CBOR dressed as a credential', async () => {
    await fc.assert(
      fc.asyncProperty(cborBytes, async (bytes) => {
        expect(REFUSED.has(await outcome(await dressed(bytes)))).toBe(true);
      }),
      RUNS,
    );
  }, DEADLINE);

  it('refuses a real credential with bytes changed, unless it still says exactly what was signed', async () => {
    const edit = fc.record({
      kind: fc.constantFrom('set', 'delete', 'insert'),
      at: fc.nat(),
      byte: fc.integer({ min: 0, max: 255 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const bytes = [...validInner];
        for (const { kind, at, byte } of edits) {
          const i = at % bytes.length;
          if (kind === 'set') bytes[i] = byte;
          else if (kind === 'delete') bytes.splice(i, 1);
          else bytes.splice(i, 0, byte);
        }
        const result = await outcome(await dressed(new Uint8Array(bytes)));
        expect(REFUSED.has(result) || result === original).toBe(true);
      }),
      RUNS,
    );
  }, DEADLINE);

  it('refuses a real credential with characters changed, unless it still says exactly what was signed', async () => {
    const edit = fc.record({ at: fc.nat(), character: fc.constantFrom(...`${B45}a\u0000é`), replace: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const characters = [...validText];
        for (const { at, character, replace } of edits) {
          characters.splice(at % characters.length, replace ? 1 : 0, character);
        }
        const result = await outcome(characters.join(''));
        expect(REFUSED.has(result) || result === original).toBe(true);
      }),
      RUNS,
    );
  }, DEADLINE);
});
