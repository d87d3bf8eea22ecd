import { describe, expect, it } from 'vitest';
import {
  commonestInterval,
  estimateMeter,
  estimateTempo,
  gridFit,
  readableBeats,
  trackBeats,
} from '../src/index.js';
import {
  FRAME_RATE,
  impulseEnvelope,
  matchedShare,
  rampBeats,
  steadyBeats,
  type Impulse,
} from './synthetic-envelope.js';

const SECONDS = 30;
const beatImpulses = (times: readonly number[], strength = 1): Impulse[] =>
  times.map((time) => ({ time, strength }));

describe('estimateTempo', () => {
  it.each([60, 90, 120, 150, 180])('finds %i bpm in a jittered, noisy impulse train within 2 %', (bpm) => {
    const beats = steadyBeats(bpm, 0.37, SECONDS, 0.01, bpm);
    const envelope = impulseEnvelope(beatImpulses(beats), SECONDS, 0.15, bpm + 1);
    const estimate = estimateTempo(envelope, FRAME_RATE);
    expect(Math.abs(estimate.bpm / bpm - 1)).toBeLessThan(0.02);
    expect(estimate.candidates[0]?.bpm).toBe(estimate.bpm);
  });

  it('keeps 100 bpm, not 200, when weaker off-beat eighths sit between the beats', () => {
    const beats = steadyBeats(100, 0.2, SECONDS, 0.005, 7);
    const eighths = beats.map((t) => ({ time: t + 0.3, strength: 0.5 }));
    const envelope = impulseEnvelope([...beatImpulses(beats), ...eighths], SECONDS, 0.1, 8);
    expect(Math.abs(estimateTempo(envelope, FRAME_RATE).bpm / 100 - 1)).toBeLessThan(0.02);
  });

  it('returns no tempo for silence', () => {
    expect(estimateTempo(new Float64Array(3000), FRAME_RATE)).toEqual({ bpm: 0, candidates: [] });
  });
});

describe('trackBeats', () => {
  it.each([60, 90, 120, 150, 180])('at %i bpm puts at least 95 percent of beats within 30 ms', (bpm) => {
    const truth = steadyBeats(bpm, 0.37, SECONDS, 0.01, bpm);
    const envelope = impulseEnvelope(beatImpulses(truth), SECONDS, 0.15, bpm + 1);
    const track = trackBeats(envelope, FRAME_RATE);
    expect(matchedShare(truth, track.beats, 0.03)).toBeGreaterThanOrEqual(0.95);
    expect(matchedShare(track.beats, truth, 0.03)).toBeGreaterThanOrEqual(0.95);
    expect(Math.abs(track.bpm / bpm - 1)).toBeLessThan(0.02);
    expect(track.localBpm).toHaveLength(track.beats.length);
  });

  it('follows a tempo ramp from 100 to 120 bpm over 30 s', () => {
    const truth = rampBeats(100, 120, 0.25, SECONDS);
    const envelope = impulseEnvelope(beatImpulses(truth), SECONDS, 0.15, 11);
    const track = trackBeats(envelope, FRAME_RATE);
    expect(matchedShare(truth, track.beats, 0.05)).toBeGreaterThanOrEqual(0.9);
    expect(matchedShare(track.beats, truth, 0.05)).toBeGreaterThanOrEqual(0.9);
    const first = track.localBpm.slice(0, 5);
    const last = track.localBpm.slice(-5);
    expect(Math.max(...first)).toBeLessThan(108);
    expect(Math.min(...last)).toBeGreaterThan(112);
  });

  it('finds no beats in silence', () => {
    expect(trackBeats(new Float64Array(3000), FRAME_RATE).beats).toEqual([]);
  });
});

/** A bar pattern of beat accents repeated from `pickup` beats in, at 100 bpm. */
function accentedBeats(pattern: readonly number[], pickup: number, subdivisions: readonly number[] = []) {
  const truth = steadyBeats(100, 0.3, SECONDS, 0.005, 3);
  const impulses: Impulse[] = [];
  truth.forEach((time, i) => {
    const strength = pattern[(((i - pickup) % pattern.length) + pattern.length) % pattern.length] as number;
    impulses.push({ time, strength });
    for (const fraction of subdivisions) impulses.push({ time: time + 0.6 * fraction, strength: 0.35 });
  });
  return { truth, envelope: impulseEnvelope(impulses, SECONDS, 0.1, 4) };
}

