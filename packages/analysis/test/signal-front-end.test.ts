import { createRng } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import {
  analyseLevels,
  describeLevels,
  hann,
  magnitudeSpectrum,
  prepareForAnalysis,
  resample,
  toMono,
} from '../src/index.js';

const sine = (hz: number, rate: number, secs: number, amp = 0.5): Float32Array =>
  Float32Array.from(
    { length: Math.round(rate * secs) },
    (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate),
  );

const db = (x: number): number => 20 * Math.log10(x);

/** Hann-windowed spectrum of `size` samples from `start`, scaled so a sine of amplitude A reads A. */
function spectrum(x: Float32Array, start: number, size: number): Float64Array {
  const w = hann(size);
  const frame = Float64Array.from({ length: size }, (_, i) => (x[start + i] as number) * (w[i] as number));
  return magnitudeSpectrum(frame, size).map((m) => (4 * m) / size);
}

/** Frequency of the strongest bin, refined by a parabola through the log magnitudes around it. */
function peakHz(x: Float32Array, rate: number, size = 16384): number {
  const s = spectrum(x, Math.floor((x.length - size) / 2), size);
  let k = 1;
  for (let i = 1; i < s.length - 1; i++) if ((s[i] as number) > (s[k] as number)) k = i;
  const [a, b, c] = [s[k - 1], s[k], s[k + 1]].map((v) => Math.log(v as number)) as [number, number, number];
  return ((k + (0.5 * (a - c)) / (a - 2 * b + c)) * rate) / size;
}

/** Frequency from the first and last upward zero crossings (linearly interpolated). */
function zeroCrossingHz(x: Float32Array, rate: number): number {
  const crossings: number[] = [];
  for (let i = 1; i < x.length; i++) {
    const p = x[i - 1] as number;
    const q = x[i] as number;
    if (p < 0 && q >= 0) crossings.push(i - 1 + p / (p - q));
  }
  const first = crossings[1] as number; // skip the edges
  const last = crossings[crossings.length - 2] as number;
  return ((crossings.length - 3) * rate) / (last - first);
}

const rms = (x: Float32Array, from = 0, to = x.length): number => {
  let s = 0;
  for (let i = from; i < to; i++) s += (x[i] as number) ** 2;
  return Math.sqrt(s / (to - from));
};

describe('toMono', () => {
  it('averages channels and passes a single channel through', () => {
    const l = Float32Array.from([1, 0.5, -1]);
    const r = Float32Array.from([0, 0.5, 1]);
    expect(Array.from(toMono([l, r]))).toEqual([0.5, 0.5, 0]);
    expect(toMono([l])).toBe(l);
    expect(() => toMono([])).toThrow(/no channels/);
    expect(() => toMono([l, new Float32Array(2)])).toThrow(/differ in length/);
  });
});

