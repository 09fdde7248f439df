// Offline verification of Palm Customs QR credentials on officer tablets.
//
// The server (backend/palm_customs/core/signing.py) writes
//   "PC1:" + base45(zlib(COSE_Sign1(ES256, payload)))
// where the payload is a CWT-style map {1: iss, 4: exp, 6: iat, -65537: type, -65538: claims}.
// Verification needs only the published key set (/.well-known/palm-customs/keys.json), cached
// while online. Inputs are bounded before each step so a hostile QR cannot exhaust the tablet.

export const QR_PREFIX = 'PC1:';
export const QR_ISSUER = 'palm-customs';
export const QR_KEY_SET_PATH = '/.well-known/palm-customs/keys.json';
export const QR_MAX_TEXT_CHARS = 4096;
export const QR_MAX_INFLATED_BYTES = 16 * 1024;
const MAX_DEPTH = 12;

const ALG_ES256 = -7;
const HEADER_ALG = 1;
const HEADER_KID = 4;
const COSE_SIGN1_TAG = 18;
const CLAIM_ISS = 1;
const CLAIM_EXP = 4;
const CLAIM_IAT = 6;
const CLAIM_TYPE = -65537;
const CLAIM_CLAIMS = -65538;

export interface QrJwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  kid: string;
  alg?: string;
  use?: string;
  status?: string;
  /** ISO 8601; a retired key verifies nothing from this moment on. */
  notAfter?: string;
}

export interface QrKeySet {
  keys: readonly QrJwk[];
}

export type QrClaimValue = string | number | boolean | null | Uint8Array | QrClaimValue[] | QrClaims;
export interface QrClaims {
  [name: string]: QrClaimValue;
}

export interface QrCredential {
  credentialType: string;
  claims: QrClaims;
  kid: string;
  issuedAt: Date;
  expiresAt: Date;
}

export type QrVerification =
  | { status: 'valid'; credential: QrCredential }
  | { status: 'expired'; credential: QrCredential }
  | { status: 'tampered'; kid: string }
  | { status: 'unknown_key'; kid: string }
  | { status: 'malformed'; reason: string };

class Malformed extends Error {}

// --- Base45 (RFC 9285) ------------------------------------------------------------------

const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

export function base45Decode(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 3 === 1) throw new Malformed('Base45 length leaves a single character');
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  const value = (i: number): number => {
    const v = B45.indexOf(text.charAt(i));
    if (v < 0) throw new Malformed('not a Base45 character');
    return v;
  };
  for (let i = 0; i < text.length; i += 3) {
    if (i + 2 < text.length) {
      const n = value(i) + value(i + 1) * 45 + value(i + 2) * 2025;
      if (n > 0xffff) throw new Malformed('Base45 group out of range');
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = value(i) + value(i + 1) * 45;
      if (n > 0xff) throw new Malformed('Base45 group out of range');
      out[o++] = n;
    }
  }
  return out;
}

// --- zlib -------------------------------------------------------------------------------

