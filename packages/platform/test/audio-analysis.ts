/**
 * Small measurements for audio tests: level envelope, onsets, pitch by autocorrelation, magnitude
 * spectrum by FFT, spectral centroid. Independent of the code under test (no spessasynth here).
 */

/** Level in dBFS of consecutive frames of `frameSeconds` (mean square; -200 for digital silence). */
export function envelopeDb(samples: Float32Array, sampleRate: number, frameSeconds = 0.005): number[] {
  const n = Math.max(1, Math.round(frameSeconds * sampleRate));
  const out: number[] = [];
  for (let i = 0; i + n <= samples.length; i += n) {
    let sum = 0;
    for (let j = i; j < i + n; j++) sum += (samples[j] ?? 0) ** 2;
    out.push(sum > 0 ? 10 * Math.log10(sum / n) : -200);
  }
  return out;
}

/**
 * Onset times in seconds: 5 ms frames whose level jumps at least `riseDb` above every one of the
 * previous 4 frames (30 ms of look-back) and is within `floorDb` of the loudest frame. A new onset
 * needs 50 ms after the previous one.
 */
export function onsetTimes(samples: Float32Array, sampleRate: number, riseDb = 10, floorDb = 40): number[] {
  const frame = 0.005;
  const env = envelopeDb(samples, sampleRate, frame);
  const top = Math.max(...env);
  const onsets: number[] = [];
  for (let i = 0; i < env.length; i++) {
    const level = env[i] ?? -200;
    if (level < top - floorDb) continue;
    const before = Math.max(-200, ...env.slice(Math.max(0, i - 4), i));
    const last = onsets[onsets.length - 1];
    if (level - before >= riseDb && (last === undefined || i * frame - last > 0.05)) onsets.push(i * frame);
  }
  return onsets;
}

/**
 * Fundamental frequency in Hz by normalised autocorrelation over `length` samples from `from`: the
 * first lag (50–2000 Hz) whose correlation is within 10 % of the best, refined by a parabola through
 * its neighbours (sub-sample lag, so 440 Hz at 44.1 kHz is exact to far better than 0.1 %).
 */
export function pitchHz(samples: Float32Array, sampleRate: number, from: number, length = 4096): number {
  const x = samples.subarray(from, from + length);
  const minLag = Math.floor(sampleRate / 2000);
  const maxLag = Math.ceil(sampleRate / 50);
  const r = new Float64Array(maxLag + 2);
  for (let lag = 0; lag <= maxLag + 1; lag++) {
    let sum = 0;
    for (let i = 0; i + lag < x.length; i++) sum += (x[i] ?? 0) * (x[i + lag] ?? 0);
    r[lag] = sum / (x.length - lag);
  }
  let best = -Infinity;
  for (let lag = minLag; lag <= maxLag; lag++) best = Math.max(best, r[lag] ?? 0);
  let lag = minLag;
  // The first local maximum near the best one: the period, not a multiple of it.
  for (let l = minLag + 1; l <= maxLag; l++) {
    const v = r[l] ?? 0;
    if (v >= 0.9 * best && v >= (r[l - 1] ?? 0) && v >= (r[l + 1] ?? 0)) {
      lag = l;
      break;
    }
  }
  const a = r[lag - 1] ?? 0;
  const b = r[lag] ?? 0;
  const c = r[lag + 1] ?? 0;
  const shift = a - 2 * b + c === 0 ? 0 : (0.5 * (a - c)) / (a - 2 * b + c);
  return sampleRate / (lag + shift);
}

/** In-place radix-2 FFT of (re, im); length a power of two. */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j] ?? 0, re[i] ?? 0];
      [im[i], im[j]] = [im[j] ?? 0, im[i] ?? 0];
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const step = (-2 * Math.PI) / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < size / 2; k++) {
        const wr = Math.cos(step * k);
        const wi = Math.sin(step * k);
        const a = start + k;
        const b = a + size / 2;
        const tr = wr * (re[b] ?? 0) - wi * (im[b] ?? 0);
        const ti = wr * (im[b] ?? 0) + wi * (re[b] ?? 0);
        re[b] = (re[a] ?? 0) - tr;
        im[b] = (im[a] ?? 0) - ti;
        re[a] = (re[a] ?? 0) + tr;
        im[a] = (im[a] ?? 0) + ti;
      }
    }
  }
}

/** Magnitude spectrum of a Hann-windowed stretch; `binHz` is the frequency step between bins. */
export function spectrum(
  samples: Float32Array,
  sampleRate: number,
  from: number,
  size = 16384,
): { magnitudes: Float64Array; binHz: number } {
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (size - 1));
    re[i] = (samples[from + i] ?? 0) * w;
  }
  fft(re, im);
  const magnitudes = new Float64Array(size / 2);
  for (let k = 0; k < size / 2; k++) magnitudes[k] = Math.hypot(re[k] ?? 0, im[k] ?? 0);
  return { magnitudes, binHz: sampleRate / size };
}

/** Largest magnitude within ±`cents` of `hz`, in dB relative to the spectrum's largest magnitude. */
export function bandLevelDb(
  spec: { magnitudes: Float64Array; binHz: number },
  hz: number,
  cents = 30,
): number {
  const lo = Math.floor((hz * 2 ** (-cents / 1200)) / spec.binHz);
  const hi = Math.ceil((hz * 2 ** (cents / 1200)) / spec.binHz);
  let band = 0;
  for (let k = lo; k <= hi; k++) band = Math.max(band, spec.magnitudes[k] ?? 0);
  let top = 0;
  for (const m of spec.magnitudes) top = Math.max(top, m);
  return 20 * Math.log10(band / top);
}

/** Spectral centroid in Hz (magnitude-weighted mean frequency). */
export function spectralCentroid(spec: { magnitudes: Float64Array; binHz: number }): number {
  let weighted = 0;
  let total = 0;
  spec.magnitudes.forEach((m, k) => {
    weighted += m * k * spec.binHz;
    total += m;
  });
  return weighted / total;
}

/** Reads back a 16-bit PCM WAV (as `encodeWav16` writes it) into planar floats. */
export function decodeWav16(bytes: Uint8Array): { sampleRate: number; channels: Float32Array[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const channelCount = view.getUint16(22, true);
  const sampleRate = view.getUint32(24, true);
  const frames = view.getUint32(40, true) / (2 * channelCount);
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channelCount; c++) {
      channels[c]![i] = view.getInt16(44 + 2 * (i * channelCount + c), true) / 0x8000;
    }
  }
  return { sampleRate, channels };
}