describe('resample', () => {
  it('removes a 15 kHz sine going 44.1k → 22.05k (no false note at 7.05 kHz)', () => {
    const x = sine(15000, 44100, 1);
    const naive = x.filter((_, i) => i % 2 === 0); // what the test guards against
    expect(db(Math.max(...spectrum(naive, 3000, 16384)) / 0.5)).toBeGreaterThan(-3);
    const y = resample(x, 44100, 22050);
    const s = spectrum(y, 3000, 16384);
    const binHz = 22050 / 16384;
    const alias = s[Math.round(7050 / binHz)] as number;
    const loudest = Math.max(...s);
    expect(db(alias / 0.5)).toBeLessThan(-60);
    expect(db(loudest / 0.5)).toBeLessThan(-60);
  });

  it('rejects the 15 kHz sine as well with the analysis preset (half the taps), and keeps 8 kHz', () => {
    const y = resample(sine(15000, 44100, 1), 44100, 22050, 'analysis');
    expect(db(Math.max(...spectrum(y, 3000, 16384)) / 0.5)).toBeLessThan(-60);
    const kept = resample(sine(8000, 44100, 1), 44100, 22050, 'analysis');
    expect(Math.abs(db(Math.max(...spectrum(kept, 3000, 16384)) / 0.5))).toBeLessThan(1);
  });

  it('removes a 13 kHz sine going 48k → 22.05k (alias would be at 9.05 kHz)', () => {
    const y = resample(sine(13000, 48000, 1), 48000, 22050);
    expect(db(Math.max(...spectrum(y, 3000, 16384)) / 0.5)).toBeLessThan(-60);
  });

  it('keeps a 1 kHz sine: amplitude within 0.1 dB, same frequency, same phase', () => {
    for (const [from, to] of [
      [44100, 22050],
      [48000, 22050],
      [16000, 22050],
      [44100, 16000],
    ] as const) {
      const y = resample(sine(1000, from, 1), from, to);
      const ideal = sine(1000, to, 1);
      const edge = Math.round(to * 0.05);
      expect(Math.abs(db(rms(y, edge, y.length - edge) / rms(ideal, edge, y.length - edge)))).toBeLessThan(
        0.1,
      );
      let worst = 0;
      for (let i = edge; i < y.length - edge; i++)
        worst = Math.max(worst, Math.abs((y[i] as number) - (ideal[i] as number)));
      expect(worst).toBeLessThan(1e-4); // −74 dB below the sine: no drift in frequency or time
    }
  });

  it('keeps 440 Hz at 440 Hz (44.1k → 22.05k and 16k → 22.05k upsampling)', () => {
    for (const from of [44100, 16000]) {
      const y = resample(sine(440, from, 2), from, 22050);
      expect(Math.abs(peakHz(y, 22050) - 440)).toBeLessThan(0.5);
      expect(Math.abs(zeroCrossingHz(y, 22050) - 440)).toBeLessThan(0.5);
    }
  });

  it('handles an arbitrary ratio (44.1k → 22051.5 Hz)', () => {
    const y = resample(sine(440, 44100, 2), 44100, 22051.5);
    expect(y.length).toBe(Math.round((88200 * 22051.5) / 44100));
    expect(Math.abs(zeroCrossingHz(y, 22051.5) - 440)).toBeLessThan(0.5);
  });

  it('returns round(n × to / from) samples', () => {
    for (const [n, from, to] of [
      [44101, 44100, 22050],
      [48000, 48000, 22050],
      [1601, 16000, 22050],
      [44100, 44100, 16000],
      [7, 44100, 22050],
    ] as const) {
      expect(resample(new Float32Array(n), from, to).length).toBe(Math.round((n * to) / from));
    }
  });

  it('keeps a click at the same time (± 1 sample), with no group delay', () => {
    for (const [from, to, at] of [
      [44100, 22050, 10000],
      [48000, 22050, 12345],
      [16000, 22050, 4321],
      [44100, 16000, 9999],
    ] as const) {
      const x = new Float32Array(from);
      x[at] = 1;
      const y = resample(x, from, to);
      let arg = 0;
      for (let i = 0; i < y.length; i++) if (Math.abs(y[i] as number) > Math.abs(y[arg] as number)) arg = i;
      expect(Math.abs(arg - (at * to) / from)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps a constant constant and rejects nonsense rates', () => {
    const y = resample(new Float32Array(4410).fill(0.25), 44100, 22050);
    for (let i = 200; i < y.length - 200; i++) expect(y[i]).toBeCloseTo(0.25, 6);
    expect(() => resample(new Float32Array(4), 0, 22050)).toThrow(/fromRate/);
  });
});

describe('analyseLevels', () => {
  const rate = 22050;
  const clipped = sine(440, rate, 1, 1.5).map((v) => Math.max(-1, Math.min(1, v)));

  it('finds clipping in a clipped sine, twice a cycle, and none in a clean one', () => {
    const levels = analyseLevels(clipped, rate);
    expect(levels.clippedRuns).toBeGreaterThanOrEqual(878);
    expect(levels.clippedRuns).toBeLessThanOrEqual(880);
    expect(levels.clippedFraction).toBeGreaterThan(0.4);
    expect(describeLevels(levels)[0]).toMatch(/^the recording clips in 8\d\d places/);
    expect(analyseLevels(sine(440, rate, 1, 0.8), rate).clippedRuns).toBe(0);
    expect(analyseLevels(sine(440, rate, 1, 1), rate).clippedRuns).toBe(0);
  });

  it('finds clipping in a clipped sine turned down afterwards (flat tops at its own peak)', () => {
    expect(
      analyseLevels(
        clipped.map((v) => v * 0.5),
        rate,
      ).clippedRuns,
    ).toBeGreaterThanOrEqual(878);
    expect(analyseLevels(sine(440, rate, 1, 0.5), rate).clippedRuns).toBe(0);
  });

  it('measures leading and trailing silence within 50 ms, over faint noise', () => {
    const rng = createRng(6);
    const x = new Float32Array(rate * 6);
    for (let i = 0; i < x.length; i++) x[i] = (rng.next() - 0.5) * 0.002; // ≈ −65 dBFS RMS
    const tone = sine(440, rate, 1.3, 0.3);
    x.set(tone, Math.round(3.2 * rate));
    const levels = analyseLevels(x, rate);
    expect(levels.silent).toBe(false);
    expect(Math.abs(levels.leadingSilenceSeconds - 3.2)).toBeLessThan(0.05);
    expect(Math.abs(levels.trailingSilenceSeconds - 1.5)).toBeLessThan(0.05);
    expect(Math.abs(levels.silentFraction - 4.7 / 6)).toBeLessThan(0.02);
    expect(describeLevels(levels)).toEqual(['the first 3.2 s are silent', 'the last 1.5 s are silent']);
  });

  it('calls digital silence and faint noise silent', () => {
    const zeros = analyseLevels(new Float32Array(rate), rate);
    expect(zeros).toMatchObject({ silent: true, silentFraction: 1, peak: 0, rmsDbfs: -120 });
    expect(describeLevels(zeros)).toEqual(['the recording is silent (quieter than −60 dBFS throughout)']);
    const rng = createRng(7);
    const hiss = Float32Array.from({ length: rate }, () => (rng.next() - 0.5) * 0.001);
    expect(analyseLevels(hiss, rate).silent).toBe(true);
    expect(analyseLevels(new Float32Array(0), rate).silent).toBe(true);
  });

  it('reports the DC offset', () => {
    const x = sine(440, rate, 1, 0.3).map((v) => v + 0.2);
    expect(analyseLevels(x, rate).dcOffset).toBeCloseTo(0.2, 3);
  });
});

describe('prepareForAnalysis', () => {
  it('removes DC, resamples to 22.05 kHz and normalises the RMS to −20 dBFS', () => {
    const x = sine(440, 44100, 2, 0.05).map((v) => v + 0.3);
    const out = prepareForAnalysis([x], 44100);
    expect(out.rate).toBe(22050);
    expect(out.samples.length).toBe(44100);
    const mean = out.samples.reduce((a, b) => a + b, 0) / out.samples.length;
    expect(Math.abs(mean)).toBeLessThan(1e-4);
    expect(Math.abs(db(rms(out.samples)) - -20)).toBeLessThan(0.1);
    expect(Math.abs(zeroCrossingHz(out.samples, 22050) - 440)).toBeLessThan(0.5);
    expect(out.warnings).toEqual(['the recording has a DC offset of 0.300 (removed)']);
    expect(out.silent).toBe(false);
  });

  it('holds the peak at −1 dBFS when the RMS target would push it higher', () => {
    const x = new Float32Array(44100);
    for (let i = 1000; i < x.length; i += 4410) x[i] = 0.5; // sparse clicks: huge crest factor
    const out = prepareForAnalysis([x], 44100);
    const peak = out.samples.reduce((a, b) => Math.max(a, Math.abs(b)), 0);
    expect(db(peak)).toBeCloseTo(-1, 3);
  });

  it('mixes stereo and reports clipping from the channel that clips', () => {
    const clean = sine(330, 44100, 1, 0.4);
    const hot = sine(330, 44100, 1, 2).map((v) => Math.max(-1, Math.min(1, v)));
    const out = prepareForAnalysis([clean, hot], 44100);
    expect(out.levels.clippedRuns).toBeGreaterThanOrEqual(658);
    expect(out.warnings[0]).toMatch(/^the recording clips in \d+ places/);
  });

  it('flags a silent recording and leaves it alone', () => {
    const out = prepareForAnalysis([new Float32Array(48000), new Float32Array(48000)], 48000);
    expect(out).toMatchObject({ silent: true, gainDb: 0, rate: 22050 });
    expect(out.samples.length).toBe(22050);
    expect(out.warnings).toEqual(['the recording is silent (quieter than −60 dBFS throughout)']);
  });
});