describe('estimateMeter', () => {
  it('hears strong-weak-weak as 3/4 and finds the downbeat after a one-beat pickup', () => {
    const { truth, envelope } = accentedBeats([1, 0.4, 0.4], 1);
    const meter = estimateMeter(envelope, FRAME_RATE, truth);
    expect(meter).toMatchObject({ timeSignature: '3/4', downbeatIndex: 1, compound: false });
    expect(meter.confidence).toBeGreaterThan(0.5);
  });

  it('hears strong-weak-medium-weak as 4/4 with the downbeat on the strong beat', () => {
    const { truth, envelope } = accentedBeats([1, 0.4, 0.7, 0.4], 2);
    expect(estimateMeter(envelope, FRAME_RATE, truth)).toMatchObject({
      timeSignature: '4/4',
      downbeatIndex: 2,
    });
  });

  it('hears strong-weak with even eighths as 2/4', () => {
    const { truth, envelope } = accentedBeats([1, 0.4], 1, [0.5]);
    expect(estimateMeter(envelope, FRAME_RATE, truth)).toMatchObject({
      timeSignature: '2/4',
      downbeatIndex: 1,
    });
  });

  it('hears two beats a bar, each dividing in three, as 6/8', () => {
    const { truth, envelope } = accentedBeats([1, 0.45], 0, [1 / 3, 2 / 3]);
    expect(estimateMeter(envelope, FRAME_RATE, truth)).toMatchObject({
      timeSignature: '6/8',
      downbeatIndex: 0,
      compound: true,
    });
  });

  it('takes the notes’ word on dividing in three: eighths keep simple time, triplet quavers make 6/8', () => {
    const { truth, envelope } = accentedBeats([1, 0.45], 0, [1 / 3, 2 / 3]);
    const notesAt = (fractions: readonly number[]) =>
      truth.flatMap((time) => [time, ...fractions.map((f) => time + 0.6 * f)].map((t) => ({ time: t })));
    expect(estimateMeter(envelope, FRAME_RATE, truth, { notes: notesAt([0.5]) }).compound).toBe(false);
    expect(estimateMeter(envelope, FRAME_RATE, truth, { notes: notesAt([1 / 3, 2 / 3]) })).toMatchObject({
      timeSignature: '6/8',
      compound: true,
    });
  });

  it('reads 3/4 end to end from tracked beats', () => {
    const { envelope } = accentedBeats([1, 0.4, 0.4], 0);
    const { beats } = trackBeats(envelope, FRAME_RATE);
    const meter = estimateMeter(envelope, FRAME_RATE, beats);
    expect(meter.timeSignature).toBe('3/4');
    // The tracked beats may start later than the truth; the downbeat is wherever bar beat 1 falls.
    const downbeat = beats[meter.downbeatIndex] as number;
    const beatNumber = Math.round((downbeat - 0.3) / 0.6);
    expect(((beatNumber % 3) + 3) % 3).toBe(0);
  });

  it('reads a waltz-like melody as 3/4: a long note on each downbeat, the envelope only lightly accented', () => {
    const { truth, envelope } = accentedBeats([1, 0.75, 0.75], 2);
    // Bars of dotted half or half + quarter, or three quarters: the bar's first note is the longest.
    const notes = truth.flatMap((time, i) => {
      const beat = (i - 2 + 3) % 3;
      if (i % 9 === 2) return [{ time, duration: 1.8 }];
      if (beat === 0) return [{ time, duration: 1.2 }];
      if (i % 9 === 3 || i % 9 === 4) return [];
      return [{ time, duration: 0.6 }];
    });
    const meter = estimateMeter(envelope, FRAME_RATE, truth, { notes });
    expect(meter).toMatchObject({ timeSignature: '3/4', downbeatIndex: 2 });
    expect(meter.confidence).toBeGreaterThan(0.3);
  });

  it('reads a 4/4 chorale-like melody as 4/4, not 2/4 or 3/4: half notes on beats 1 and 3 alike', () => {
    // Every bar: quarter, quarter, half — or half, quarter, quarter; beats 1 and 3 equally accented.
    const { truth, envelope } = accentedBeats([1, 0.8, 1, 0.8], 0);
    const notes = truth.flatMap((time, i) => {
      const bar = Math.floor(i / 4);
      const beat = i % 4;
      const halfAt = bar % 2 === 0 ? 2 : 0;
      if (beat === halfAt + 1) return [];
      return [{ time, duration: beat === halfAt ? 1.2 : 0.6 }];
    });
    const meter = estimateMeter(envelope, FRAME_RATE, truth, { notes });
    expect(meter.timeSignature).toBe('4/4');
    expect(meter.downbeatIndex % 2).toBe(0);
  });

  it('keeps 4/4 when every third beat stands out only a little (no clear bar of three)', () => {
    const { truth, envelope } = accentedBeats([1, 0.9, 0.9, 1, 0.9, 0.9, 1, 0.95], 0);
    expect(estimateMeter(envelope, FRAME_RATE, truth).timeSignature).toBe('4/4');
  });

  it('uses note velocities to find the downbeat when the envelope is flat', () => {
    const { truth, envelope } = accentedBeats([1], 0);
    const notes = truth.map((time, i) => ({ time, velocity: i % 3 === 2 ? 120 : 50 }));
    expect(estimateMeter(envelope, FRAME_RATE, truth, { notes })).toMatchObject({
      timeSignature: '3/4',
      downbeatIndex: 2,
    });
  });
});