async function inflate(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  // zlib framing (RFC 1950) is what the Compression Streams API calls 'deflate'.
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(data);
      controller.close();
    },
  });
  const reader = source.pipeThrough(new DecompressionStream('deflate')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > QR_MAX_INFLATED_BYTES) {
        await reader.cancel();
        throw new Malformed(`inflates beyond ${QR_MAX_INFLATED_BYTES} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Malformed) throw error;
    throw new Malformed('not zlib data');
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

// --- CBOR (RFC 8949), only what COSE_Sign1 and the payload use ----------------------------

type CborKey = number | string;
type CborValue =
  | number
  | string
  | boolean
  | null
  | Uint8Array<ArrayBuffer>
  | CborValue[]
  | Map<CborKey, CborValue>
  | CborTag;

class CborTag {
  constructor(
    readonly tag: number,
    readonly value: CborValue,
  ) {}
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

class CborReader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array<ArrayBuffer>) {}

  /** Exactly one item, filling the input. */
  static decode(bytes: Uint8Array<ArrayBuffer>): CborValue {
    const reader = new CborReader(bytes);
    const item = reader.item(0);
    if (reader.pos !== bytes.length) throw new Malformed('bytes after the CBOR item');
    return item;
  }

  private byte(): number {
    const b = this.bytes[this.pos];
    if (b === undefined) throw new Malformed('CBOR ends early');
    this.pos += 1;
    return b;
  }

  private take(length: number): Uint8Array<ArrayBuffer> {
    if (length > this.bytes.length - this.pos) throw new Malformed('CBOR ends early');
    const out = this.bytes.slice(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  private argument(info: number): number {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (size === undefined) throw new Malformed('indefinite or reserved CBOR length');
    let n = 0n;
    for (let i = 0; i < size; i++) n = (n << 8n) | BigInt(this.byte());
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new Malformed('CBOR integer too large');
    return Number(n);
  }

  private count(n: number): number {
    // Every item takes at least one byte: a longer count is a lie that would allocate.
    if (n > this.bytes.length - this.pos) throw new Malformed('CBOR count beyond the input');
    return n;
  }

  private item(depth: number): CborValue {
    if (depth > MAX_DEPTH) throw new Malformed('CBOR nests too deeply');
    const initial = this.byte();
    const major = initial >> 5;
    const info = initial & 0x1f;
    if (major === 7) return this.simple(info);
    const n = this.argument(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return this.take(n);
      case 3:
        try {
          return utf8.decode(this.take(n));
        } catch (error) {
          if (error instanceof Malformed) throw error;
          throw new Malformed('CBOR text is not UTF-8');
        }
      case 4: {
        const items: CborValue[] = [];
        for (let i = this.count(n); i > 0; i--) items.push(this.item(depth + 1));
        return items;
      }
      case 5: {
        const map = new Map<CborKey, CborValue>();
        for (let i = this.count(n); i > 0; i--) {
          const key = this.item(depth + 1);
          if (typeof key !== 'number' && typeof key !== 'string') {
            throw new Malformed('CBOR map keys must be integers or text');
          }
          if (map.has(key)) throw new Malformed('duplicate CBOR map key');
          map.set(key, this.item(depth + 1));
        }
        return map;
      }
      default:
        return new CborTag(n, this.item(depth + 1));
    }
  }

  private simple(info: number): CborValue {
    switch (info) {
      case 20:
        return false;
      case 21:
        return true;
      case 22:
        return null;
      case 25: {
        const half = (this.byte() << 8) | this.byte();
        const exponent = (half >> 10) & 0x1f;
        const mantissa = half & 0x3ff;
        const sign = half & 0x8000 ? -1 : 1;
        if (exponent === 0) return sign * mantissa * 2 ** -24;
        if (exponent === 31) return mantissa ? NaN : sign * Infinity;
        return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
      }
      case 26:
        return new DataView(this.take(4).buffer).getFloat32(0);
      case 27:
        return new DataView(this.take(8).buffer).getFloat64(0);
      default:
        throw new Malformed('unsupported CBOR simple value');
    }
  }
}

function head(major: number, length: number): number[] {
  if (length < 24) return [(major << 5) | length];
  if (length < 0x100) return [(major << 5) | 24, length];
  if (length < 0x10000) return [(major << 5) | 25, length >> 8, length & 0xff];
  return [(major << 5) | 26, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff];
}

/** CBOR of ["Signature1", protected, h'', payload]: the bytes COSE_Sign1 signs. */
function sigStructure(
  protectedHeader: Uint8Array<ArrayBuffer>,
  payload: Uint8Array<ArrayBuffer>,
): Uint8Array<ArrayBuffer> {
  const context = new TextEncoder().encode('Signature1');
  const parts: (number[] | Uint8Array)[] = [
    head(4, 4),
    head(3, context.length),
    context,
    head(2, protectedHeader.length),
    protectedHeader,
    head(2, 0),
    head(2, payload.length),
    payload,
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// --- COSE_Sign1 -------------------------------------------------------------------------

interface Sign1 {
  kid: string;
  protectedHeader: Uint8Array<ArrayBuffer>;
  payload: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function parse(text: string): Promise<Sign1> {
  if (text.length > QR_MAX_TEXT_CHARS) {
    throw new Malformed(`longer than ${QR_MAX_TEXT_CHARS} characters`);
  }
  if (!text.startsWith(QR_PREFIX)) throw new Malformed(`no ${QR_PREFIX} prefix`);
  let cose = CborReader.decode(await inflate(base45Decode(text.slice(QR_PREFIX.length))));
  if (cose instanceof CborTag) {
    if (cose.tag !== COSE_SIGN1_TAG) throw new Malformed('not a COSE_Sign1 tag');
    cose = cose.value;
  }
  if (!Array.isArray(cose) || cose.length !== 4) throw new Malformed('COSE_Sign1 is an array of four');
  const [protectedHeader, unprotected, payload, signature] = cose;
  if (
    !(protectedHeader instanceof Uint8Array) ||
    !(unprotected instanceof Map) ||
    !(payload instanceof Uint8Array) ||
    !(signature instanceof Uint8Array)
  ) {
    throw new Malformed('COSE_Sign1 member types');
  }
  if (signature.length !== 64) throw new Malformed('an ES256 signature is 64 bytes');
  const header = CborReader.decode(protectedHeader);
  if (!(header instanceof Map) || header.get(HEADER_ALG) !== ALG_ES256) {
    throw new Malformed('protected header must name ES256');
  }
  const kid = header.get(HEADER_KID);
  if (!(kid instanceof Uint8Array) || kid.length < 1 || kid.length > 32) {
    throw new Malformed('protected header must carry a kid');
  }
  return { kid: base64url(kid), protectedHeader, payload, signature };
}

function claimValue(value: CborValue): QrClaimValue {
  if (value instanceof CborTag) throw new Malformed('claims hold no CBOR tags');
  if (Array.isArray(value)) return value.map(claimValue);
  if (value instanceof Map) return claimMap(value);
  return value;
}

function claimMap(map: Map<CborKey, CborValue>): QrClaims {
  const claims: QrClaims = {};
  for (const [key, value] of map) {
    if (typeof key !== 'string') throw new Malformed('claim map keys must be text');
    Object.defineProperty(claims, key, { value: claimValue(value), enumerable: true, writable: true });
  }
  return claims;
}

function numericDate(value: CborValue | undefined): Date {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Malformed('NumericDate must be a whole number of seconds');
  }
  return new Date(value * 1000);
}

function credentialOf(sign1: Sign1): QrCredential {
  const payload = CborReader.decode(sign1.payload);
  if (!(payload instanceof Map) || payload.get(CLAIM_ISS) !== QR_ISSUER) {
    throw new Malformed('payload is not a Palm Customs claims map');
  }
  const credentialType = payload.get(CLAIM_TYPE);
  const claims = payload.get(CLAIM_CLAIMS);
  if (typeof credentialType !== 'string' || !(claims instanceof Map)) {
    throw new Malformed('payload lacks a credential type or claims');
  }
  return {
    credentialType,
    claims: claimMap(claims),
    kid: sign1.kid,
    issuedAt: numericDate(payload.get(CLAIM_IAT)),
    expiresAt: numericDate(payload.get(CLAIM_EXP)),
  };
}

async function importJwk(jwk: QrJwk): Promise<CryptoKey | null> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') return null;
  try {
    return await crypto.subtle.importKey(
      'jwk',
      { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
  } catch {
    return null;
  }
}

/** Verify a scanned text against a key set, as of `now`. Never throws for a bad input. */
export async function verifyQrCredential(
  text: string,
  { keySet, now }: { keySet: QrKeySet; now: Date },
): Promise<QrVerification> {
  let sign1: Sign1;
  try {
    sign1 = await parse(text);
  } catch (error) {
    if (error instanceof Malformed) return { status: 'malformed', reason: error.message };
    throw error;
  }
  const jwk = keySet.keys.find((candidate) => candidate.kid === sign1.kid);
  // An unreadable notAfter counts as passed.
  const retiredFor = jwk?.notAfter !== undefined && !(now.getTime() < Date.parse(jwk.notAfter));
  const key = jwk && !retiredFor ? await importJwk(jwk) : null;
  if (key === null) return { status: 'unknown_key', kid: sign1.kid };
  const genuine = await crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    sign1.signature,
    sigStructure(sign1.protectedHeader, sign1.payload),
  );
  if (!genuine) return { status: 'tampered', kid: sign1.kid };
  let credential: QrCredential;
  try {
    credential = credentialOf(sign1);
  } catch (error) {
    if (error instanceof Malformed) return { status: 'malformed', reason: error.message };
    throw error;
  }
  if (now.getTime() >= credential.expiresAt.getTime()) return { status: 'expired', credential };
  return { status: 'valid', credential };
}
