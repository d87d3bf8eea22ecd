import { describe, expect, it } from 'vitest';
import {
  detectOnsets,
  logFilterbank,
  onsetStrength,
  onsetsFromEnvelope,
  superFluxLag,
} from '../src/index.js';
import {
  RATE,
  crescendo,
  legatoSine,
  matchOnsets,
  noiseBursts,
  plucks,
  vibratoTone,
  type Pluck,
} from './onset-signals.js';

const TOLERANCE = 0.02;

/** 20 plucks over four octaves at −6/−8/−10 dB, off the frame grid; note 10 is 20 dB below the quietest. */
function sequence(): Pluck[] {
  const midis = [40, 52, 64, 76, 45, 57, 69, 81, 48, 60, 72, 84, 43, 55, 67, 79, 50, 62, 74, 59];
  const gaps = [0.25, 0.4, 0.3, 0.35, 0.22, 0.5, 0.28, 0.33, 0.45, 0.26];
  let t = 0.2137;
  return midis.map((midi, i) => {
    const note = { time: t, midi, db: i === 9 ? -30 : -6 - (i % 3) * 2 };
    t += gaps[i % gaps.length] as number;
    return note;
  });
}

const steps = (lead: number, step: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => lead + step * (i + 1));

describe('detectOnsets on plucked notes', () => {
  const notes = sequence();
  const audio = plucks(notes, (notes.at(-1)?.time ?? 0) + 1);
  const reference = notes.map((n) => n.time);

  it('finds all 20 notes within ±20 ms and nothing else, the soft one included', () => {
    const { times, strengths } = detectOnsets(audio, RATE);
    const m = matchOnsets(reference, times, TOLERANCE);
    expect(m.precision).toBe(1);
    expect(m.recall).toBe(1);
    // Measured: the first note 14 ms early, every other 4 ms early (the frame before the onset).
    expect(Math.max(...m.errors.map(Math.abs))).toBeLessThanOrEqual(0.015);
    expect(m.errors.every((e) => e <= 0)).toBe(true);
    // The −30 dB note is the weakest onset by far.
    expect(strengths.indexOf(Math.min(...strengths))).toBe(9);
  });

  it('finds the same notes at 200 frames per second', () => {
    const { times, frameRate } = detectOnsets(audio, RATE, { frameRate: 200 });
    expect(frameRate).toBe(200);
    const m = matchOnsets(reference, times, TOLERANCE);
    expect([m.precision, m.recall]).toEqual([1, 1]);
  });

  it('finds each of eight repeated notes of one pitch 150 ms apart', () => {
    for (const midi of [45, 60, 76]) {
      const starts = Array.from({ length: 8 }, (_, i) => 0.3 + 0.15 * i);
      const repeated = starts.map((time, i) => ({ time, midi, db: -6, until: starts[i + 1] ?? 3 }));
      const { times } = detectOnsets(plucks(repeated, 2), RATE);
      const m = matchOnsets(starts, times, TOLERANCE);
      expect([midi, m.precision, m.recall]).toEqual([midi, 1, 1]);
    }
  });
});

