// @vitest-environment node
// Node's own WebCrypto and DecompressionStream, as in the browser; happy-dom's would shadow them.
import { describe, expect, it } from 'vitest';
import signingVectors from '../../../../tests/core/signing_vectors.json';
import {
  QR_MAX_INFLATED_BYTES,
  base45Decode,
  verifyQrCredential,
  type QrJwk,
  type QrKeySet,
  type QrVerification,
} from './QrCredential';

interface Vector {
  name: string;
  text: string;
  now: string;
  expected: {
    status: QrVerification['status'];
    credentialType?: string;
    claims?: Record<string, unknown>;
    kid?: string;
    issuedAt?: string;
    expiresAt?: string;
  };
}

const keySet: QrKeySet = signingVectors.keySet as { keys: QrJwk[] };
const vectors: Vector[] = signingVectors.vectors as Vector[];
const valid = vectors.find((vector) => vector.name === 'valid');
if (!valid) throw new Error('the vectors lack a valid credential');
const NOW = new Date(valid.now);

const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

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

async function zlibCompress(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('Palm Customs QR credentials', () => {
  it.each(vectors.map((vector) => [vector.name, vector] as const))(
    'gives the expected outcome for the vector: %s',
    async (_name, vector) => {
      // when
      const result = await verifyQrCredential(vector.text, { keySet, now: new Date(vector.now) });
      // then
      expect(result.status).toBe(vector.expected.status);
      if (result.status === 'valid' || result.status === 'expired') {
        expect(result.credential).toEqual({
          credentialType: vector.expected.credentialType,
          claims: vector.expected.claims,
          kid: vector.expected.kid,
          issuedAt: new Date(vector.expected.issuedAt ?? ''),
          expiresAt: new Date(vector.expected.expiresAt ?? ''),
        });
      }
      if (result.status === 'tampered' || result.status === 'unknown_key') {
        expect(result.kid).toBe(vector.expected.kid);
      }
    },
  );

  it('covers every outcome with the vectors', () => {
    const statuses = new Set(vectors.map((vector) => vector.expected.status));
    expect([...statuses].sort()).toEqual(['expired', 'malformed', 'tampered', 'unknown_key', 'valid']);
  });

  it('never accepts the valid credential with any one character changed', async () => {
    // given
    const text = valid.text;
    const outcomes = new Set<string>();
    // when
    for (let i = 4; i < text.length; i++) {
      const neighbour = B45.charAt((B45.indexOf(text.charAt(i)) + 1) % 45);
      const changed = text.slice(0, i) + neighbour + text.slice(i + 1);
      outcomes.add((await verifyQrCredential(changed, { keySet, now: NOW })).status);
    }
    // then
    expect(outcomes.has('valid')).toBe(false);
    expect(outcomes.has('malformed')).toBe(true);
  });

  it('reports a valid credential as unknown_key when its key is not in the set', async () => {
    const result = await verifyQrCredential(valid.text, { keySet: { keys: [] }, now: NOW });
    expect(result).toEqual({ status: 'unknown_key', kid: valid.expected.kid });
  });

  it('treats a key whose notAfter cannot be read as retired', async () => {
    // given
    const keys = keySet.keys.map((jwk) => ({ ...jwk, notAfter: 'soon' }));
    // when
    const result = await verifyQrCredential(valid.text, { keySet: { keys }, now: NOW });
    // then
    expect(result.status).toBe('unknown_key');
  });

  it('stops inflating a zlib bomb at the cap', async () => {
    // given 1 MB of zeros, a little over 1 KB compressed
    const bomb = 'PC1:' + base45Encode(await zlibCompress(new Uint8Array(1_000_000)));
    // when
    const result = await verifyQrCredential(bomb, { keySet, now: NOW });
    // then
    expect(result).toEqual({ status: 'malformed', reason: `inflates beyond ${QR_MAX_INFLATED_BYTES} bytes` });
  });

  it('refuses CBOR that claims more items than it holds', async () => {
    // given an array header announcing 2^32 items, then nothing
    const text = 'PC1:' + base45Encode(await zlibCompress(new Uint8Array([0x9a, 0xff, 0xff, 0xff, 0xff])));
    // when
    const result = await verifyQrCredential(text, { keySet, now: NOW });
    // then
    expect(result).toEqual({ status: 'malformed', reason: 'CBOR count beyond the input' });
  });

  it('refuses CBOR nested deeper than a credential needs', async () => {
    const text = 'PC1:' + base45Encode(await zlibCompress(new Uint8Array(200).fill(0x81)));
    const result = await verifyQrCredential(text, { keySet, now: NOW });
    expect(result).toEqual({ status: 'malformed', reason: 'CBOR nests too deeply' });
  });

  it('decodes Base45 as RFC 9285 does', () => {
    expect(new TextDecoder().decode(base45Decode('%69 VD92EX0'))).toBe('Hello!!');
    expect(new TextDecoder().decode(base45Decode('UJCLQE7W581'))).toBe('base-45');
    expect(new TextDecoder().decode(base45Decode('QED8WEX0'))).toBe('ietf!');
    expect(() => base45Decode('GGW')).toThrow('Base45 group out of range');
  });
});
