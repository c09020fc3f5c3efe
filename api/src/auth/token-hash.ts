/**
 * SHA-256 of a session token, synchronously, in plain JS: the same digest (base64url) that
 * `hashToken` (Web Crypto) stores in sessions.token_hash. Web Crypto's digest is async; on Node it is a
 * thread-pool job costing about 14 µs of CPU per call, a tenth of a nearby request, and node:crypto does
 * not exist on Workers. Tokens are short (43 characters), so this is one compression round.
 */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19] as const;
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const w = new Int32Array(64);
const h = new Int32Array(8);
/** The padded message, reused: tokens are at most 128 characters, so three blocks. */
const MAX_TEXT = 128;
const padded = new Uint8Array(192);
const digest = new Uint8Array(33);
const chars: number[] = new Array(43).fill(0);
const ALPHABET = Array.from(BASE64URL, (ch) => ch.charCodeAt(0));

function compress(block: Uint8Array, offset: number) {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    w[i] = ((block[j] as number) << 24) | ((block[j + 1] as number) << 16) | ((block[j + 2] as number) << 8) | (block[j + 3] as number);
  }
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15] as number;
    const y = w[i - 2] as number;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
  }
  let a = h[0] as number;
  let b = h[1] as number;
  let c = h[2] as number;
  let d = h[3] as number;
  let e = h[4] as number;
  let f = h[5] as number;
  let g = h[6] as number;
  let hh = h[7] as number;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (w[i] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0] as number) + a;
  h[1] = (h[1] as number) + b;
  h[2] = (h[2] as number) + c;
  h[3] = (h[3] as number) + d;
  h[4] = (h[4] as number) + e;
  h[5] = (h[5] as number) + f;
  h[6] = (h[6] as number) + g;
  h[7] = (h[7] as number) + hh;
}

/**
 * SHA-256 of an ASCII string of at most 128 characters (a bearer token: the auth middleware admits only
 * base64url characters), as unpadded base64url, equal to `hashToken(text)`. Other text is refused rather
 * than hashed differently. Allocates nothing but the answer: it runs on every signed-in request.
 */
export function sha256Base64Url(text: string): string {
  if (text.length > MAX_TEXT) throw new RangeError(`sha256Base64Url hashes at most ${MAX_TEXT} characters`);
  const length = Math.ceil((text.length + 9) / 64) * 64;
  padded.fill(0, 0, length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) throw new RangeError("sha256Base64Url hashes ASCII text only");
    padded[i] = code;
  }
  padded[text.length] = 0x80;
  const bits = text.length * 8;
  padded[length - 2] = bits >>> 8;
  padded[length - 1] = bits & 0xff;
  h.set(INITIAL);
  for (let offset = 0; offset < length; offset += 64) compress(padded, offset);
  for (let i = 0; i < 8; i++) {
    const v = h[i] as number;
    digest[i * 4] = v >>> 24;
    digest[i * 4 + 1] = (v >>> 16) & 0xff;
    digest[i * 4 + 2] = (v >>> 8) & 0xff;
    digest[i * 4 + 3] = v & 0xff;
  }
  // 32 bytes = ten 3-byte groups and a 2-byte tail (digest[32] stays 0): 43 characters, no padding.
  for (let i = 0, o = 0; i < 33; i += 3) {
    const n = ((digest[i] as number) << 16) | ((digest[i + 1] as number) << 8) | (digest[i + 2] as number);
    chars[o++] = ALPHABET[n >>> 18] as number;
    chars[o++] = ALPHABET[(n >>> 12) & 63] as number;
    chars[o++] = ALPHABET[(n >>> 6) & 63] as number;
    if (o < 43) chars[o++] = ALPHABET[n & 63] as number;
  }
  return String.fromCharCode.apply(null, chars);
}
