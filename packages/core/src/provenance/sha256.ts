const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * The SHA-256 digest (FIPS 180-4) of a string's UTF-8 bytes, as 64 hex
 * digits. Synchronous and dependency-free, so provenance hashes are the same
 * in Node and in the browser.
 *
 * @example
 * sha256('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256(text: string): string {
  return sha256Bytes(utf8(text));
}

/**
 * The SHA-256 digest of the concatenation of byte chunks, as 64 hex digits.
 * Large chunks (a panel's values) are hashed in place, without a copy.
 *
 * @example
 * sha256Bytes(new Uint8Array([0x61, 0x62]), new Uint8Array([0x63])); // same as sha256('abc')
 */
export function sha256Bytes(...chunks: readonly Uint8Array[]): string {
  const h = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Int32Array(64);
  const block = new Uint8Array(64);
  const blockView = new DataView(block.buffer);
  let filled = 0;
  let length = 0;
  for (const chunk of chunks) {
    length += chunk.length;
    let offset = 0;
    if (filled > 0) {
      const take = Math.min(64 - filled, chunk.length);
      block.set(chunk.subarray(0, take), filled);
      filled += take;
      offset = take;
      if (filled < 64) continue;
      compress(h, w, blockView, 0);
    }
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (; offset + 64 <= chunk.length; offset += 64) compress(h, w, view, offset);
    block.set(chunk.subarray(offset), 0);
    filled = chunk.length - offset;
  }
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian number.
  const tail = new Uint8Array(filled + 9 <= 64 ? 64 : 128);
  tail.set(block.subarray(0, filled));
  tail[filled] = 0x80;
  const bits = length * 8;
  const high = Math.floor(bits / 2 ** 32);
  const low = bits >>> 0;
  const end = tail.length;
  tail[end - 8] = high >>> 24;
  tail[end - 7] = (high >>> 16) & 255;
  tail[end - 6] = (high >>> 8) & 255;
  tail[end - 5] = high & 255;
  tail[end - 4] = low >>> 24;
  tail[end - 3] = (low >>> 16) & 255;
  tail[end - 2] = (low >>> 8) & 255;
  tail[end - 1] = low & 255;
  const tailView = new DataView(tail.buffer);
  for (let offset = 0; offset < end; offset += 64) compress(h, w, tailView, offset);
  let hex = '';
  for (let i = 0; i < 8; i++) hex += (h[i] >>> 0).toString(16).padStart(8, '0');
  return hex;
}

/** One 64-byte block of SHA-256: updates the state `h` in place. */
function compress(h: Int32Array, w: Int32Array, bytes: DataView, offset: number): void {
  for (let i = 0; i < 16; i++) w[i] = bytes.getInt32(offset + i * 4);
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15];
    const b = w[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = h[0];
  let b = h[1];
  let c = h[2];
  let d = h[3];
  let e = h[4];
  let f = h[5];
  let g = h[6];
  let hh = h[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (hh + S1 + ch + K[i] + w[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += hh;
}

/**
 * The UTF-8 bytes of a string (a lone surrogate becomes U+FFFD, as with TextEncoder).
 *
 * @example
 * utf8('平'); // Uint8Array [0xe5, 0xb9, 0xb3]
 */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else code = 0xfffd;
    } else if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(out);
}
