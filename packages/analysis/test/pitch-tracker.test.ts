import { describe, expect, it } from 'vitest';
import { trackPitch, type PitchTrack } from '../src/index.js';
import { RATE, centsBetween, concat, median, mix, noise, silence, sine, tone } from './pitch-signals.js';

/** Frames whose centre lies in [from, to) seconds. */
const framesIn = (track: PitchTrack, from: number, to: number): number[] =>
  [...track.times.keys()].filter(
    (i) => (track.times[i] as number) >= from && (track.times[i] as number) < to,
  );

const voicedShare = (track: PitchTrack, frames: readonly number[]): number =>
  frames.filter((i) => (track.f0[i] as number) > 0).length / frames.length;

/** Largest |cents| between the track and `truth(t)` over the given frames (unvoiced frames count as failures). */
const worstCents = (track: PitchTrack, frames: readonly number[], truth: (t: number) => number): number =>
  Math.max(
    ...frames.map((i) => {
      const f = track.f0[i] as number;
      return f > 0 ? Math.abs(centsBetween(f, truth(track.times[i] as number))) : Infinity;
    }),
  );

describe('trackPitch: output shape', () => {
  it('gives one frame per hop, centred on sample i × hop, with the hop and rate', () => {
    const track = trackPitch(sine(220, 1), RATE);
    expect(track.hop).toBe(256);
    expect(track.rate).toBe(RATE);
    expect(track.f0.length).toBe(Math.floor(RATE / 256) + 1);
    expect(track.times[10]).toBeCloseTo((10 * 256) / RATE, 12);
    expect(track.voicedProbability.length).toBe(track.f0.length);
  });

  it('rejects settings that cannot work, saying why', () => {
    expect(() => trackPitch(sine(220, 0.1), 0)).toThrow(/sample rate/);
    expect(() => trackPitch(sine(220, 0.1), RATE, { fmin: 500, fmax: 400 })).toThrow(/fmin/);
    expect(() => trackPitch(sine(220, 0.1), RATE, { fmin: 20 })).toThrow(/frameSize/);
  });

  it('handles an empty input', () => {
    const track = trackPitch(new Float32Array(0), RATE);
    expect(track.f0.length).toBe(1);
    expect(track.f0[0]).toBe(0);
  });
});

describe('trackPitch: steady tones', () => {
  it.each([82.4, 220, 440, 1046.5])('a %s Hz sine: median f0 within 10 cents, > 95 %% voiced', (hz) => {
    const track = trackPitch(sine(hz, 2), RATE);
    const all = framesIn(track, 0, 2);
    const voiced = all.map((i) => track.f0[i] as number).filter((f) => f > 0);
    expect(voicedShare(track, all)).toBeGreaterThan(0.95);
    expect(Math.abs(centsBetween(median(voiced), hz))).toBeLessThan(10);
    // Away from the edges every frame is within 5 cents.
    expect(worstCents(track, framesIn(track, 0.1, 1.9), () => hz)).toBeLessThan(5);
  });

  it('a harmonic tone with a weak fundamental is not heard an octave up', () => {
    // Sawtooth-like partials 1/k for k = 2…10, the fundamental at 0.1.
    const partials = [0.1, ...Array.from({ length: 9 }, (_, k) => 1 / (k + 2))];
    for (const hz of [98, 146.8, 261.6]) {
      const track = trackPitch(
        tone(1.5, () => hz, partials, 0.3),
        RATE,
      );
      const frames = framesIn(track, 0.1, 1.4);
      expect(voicedShare(track, frames)).toBe(1);
      expect(worstCents(track, frames, () => hz)).toBeLessThan(10);
    }
  });

  it('survives a DC offset and low-level noise', () => {
    const n = sine(196, 2, 0.3);
    const track = trackPitch(mix(0.4, n, noise(2, 0.003, 7)), RATE);
    const frames = framesIn(track, 0.1, 1.9);
    expect(voicedShare(track, frames)).toBeGreaterThan(0.95);
    expect(worstCents(track, frames, () => 196)).toBeLessThan(10);
  });
});

describe('trackPitch: moving pitch', () => {
  it('follows ±50-cent vibrato at 5.5 Hz within 20 cents of the instantaneous f0', () => {
    const truth = (t: number): number => 220 * 2 ** ((50 * Math.sin(2 * Math.PI * 5.5 * t)) / 1200);
    const track = trackPitch(tone(2, truth), RATE);
    expect(worstCents(track, framesIn(track, 0.1, 1.9), truth)).toBeLessThan(20);
  });

  it('tracks a 220 → 440 Hz glide over 1 s continuously', () => {
    const truth = (t: number): number => 220 * 2 ** Math.min(1, Math.max(0, t - 0.25));
    const track = trackPitch(tone(1.5, truth), RATE);
    const frames = framesIn(track, 0.05, 1.45);
    expect(voicedShare(track, frames)).toBe(1);
    expect(worstCents(track, frames, truth)).toBeLessThan(20);
  });
});

describe('trackPitch: voicing', () => {
  it('calls digital silence unvoiced', () => {
    const track = trackPitch(silence(1), RATE);
    expect(track.f0.every((f) => f === 0)).toBe(true);
    expect(track.voicedProbability.every((p) => p < 0.5)).toBe(true);
  });

  it('calls seeded white noise unvoiced on > 90 % of frames', () => {
    for (const seed of [1, 2, 3]) {
      const track = trackPitch(noise(2, 0.5, seed), RATE);
      const low = track.voicedProbability.filter((p) => p < 0.5).length;
      expect(low / track.f0.length).toBeGreaterThan(0.9);
      expect(track.f0.filter((f) => f > 0).length / track.f0.length).toBeLessThan(0.1);
    }
  });

  it('puts the voicing boundaries of note – silence – note within 30 ms of the truth', () => {
    const signal = concat(silence(0.2), sine(220, 0.5), silence(0.3), sine(330, 0.5), silence(0.2));
    const track = trackPitch(signal, RATE);
    const edges: number[] = [];
    for (let i = 1; i < track.f0.length; i++) {
      const was = (track.f0[i - 1] as number) > 0;
      const is = (track.f0[i] as number) > 0;
      // An edge sits halfway between the frames either side of it.
      if (was !== is) edges.push(((track.times[i - 1] as number) + (track.times[i] as number)) / 2);
    }
    expect(edges).toHaveLength(4);
    [0.2, 0.7, 1.0, 1.5].forEach((truth, k) => {
      expect(Math.abs((edges[k] as number) - truth)).toBeLessThan(0.03);
    });
    expect(worstCents(track, framesIn(track, 0.25, 0.65), () => 220)).toBeLessThan(5);
    expect(worstCents(track, framesIn(track, 1.05, 1.45), () => 330)).toBeLessThan(5);
  });
});