describe('readableBeats', () => {
  const envelopeOf = (period: number, seconds: number) => {
    const impulses = [];
    for (let t = 0.5; t < seconds; t += period) impulses.push({ time: t, strength: 1 });
    return impulseEnvelope(impulses, seconds, 0.02, 5);
  };
  const onsetsOf = (envelope: Float64Array) => ({
    times: [],
    strengths: [],
    envelope,
    frameRate: FRAME_RATE,
  });
  const notesEvery = (gap: number, seconds: number) =>
    Array.from({ length: Math.floor((seconds - 0.5) / gap) }, (_, i) => ({
      onset: 0.5 + i * gap,
      offset: 0.5 + (i + 1) * gap,
      midi: 67,
      velocity: 80,
      confidence: 1,
    }));

  it('doubles a beat under 60 bpm when the notes move in its halves, or on it (half notes at 100)', () => {
    const onsets = onsetsOf(envelopeOf(1.2, 30)); // 50 bpm pulses …
    expect(readableBeats(onsets, notesEvery(0.6, 30)).bpm).toBeCloseTo(100, 0); // … notes twice as fast
    // … notes on the pulse: the tempo prior prefers half notes at 100 to quarters at 50.
    expect(readableBeats(onsets, notesEvery(1.2, 30)).bpm).toBeCloseTo(100, 0);
  });

  it('keeps 110 bpm when the envelope is most periodic over two beats but the notes move in beats', () => {
    // A chorale-like line at 110 bpm: quarters, halves and a pair of eighths, every second beat louder, so
    // the envelope alone hears 55 bpm.
    const beat = 60 / 110;
    const pattern = [1, 1, 2, 1, 0.5, 0.5, 1, 2, 2, 1, 1];
    const notes = [];
    const impulses = [];
    let t = 0.5;
    for (let bar = 0; t < 28; bar++) {
      for (const beats of pattern) {
        const onBeat = Math.abs((t - 0.5) / beat - Math.round((t - 0.5) / beat)) < 0.01;
        const accent = onBeat && Math.round((t - 0.5) / beat) % 2 === 0 ? 1 : 0.08;
        impulses.push({ time: t, strength: accent });
        notes.push({ onset: t, offset: t + beats * beat, midi: 67, velocity: 80, confidence: 1 });
        t += beats * beat;
      }
    }
    const onsets = onsetsOf(impulseEnvelope(impulses, 30, 0.05, 9));
    expect(trackBeats(onsets.envelope, FRAME_RATE).bpm).toBeCloseTo(55, 0);
    expect(readableBeats(onsets, notes).bpm).toBeCloseTo(110, 0);
  });

  it('halves a beat over 180 bpm when the notes last two of it, or move with it (eighths at 100)', () => {
    const onsets = onsetsOf(envelopeOf(0.3, 30)); // 200 bpm pulses …
    expect(readableBeats(onsets, notesEvery(0.6, 30)).bpm).toBeCloseTo(100, 0);
    // … notes on every pulse: running eighths at 100 read more easily than quarters at 200.
    expect(readableBeats(onsets, notesEvery(0.3, 30)).bpm).toBeCloseTo(100, 0);
  });

  it('keeps 150 bpm when the notes move on its beats and its halves', () => {
    const onsets = onsetsOf(envelopeOf(0.4, 30)); // 150 bpm pulses, notes in quarters and eighths
    const notes = notesEvery(0.4, 30).flatMap((n, i) =>
      i % 2 === 0
        ? [n]
        : [
            { ...n, offset: n.onset + 0.2 },
            { ...n, onset: n.onset + 0.2 },
          ],
    );
    expect(readableBeats(onsets, notes).bpm).toBeCloseTo(150, 0);
  });
});

describe('notated tempo helpers', () => {
  it('gridFit: whole beats score 1, odd half beats ¾, the rest 0, each weighted by its length', () => {
    expect(gridFit([0.6, 1.2, 0.3], 0.6)).toBeCloseTo((0.6 + 1.2 + 0.75 * 0.3) / 2.1, 12);
    expect(gridFit([0.6, 0.45], 0.6)).toBeCloseTo(0.6 / 1.05, 12);
    expect(gridFit([], 0.6)).toBe(0);
  });

  it('commonestInterval: the interval the most note time moves in', () => {
    expect(commonestInterval([0.75, 1.5, 1.49, 1.51, 0.75, 3])).toBeCloseTo(1.5, 12);
    expect(commonestInterval([])).toBe(0);
  });
});