describe('detectOnsets on sustained sounds', () => {
  it('sees a ±1 semitone, 6 Hz vibrato as one note (its start), from A1 to A6', () => {
    for (const midi of [33, 45, 57, 64, 69, 76, 81, 88, 93]) {
      const { times } = detectOnsets(vibratoTone(midi, 1, 6, 3), RATE);
      expect([midi, times.length]).toEqual([midi, 1]);
      expect(times[0]).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('gives a 2 s crescendo from silence at most one onset', () => {
    expect(detectOnsets(crescendo(2, 3), RATE).times.length).toBeLessThanOrEqual(1);
  });

  it('finds legato pitch changes of a sine with no change in amplitude', () => {
    const cases: [number[], string][] = [
      [[60, 62, 64, 65, 67, 69, 71, 72, 48, 52], 'scale and leaps'],
      [[69, 70, 71, 72, 71, 70, 69], 'semitones around A4'],
    ];
    for (const [midis, name] of cases) {
      const reference = [0, ...steps(0.3, 0.4, midis.length - 1)];
      const { times } = detectOnsets(legatoSine(midis, 0.4, 0.3), RATE);
      const m = matchOnsets(reference, times, TOLERANCE);
      expect([name, m.precision, m.recall]).toEqual([name, 1, 1]);
    }
  });

  it('finds white noise bursts', () => {
    const starts = [0.2, 0.5, 0.9, 1.2, 1.6, 1.75];
    const { times } = detectOnsets(noiseBursts(starts, 0.15, 2.2, 7), RATE);
    const m = matchOnsets(starts, times, TOLERANCE);
    expect([m.precision, m.recall]).toEqual([1, 1]);
  });

  it('finds nothing in silence, and an envelope of zeros', () => {
    const { times, envelope, frameRate } = detectOnsets(new Float32Array(RATE * 2), RATE);
    expect(times).toEqual([]);
    expect(frameRate).toBe(100);
    expect(envelope.length).toBe(200);
    expect(envelope.every((x) => x === 0)).toBe(true);
  });
});

describe('onsetStrength', () => {
  it('has one frame per hop, frame i at i / frameRate, for any frame rate', () => {
    const audio = new Float32Array(RATE);
    expect(onsetStrength(audio, RATE).envelope.length).toBe(100);
    expect(onsetStrength(audio, RATE, { frameRate: 150 }).envelope.length).toBe(150);
  });

  it('rises at a click placed mid-signal, peaking within a frame of it', () => {
    const audio = new Float32Array(RATE);
    audio[Math.round(0.5 * RATE)] = 1;
    const { envelope } = onsetStrength(audio, RATE);
    const peak = envelope.indexOf(Math.max(...envelope));
    expect(Math.abs(peak - 50)).toBeLessThanOrEqual(1);
  });

  it('rejects a frame rate above half the sample rate and a zero lag', () => {
    expect(() => onsetStrength(new Float32Array(100), RATE, { frameRate: RATE })).toThrow(/frame rate/);
    expect(() => onsetStrength(new Float32Array(100), RATE, { lag: 0 })).toThrow(/lag/);
  });

  it('uses the paper’s lag μ: 2 for 2048 samples at 44.1 kHz and 200 fps, 1 for 1024 at 22.05 kHz and 100 fps', () => {
    expect(superFluxLag(2048, 44_100 / 200)).toBe(2);
    expect(superFluxLag(1024, RATE / 100)).toBe(1);
  });
});

describe('logFilterbank', () => {
  const bank = logFilterbank({
    fftSize: 1024,
    sampleRate: RATE,
    bandsPerOctave: 24,
    minFrequency: 30,
    maxFrequency: 17_000,
  });

  it('has unit-area bands that stop at Nyquist and are single bins at the bottom', () => {
    for (const w of bank.weights) expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const last = bank.bands - 1;
    expect((bank.start[last] as number) + (bank.weights[last] as Float64Array).length).toBeLessThanOrEqual(
      513,
    );
    expect(bank.weights[0]).toEqual(Float64Array.of(1));
    expect(bank.start[0]).toBe(2); // 43 Hz, after the 30 Hz bin that only bounds it
  });
});

describe('onsetsFromEnvelope', () => {
  it('picks local maxima above the local mean + δ, at least minInterval apart', () => {
    const envelope = new Float64Array(100);
    envelope[0] = 5; // an onset in the very first frame
    envelope[20] = 3;
    envelope[22] = 2.9; // a weaker peak 20 ms later: not a local maximum
    envelope[50] = 0.5; // below δ
    envelope[70] = 4;
    envelope[71] = 4; // a plateau: reported once
    const { times, strengths } = onsetsFromEnvelope(envelope, 100, { delta: 1 });
    expect(times).toEqual([0, 0.2, 0.7]);
    expect(strengths).toEqual([5, 3, 4]);
  });

  it('keeps the earlier of two close peaks when the maximum window is narrower than minInterval', () => {
    const envelope = Float64Array.of(0, 0, 3, 0, 0, 0, 4, 0, 0, 0);
    const picked = (minInterval: number): number[] =>
      onsetsFromEnvelope(envelope, 100, { preMax: 0.01, postMax: 0.01, delta: 0.5, minInterval }).times;
    expect(picked(0.05)).toEqual([0.02]);
    expect(picked(0.03)).toEqual([0.02, 0.06]);
  });
});
