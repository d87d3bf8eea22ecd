/**
 * In-place iterative radix-2 FFT on split real/imaginary arrays (length a power of two). Forward by
 * default; `inverse` conjugates the twiddles and scales by 1/n. Twiddle tables are cached per size.
 */
const tables = new Map<number, { cos: Float64Array; sin: Float64Array; rev: Uint32Array }>();

function tableFor(n: number): { cos: Float64Array; sin: Float64Array; rev: Uint32Array } {
  let t = tables.get(n);
  if (t) return t;
  if (n < 1 || (n & (n - 1)) !== 0) throw new RangeError(`FFT size must be a power of two, got ${n}`);
  const cos = new Float64Array(n / 2);
  const sin = new Float64Array(n / 2);
  for (let i = 0; i < n / 2; i++) {
    cos[i] = Math.cos((2 * Math.PI * i) / n);
    sin[i] = Math.sin((2 * Math.PI * i) / n);
  }
  const bits = Math.round(Math.log2(n));
  const rev = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    rev[i] = r;
  }
  t = { cos, sin, rev };
  tables.set(n, t);
  return t;
}

const negatedTables = new Map<number, Float64Array>();

/** −sin table for forward transforms (cached per size). */
function negatedSin(n: number, sin: Float64Array): Float64Array {
  let t = negatedTables.get(n);
  if (!t) {
    t = new Float64Array(sin.length);
    for (let i = 0; i < sin.length; i++) t[i] = -(sin[i] as number);
    negatedTables.set(n, t);
  }
  return t;
}

/** One radix-2 butterfly: (x_a, x_b) ← (x_a + w·x_b, x_a − w·x_b), w = wr + i·wi. */
function butterfly(re: Float64Array, im: Float64Array, a: number, b: number, wr: number, wi: number): void {
  const br = re[b] as number;
  const bi = im[b] as number;
  const xr = br * wr - bi * wi;
  const xi = br * wi + bi * wr;
  const ar = re[a] as number;
  const ai = im[a] as number;
  re[b] = ar - xr;
  im[b] = ai - xi;
  re[a] = ar + xr;
  im[a] = ai + xi;
}

export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (im.length !== n) throw new RangeError('fft: real and imaginary parts differ in length');
  const { cos, sin, rev } = tableFor(n);
  for (let i = 0; i < n; i++) {
    const j = rev[i] as number;
    if (j > i) {
      const tr = re[i] as number;
      re[i] = re[j] as number;
      re[j] = tr;
      const ti = im[i] as number;
      im[i] = im[j] as number;
      im[j] = ti;
    }
  }
  // Twiddle w_k = cos(2πk/n) ∓ i·sin(2πk/n) (− forward, + inverse); the sign is applied by choosing a
  // table, which is exact. Stages run in pairs (radix 2², one pass over memory for two stages) and
  // butterflies sharing twiddles run together; every butterfly does the same arithmetic as the textbook
  // radix-2 order, so results are bit for bit the same.
  const sinSigned = inverse ? sin : negatedSin(n, sin);
  let size = 2;
  if (Math.round(Math.log2(n)) % 2 === 1) {
    // An odd number of stages: the first (2-point butterflies, twiddle 1) runs alone.
    const wr = cos[0] as number;
    const wi = sinSigned[0] as number;
    for (let a = 0; a < n; a += 2) butterfly(re, im, a, a + 1, wr, wi);
    size = 4;
  }
  for (; size * 2 <= n; size *= 4) {
    // Stage `size` pairs (a, a + half) and (c, c + half); stage `2·size` then pairs (a, c) and (b, d).
    const half = size / 2;
    const step = n / size;
    const step2 = step / 2;
    const span = 2 * size;
    for (let k = 0; k < half; k++) {
      const w1r = cos[k * step] as number;
      const w1i = sinSigned[k * step] as number;
      const w2r = cos[k * step2] as number;
      const w2i = sinSigned[k * step2] as number;
      const w3r = cos[(k + half) * step2] as number;
      const w3i = sinSigned[(k + half) * step2] as number;
      for (let a = k; a < n; a += span) {
        const b = a + half;
        const c = a + size;
        const d = c + half;
        butterfly(re, im, a, b, w1r, w1i);
        butterfly(re, im, c, d, w1r, w1i);
        butterfly(re, im, a, c, w2r, w2i);
        butterfly(re, im, b, d, w3r, w3i);
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] = (re[i] as number) / n;
      im[i] = (im[i] as number) / n;
    }
  }
}

/** The smallest power of two ≥ n. */
export const nextPowerOfTwo = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

/** Magnitude spectrum (bins 0…n/2) of a real frame, zero-padded to `size` (a power of two). */
export function magnitudeSpectrum(frame: ArrayLike<number>, size: number): Float64Array {
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < Math.min(frame.length, size); i++) re[i] = frame[i] as number;
  fft(re, im);
  const out = new Float64Array(size / 2 + 1);
  for (let k = 0; k <= size / 2; k++) out[k] = Math.hypot(re[k] as number, im[k] as number);
  return out;
}

/** A Hann window of length n (periodic, as for STFT analysis). */
export function hann(n: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
  return w;
}
